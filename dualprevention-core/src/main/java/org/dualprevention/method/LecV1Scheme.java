package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code LEC-V1}: LEC five grades with V1 colours (the LEC default).
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LecV1Scheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public LecV1Scheme() {
        super(BuiltInSchemes.lecV1());
    }
}
