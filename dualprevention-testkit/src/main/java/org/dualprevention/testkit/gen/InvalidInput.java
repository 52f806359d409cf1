package org.dualprevention.testkit.gen;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.dualprevention.risk.AssessmentInput;

/**
 * An invalid assessment input made by an {@link InputMutation}: the raw values (which may include
 * {@code null}, NaN or infinities, so they are kept as JDK numbers) and the violation path the
 * rejection must name.
 *
 * <p>Feed {@link #values()} to {@link AssessmentInput#of(Map)} and then to the method; one of the two
 * steps must throw a {@link org.dualprevention.ValidationException} with a violation at {@link #path()}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param mutation the mutation that made it
 * @param values factor key to raw value; may contain {@code null}
 * @param path the violation path expected, e.g. {@code factors.E}
 * @param description what was changed, for failure messages
 * @since 0.1
 */
public record InvalidInput(InputMutation mutation, Map<String, Number> values, String path, String description) {
    /** Validates and copies the components. */
    public InvalidInput {
        Objects.requireNonNull(mutation, "mutation");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return mutation + " (" + description + "): " + values + " -> expects a violation at " + path;
    }
}
