package org.dualprevention.examples.spring;

import java.time.LocalDate;
import java.util.Locale;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.OrgUnitId;
import org.jspecify.annotations.Nullable;

/**
 * What the REST API returns for a hidden danger: its id, version, state and grade as codes (written by the
 * library's JSON module) with their Chinese labels, what it is about and its deadline.
 *
 * @param id the id
 * @param version the stored version
 * @param title what was found
 * @param unit the unit it belongs to
 * @param state the state
 * @param stateLabel the state's Chinese label
 * @param grade the grade once verified
 * @param gradeLabel the grade's Chinese label, or 未定级
 * @param deadline the rectification deadline once planned
 * @param overdue whether it is overdue today
 * @since 0.2
 */
public record HiddenDangerView(String id, long version, String title, OrgUnitId unit, HiddenDangerState state,
        String stateLabel, @Nullable HiddenDangerGrade grade, String gradeLabel, @Nullable LocalDate deadline,
        boolean overdue) {

    /**
     * The view of a hidden danger.
     *
     * @param d the hidden danger
     * @param today today in the organisation's zone
     * @return the view
     */
    public static HiddenDangerView of(HiddenDanger d, LocalDate today) {
        return new HiddenDangerView(d.id().value(), d.version(), d.title(), d.unit(), d.state(),
                d.state().displayName(Locale.SIMPLIFIED_CHINESE), d.grade().orElse(null),
                d.grade().map(g -> g.displayName(Locale.SIMPLIFIED_CHINESE)).orElse("未定级"), d.deadline().orElse(null),
                d.isOverdue(today));
    }
}
