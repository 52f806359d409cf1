package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code LEC-BINARY}: LEC binary split, major hazard if D ≥ 160.
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LecBinaryScheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public LecBinaryScheme() {
        super(BuiltInSchemes.lecBinary());
    }
}
