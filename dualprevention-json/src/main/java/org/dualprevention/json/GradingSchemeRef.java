package org.dualprevention.json;

import java.util.Objects;

import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.spi.GradingScheme;

/**
 * A grading scheme in use by a register, as recorded in the document: its id, the method it grades, its
 * name and the standard it comes from. On import each is checked against the installed scheme.
 *
 * @param id the scheme id
 * @param method the method it grades
 * @param name its name
 * @param source the standard or document its thresholds come from
 * @since 0.1
 */
public record GradingSchemeRef(SchemeId id, MethodId method, String name, String source) {
    /** Validates the components. */
    public GradingSchemeRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Describes an installed scheme.
     *
     * @param scheme the scheme
     * @return its reference
     */
    public static GradingSchemeRef of(GradingScheme scheme) {
        return new GradingSchemeRef(scheme.id(), scheme.method(), scheme.name(), scheme.source());
    }
}
