package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code MATRIX-4X4-ENTERPRISE}: enterprise 4×4 per-cell matrix (the MATRIX-4X4 default).
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Matrix4x4EnterpriseScheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public Matrix4x4EnterpriseScheme() {
        super(BuiltInSchemes.matrix4x4Enterprise());
    }
}
