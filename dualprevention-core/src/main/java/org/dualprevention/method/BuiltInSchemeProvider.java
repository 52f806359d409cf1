package org.dualprevention.method;

import java.util.List;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;

/**
 * Contributes every shipped grading scheme of {@link BuiltInSchemes}, in the order of its table; the
 * engine discovers it with {@link java.util.ServiceLoader}. Its schemes' ids are reserved for the
 * built-ins because this provider lies in {@code org.dualprevention.method}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class BuiltInSchemeProvider implements GradingSchemeProvider {
    /** Creates the provider; used by {@link java.util.ServiceLoader}. */
    public BuiltInSchemeProvider() {
    }

    /** @return {@link BuiltInSchemes#all()}: the fourteen shipped schemes; immutable */
    @Override
    public List<GradingScheme> schemes() {
        return BuiltInSchemes.all();
    }

    @Override
    public String toString() {
        return "BuiltInSchemeProvider" + BuiltInSchemes.all().stream().map(s -> s.id().value()).toList();
    }
}
