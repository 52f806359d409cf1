package org.dualprevention.engine.dynamic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.EffectiveLevelPolicy;

/**
 * The library's effective-level rule (DOMAIN.md §10.2, a library rule, not a standard's):
 * <ul>
 *   <li>an open hidden danger graded {@link HiddenDangerGrade#MAJOR} linked to the risk point raises its
 *       effective level to {@link RiskLevel#MAJOR} (red) until it is closed or withdrawn (rule
 *       {@code open-major});</li>
 *   <li>an open, overdue hidden danger graded {@link HiddenDangerGrade#GENERAL} raises the level by one step,
 *       capped at red (rule {@code overdue-general}); several overdue ones still raise it by one step;</li>
 *   <li>closed, withdrawn and ungraded hidden dangers have no effect, so closing restores the assessed level.</li>
 * </ul>
 * The result lists every hidden danger that raises the level, sorted by id, when the level is raised.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class DefaultEffectiveLevelPolicy implements EffectiveLevelPolicy {
    /** Rule code of an open major hidden danger. */
    public static final String OPEN_MAJOR = "open-major";
    /** Rule code of an open overdue general hidden danger. */
    public static final String OVERDUE_GENERAL = "overdue-general";

    /** {@link #raise}: the hidden danger does not raise the level. */
    private static final int NONE = 0;
    /** {@link #raise}: open and major (rule {@code open-major}). */
    private static final int BY_MAJOR = 1;
    /** {@link #raise}: open, general and overdue (rule {@code overdue-general}). */
    private static final int BY_OVERDUE = 2;

    private static final DefaultEffectiveLevelPolicy INSTANCE = new DefaultEffectiveLevelPolicy();

    private DefaultEffectiveLevelPolicy() {
    }

    /** @return the policy */
    public static DefaultEffectiveLevelPolicy create() {
        return INSTANCE;
    }

    @Override
    public EffectiveLevel evaluate(RiskPointId riskPoint, RiskLevel assessed, Collection<HiddenDanger> dangers,
            LocalDate today) {
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(assessed, "assessed");
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(today, "today");
        // one pass with no sort or text: the level, and the hidden dangers that raise it (an open major one, an open
        // overdue general one) in a list made only when there is one; most risk points are not raised (a risk map asks
        // for every one of them), and only a raised level carries reasons, made from that list alone (the hidden
        // dangers that do not raise it give no reason, so they need not be read again)
        boolean major = false;
        boolean overdue = false;
        List<HiddenDanger> raising = null;
        String id = riskPoint.value();
        for (HiddenDanger h : dangers) {
            // whether it would raise the level (major, or overdue) before whether it names the risk point: both are
            // pure tests, and most open hidden dangers of a risk map's point are general and in time, so its risk
            // point's id (three objects and the id's characters) is read only for those that raise
            int raise = raise(h, today);
            if (raise == NONE || !isAt(h, riskPoint, id)) {
                continue;
            }
            if (raise == BY_MAJOR) {
                major = true;
            } else {
                overdue = true;
            }
            if (raising == null) {
                raising = new ArrayList<>(2);
            }
            raising.add(h);
        }
        RiskLevel level = major ? RiskLevel.MAJOR : assessed;
        if (overdue) {
            level = RiskLevel.mostSevere(level, assessed.raisedBy(1));
        }
        if (level == assessed || raising == null) {
            return EffectiveLevel.asAssessed(riskPoint, assessed);
        }
        return raised(riskPoint, assessed, level, raising);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: whether it is open and graded major, or open, graded general and overdue on the day (the test
     * {@link #evaluate} makes of each hidden danger before it looks at the risk point); the others give no reason
     * and never raise the level.
     *
     * @since 0.2
     */
    @Override
    public boolean mayRaise(HiddenDanger danger, LocalDate today) {
        Objects.requireNonNull(danger, "danger");
        Objects.requireNonNull(today, "today");
        return raise(danger, today) != NONE;
    }

    /**
     * How a hidden danger raises the level of the risk point it names, whichever that is: {@link #NONE},
     * {@link #BY_MAJOR} or {@link #BY_OVERDUE}. One definition for {@link #evaluate} and {@link #mayRaise}.
     */
    private static int raise(HiddenDanger h, LocalDate today) {
        if (!h.isOpen()) {
            return NONE;
        }
        java.util.Optional<HiddenDangerGrade> grade = h.grade();
        if (grade.isEmpty()) {
            return NONE;
        }
        if (grade.get() == HiddenDangerGrade.MAJOR) {
            return BY_MAJOR;
        }
        return h.isOverdue(today) ? BY_OVERDUE : NONE;
    }

    /**
     * A raised level with its reasons: every hidden danger that raises it, by id (a stable sort, so those of one id
     * keep the order given).
     */
    private static EffectiveLevel raised(RiskPointId riskPoint, RiskLevel assessed, RiskLevel effective,
            List<HiddenDanger> raising) {
        raising.sort(Comparator.comparing(HiddenDanger::id));
        List<EffectiveLevel.Reason> reasons = new ArrayList<>(raising.size());
        for (HiddenDanger h : raising) {
            if (h.grade().orElseThrow() == HiddenDangerGrade.MAJOR) {
                reasons.add(new EffectiveLevel.Reason(h.id(), OPEN_MAJOR,
                        "open major hidden danger [" + h.id() + "] raises the level to " + RiskLevel.MAJOR));
            } else {
                reasons.add(new EffectiveLevel.Reason(h.id(), OVERDUE_GENERAL, "general hidden danger [" + h.id()
                        + "] overdue since " + h.deadline().orElseThrow().plusDays(1) + " raises the level by one step"));
            }
        }
        return new EffectiveLevel(riskPoint, assessed, effective, reasons);
    }

    /**
     * Whether a hidden danger names the risk point: its id's value compared as a String (the id's equals, without
     * the record's method-handle equals on a path read for every open hidden danger of a risk map).
     */
    private static boolean isAt(HiddenDanger h, RiskPointId riskPoint, String id) {
        java.util.Optional<RiskPointId> point = h.riskPoint();
        if (point.isEmpty()) {
            return false;
        }
        RiskPointId p = point.get();
        return p == riskPoint || p.value().equals(id);
    }

    @Override
    public String toString() {
        return "DefaultEffectiveLevelPolicy";
    }
}
