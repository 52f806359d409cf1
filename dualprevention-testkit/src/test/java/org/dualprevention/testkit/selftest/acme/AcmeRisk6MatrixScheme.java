package org.dualprevention.testkit.selftest.acme;

import java.util.List;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.support.CellGradingScheme;
import org.dualprevention.spi.GradingScheme;

/**
 * The same company matrix graded cell by cell, built from the spi's {@link CellGradingScheme} data
 * class; {@link AcmeRisk6Schemes} contributes it.
 */
public final class AcmeRisk6MatrixScheme implements GradingScheme {
    /** The namespaced id. */
    public static final SchemeId ID = SchemeId.of("ACME.RISK6-CELLS");

    private static final CellGradingScheme CELLS = CellGradingScheme.builder(ID, AcmeRisk6Method.ID, 6, 6)
            .name("ACME 6x6 by cell")
            .source("ACME safety manual 2026, table 4")
            .grades(Grade.of("red", "红", RiskLevel.MAJOR), Grade.of("orange", "橙", RiskLevel.SIGNIFICANT),
                    Grade.of("yellow", "黄", RiskLevel.GENERAL), Grade.of("blue", "蓝", RiskLevel.LOW))
            //        C=1      2         3         4         5         6
            .row(1, "blue", "blue", "blue", "blue", "yellow", "yellow")
            .row(2, "blue", "blue", "blue", "yellow", "yellow", "orange")
            .row(3, "blue", "blue", "yellow", "yellow", "orange", "orange")
            .row(4, "blue", "yellow", "yellow", "orange", "orange", "red")
            .row(5, "yellow", "yellow", "orange", "orange", "red", "red")
            .row(6, "yellow", "orange", "orange", "red", "red", "red")
            .build();

    /**
     * The matrix as data.
     *
     * @return the cells
     */
    public static CellGradingScheme cells() {
        return CELLS;
    }

    /** Public no-argument constructor. */
    public AcmeRisk6MatrixScheme() {
    }

    @Override
    public SchemeId id() {
        return CELLS.id();
    }

    @Override
    public String name() {
        return CELLS.name();
    }

    @Override
    public String source() {
        return CELLS.source();
    }

    @Override
    public MethodId method() {
        return CELLS.method();
    }

    @Override
    public List<Grade> grades() {
        return CELLS.grades();
    }

    @Override
    public Grade grade(Score score) {
        return CELLS.grade(score);
    }
}
