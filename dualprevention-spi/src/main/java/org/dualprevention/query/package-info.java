/**
 * The query model of {@link org.dualprevention.spi.Storage}: one immutable query per aggregate
 * ({@link org.dualprevention.query.HiddenDangerQuery} and its siblings), with its reference meaning in
 * {@code matches(..)}, plus {@link org.dualprevention.query.PageRequest}, {@link org.dualprevention.query.Page}
 * and {@link org.dualprevention.query.Versioned}.
 *
 * <p>Values here are immutable; collections returned are never {@code null} and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.query;

import org.jspecify.annotations.NullMarked;
