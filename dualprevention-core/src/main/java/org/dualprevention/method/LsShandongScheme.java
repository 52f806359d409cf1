package org.dualprevention.method;

/**
 * Provider of the shipped grading scheme {@code LS-SHANDONG}: LS Shandong-style bands with action and deadline text (the LS default).
 * See {@link BuiltInSchemes} for bands, boundary sides and sources.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LsShandongScheme extends BuiltInScheme {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public LsShandongScheme() {
        super(BuiltInSchemes.lsShandong());
    }
}
