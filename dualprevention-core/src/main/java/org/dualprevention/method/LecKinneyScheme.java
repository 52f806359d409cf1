package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code LEC-KINNEY}: Fine–Kinney classes 400/200/70/20 on LEC scores.
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LecKinneyScheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public LecKinneyScheme() {
        super(BuiltInSchemes.lecKinney());
    }
}
