package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code LEC-V1-STRICT}: LEC five grades with V1 colours, 70 in the higher band (从严从高).
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LecV1StrictScheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public LecV1StrictScheme() {
        super(BuiltInSchemes.lecV1Strict());
    }
}
