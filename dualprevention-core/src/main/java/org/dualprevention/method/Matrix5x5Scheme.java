package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code MATRIX-5X5}: 5×5 per-cell matrix consistent with LS-SHANDONG (the MATRIX default).
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Matrix5x5Scheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public Matrix5x5Scheme() {
        super(BuiltInSchemes.matrix5x5());
    }
}
