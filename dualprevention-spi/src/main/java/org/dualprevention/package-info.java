/**
 * The exceptions of dualprevention: {@link org.dualprevention.DualPreventionException} and its subtypes.
 *
 * <p>Every exception is unchecked and carries structured fields. Collections returned anywhere in the
 * library are never {@code null} and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention;

import org.jspecify.annotations.NullMarked;
