package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code MES-4}: MES four-band variant.
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Mes4Scheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public Mes4Scheme() {
        super(BuiltInSchemes.mes4());
    }
}
