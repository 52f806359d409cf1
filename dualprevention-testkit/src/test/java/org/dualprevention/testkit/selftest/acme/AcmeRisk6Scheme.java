package org.dualprevention.testkit.selftest.acme;

import java.util.List;
import java.util.Objects;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.GradingScheme;

/**
 * A hand-written grading scheme for {@link AcmeRisk6Method}, implementing the {@link GradingScheme}
 * interface directly: the grade follows P + C (2 to 12): 11–12 A (major), 9–10 B (significant),
 * 6–8 C (general), 2–5 D (low). {@link AcmeRisk6Schemes} contributes it.
 */
public final class AcmeRisk6Scheme implements GradingScheme {
    /** The namespaced id. */
    public static final SchemeId ID = SchemeId.of("ACME.RISK6-SUM");

    private static final Grade A = new Grade("A", "A 重大 (stop work)", RiskLevel.MAJOR, "stop work and fix now");
    private static final Grade B = new Grade("B", "B 较大", RiskLevel.SIGNIFICANT, "fix within a week");
    private static final Grade C = Grade.of("C", "C 一般", RiskLevel.GENERAL);
    private static final Grade D = Grade.of("D", "D 低", RiskLevel.LOW);
    private static final List<Grade> GRADES = List.of(A, B, C, D);

    /** Public no-argument constructor. */
    public AcmeRisk6Scheme() {
    }

    @Override
    public SchemeId id() {
        return ID;
    }

    @Override
    public String name() {
        return "ACME 6x6 by P + C";
    }

    @Override
    public String source() {
        return "ACME safety manual 2026, section 4.2";
    }

    @Override
    public MethodId method() {
        return AcmeRisk6Method.ID;
    }

    @Override
    public List<Grade> grades() {
        return GRADES;
    }

    @Override
    public Grade grade(Score score) {
        Objects.requireNonNull(score, "score");
        int p = score.row().orElse(0);
        int c = score.column().orElse(0);
        if (p < 1 || p > 6 || c < 1 || c > 6) {
            throw new ValidationException("score for grading scheme [" + ID + "]",
                    List.of(Violation.of("score", score, "a cell of the 6x6 matrix")));
        }
        int sum = p + c;
        return sum >= 11 ? A : sum >= 9 ? B : sum >= 6 ? C : D;
    }
}
