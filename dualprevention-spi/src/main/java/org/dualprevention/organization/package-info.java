/**
 * The organisation tree and the control levels of graded control (分级管控).
 *
 * <p>Values here are immutable; collections returned are never {@code null} and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.organization;

import org.jspecify.annotations.NullMarked;
