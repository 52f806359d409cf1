package org.dualprevention.risk;

import java.util.Objects;
import org.dualprevention.internal.Checks;

/**
 * One grade of a grading scheme: a stable code, its name, the four-colour level it means, and the
 * action the standard prescribes. Numerals and letters ("1级", "A") are labels; {@link #level()} is the meaning.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param code stable code within its scheme, e.g. {@code "1"} or {@code "extreme"}
 * @param name display name, e.g. {@code "极其危险 (extremely dangerous)"}
 * @param level the four-colour level this grade means
 * @param action the prescribed action, empty if the source gives none
 * @since 0.1
 */
public record Grade(String code, String name, RiskLevel level, String action) {
    /** Validates the components. */
    public Grade {
        code = Checks.notBlank(code, "code");
        name = Checks.notBlank(name, "name");
        Objects.requireNonNull(level, "level");
        Checks.text(action, "action");
    }

    /**
     * A grade without an action text.
     *
     * @param code code
     * @param name name
     * @param level level
     * @return the grade
     */
    public static Grade of(String code, String name, RiskLevel level) {
        return new Grade(code, name, level, "");
    }
}
