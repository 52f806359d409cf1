package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code LS-ZGMKW}: LS bands 20–25 / 9–16 / 4–8 / 1–3.
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LsZgmkwScheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public LsZgmkwScheme() {
        super(BuiltInSchemes.lsZgmkw());
    }
}
