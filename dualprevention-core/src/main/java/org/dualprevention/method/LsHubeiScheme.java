package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code LS-HUBEI}: LS bands ≥17 / 13–16 / 8–12 / ≤7.
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LsHubeiScheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public LsHubeiScheme() {
        super(BuiltInSchemes.lsHubei());
    }
}
