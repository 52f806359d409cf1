package org.dualprevention.spi;

import java.util.List;
import java.util.Optional;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;

/**
 * Turns a score of one assessment method into a grade, and so into one of the four levels.
 * Thresholds differ between standards, so a scheme is data with an id, a name and a source.
 *
 * <h2>Contract</h2>
 * Implementations are immutable, thread-safe and deterministic. {@link #grade(Score)} is total over the
 * scores the method can produce: each gets exactly one grade. A higher score (or, for matrices, a cell
 * not lower in either direction) never gets a less severe level. {@link #grades()} lists every grade,
 * most severe first. The testkit's {@code GradingSchemeContract} checks this exhaustively.
 *
 * <h2>Registration</h2>
 * As for {@link AssessmentMethod}: {@code META-INF/services/org.dualprevention.spi.GradingScheme} and
 * {@code provides org.dualprevention.spi.GradingScheme with …;}, or by hand on the engine's builder. A
 * plug-in with several schemes registers one {@link GradingSchemeProvider} instead of one class per scheme.
 *
 * @since 0.1
 */
public interface GradingScheme {
    /** @return the stable id, e.g. {@code LEC-V1} */
    SchemeId id();

    /** @return a human-readable name */
    String name();

    /** @return the standard or document the thresholds come from */
    String source();

    /** @return the method whose scores this scheme grades */
    MethodId method();

    /** @return every grade, most severe first; immutable */
    List<Grade> grades();

    /**
     * Grades a score.
     *
     * @param score a score produced by {@link #method()}
     * @return its grade
     * @throws org.dualprevention.ValidationException if the score is outside what the scheme covers
     */
    Grade grade(Score score);

    /**
     * The implementation version, for diagnostics only.
     *
     * @return the jar's implementation version, if any
     */
    default Optional<String> version() {
        Package p = getClass().getPackage();
        return Optional.ofNullable(p == null ? null : p.getImplementationVersion());
    }
}
