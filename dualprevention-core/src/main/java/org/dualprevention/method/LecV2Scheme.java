package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code LEC-V2}: LEC five grades with V2 colours.
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LecV2Scheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public LecV2Scheme() {
        super(BuiltInSchemes.lecV2());
    }
}
