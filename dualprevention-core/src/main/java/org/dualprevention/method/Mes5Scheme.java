package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code MES-5}: MES five grades (the MES default).
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Mes5Scheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public Mes5Scheme() {
        super(BuiltInSchemes.mes5());
    }
}
