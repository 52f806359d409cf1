package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code DIRECT}: direct determination, any criterion met gives 重大 (the DIRECT default).
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class DirectScheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public DirectScheme() {
        super(BuiltInSchemes.direct());
    }
}
