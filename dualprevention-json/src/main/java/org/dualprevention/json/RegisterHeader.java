package org.dualprevention.json;

import java.util.List;
import java.util.Objects;

import org.dualprevention.organization.Organization;

/**
 * Everything in a register document except its risk points: the organisation and the grading schemes in
 * use.
 *
 * @param organization the organisation tree that owns the risk points and measures
 * @param gradingSchemes the grading schemes the assessments use, each listed once
 * @since 0.1
 */
public record RegisterHeader(Organization organization, List<GradingSchemeRef> gradingSchemes) {
    /** Validates and copies the components. */
    public RegisterHeader {
        Objects.requireNonNull(organization, "organization");
        gradingSchemes = List.copyOf(gradingSchemes);
    }
}
