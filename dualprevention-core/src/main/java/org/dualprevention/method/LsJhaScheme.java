package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code LS-JHA}: LS bands 20–25 / 15–16 / 6–12 / 1–5.
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LsJhaScheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public LsJhaScheme() {
        super(BuiltInSchemes.lsJha());
    }
}
