package org.dualprevention.spi.support;

/**
 * Which of the two bands meeting at a threshold the threshold value itself belongs to.
 *
 * <p>Used by {@link BandedGradingScheme.Builder#threshold(java.math.BigDecimal, BoundarySide, org.dualprevention.risk.Grade)}.
 * The recommended LEC default puts 20 in the upper band ({@code [20, 70]}) and 70 in the lower band
 * ({@code [20, 70]}, then {@code (70, 160]}); the "从严从高" reading puts 70 in the upper band instead.
 *
 * @since 0.1
 */
public enum BoundarySide {
    /** The threshold value belongs to the band below it: {@code (…, t]} then {@code (t, …)}. */
    LOWER,
    /** The threshold value belongs to the band above it: {@code (…, t)} then {@code [t, …)}. */
    UPPER
}
