/**
 * The extension points: assessment methods, grading schemes, storage, listeners and the access policy.
 *
 * <p>Values here are immutable; collections returned are never {@code null} and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.spi;

import org.jspecify.annotations.NullMarked;
