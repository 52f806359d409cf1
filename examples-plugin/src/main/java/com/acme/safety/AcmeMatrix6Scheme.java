package com.acme.safety;

import java.util.List;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.support.CellGradingScheme;
import org.dualprevention.spi.GradingScheme;

/**
 * The grading of ACME's 6×6 matrix, one grade per cell (rows F 1-6, columns S 1-6). The table is ACME's
 * own company standard, shown here as an example; it is monotone (a higher row or column is never
 * graded lower).
 *
 * <p>Immutable and thread-safe. Found by {@link java.util.ServiceLoader} through its public no-argument
 * constructor, registered as an {@code org.dualprevention.spi.GradingScheme} of its own: the simplest
 * registration for a plug-in with one scheme. A plug-in with several schemes would list them in one
 * {@link org.dualprevention.spi.GradingSchemeProvider} instead.
 *
 * @since 0.1
 */
public final class AcmeMatrix6Scheme implements GradingScheme {
    /** The scheme id, namespaced by the company. */
    public static final SchemeId ID = SchemeId.of("ACME.MATRIX6-DEFAULT");

    private static final CellGradingScheme TABLE = CellGradingScheme.builder(ID, AcmeMatrix6Method.ID, 6, 6)
            .name("ACME 6×6 company risk matrix")
            .source("ACME Chemicals company standard ACME-HSE-007 (example data written for dualprevention)")
            .grades(Grade.of("A", "A: intolerable (major risk)", RiskLevel.MAJOR),
                    Grade.of("B", "B: high (significant risk)", RiskLevel.SIGNIFICANT),
                    Grade.of("C", "C: medium (general risk)", RiskLevel.GENERAL),
                    Grade.of("D", "D: low (low risk)", RiskLevel.LOW))
            //      S=1  S=2  S=3  S=4  S=5  S=6
            .row(1, "D", "D", "D", "D", "C", "C")
            .row(2, "D", "D", "D", "C", "C", "B")
            .row(3, "D", "D", "C", "C", "B", "B")
            .row(4, "D", "C", "C", "B", "B", "A")
            .row(5, "C", "C", "B", "B", "A", "A")
            .row(6, "C", "B", "B", "A", "A", "A")
            .build();

    /**
     * The scheme's matrix, as its standard prints it: the testkit checks every cell against it (rules G9, G11).
     *
     * @return the 6×6 table
     */
    public static CellGradingScheme table() {
        return TABLE;
    }

    /** Creates the scheme (used by the service loader). */
    public AcmeMatrix6Scheme() {
        // the table is a constant
    }

    @Override
    public SchemeId id() {
        return ID;
    }

    @Override
    public String name() {
        return TABLE.name();
    }

    @Override
    public String source() {
        return TABLE.source();
    }

    @Override
    public MethodId method() {
        return AcmeMatrix6Method.ID;
    }

    @Override
    public List<Grade> grades() {
        return TABLE.grades();
    }

    @Override
    public Grade grade(Score score) {
        return TABLE.grade(score);
    }

    @Override
    public String toString() {
        return TABLE.toString();
    }
}
