/**
 * Ready-made building blocks for plug-in authors: grading schemes given by score bands
 * ({@link org.dualprevention.spi.support.BandedGradingScheme}) or by matrix cells
 * ({@link org.dualprevention.spi.support.CellGradingScheme}).
 *
 * <p>Values here are immutable; collections returned are never {@code null} and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.spi.support;

import org.jspecify.annotations.NullMarked;
