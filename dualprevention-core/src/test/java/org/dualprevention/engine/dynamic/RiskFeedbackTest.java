package org.dualprevention.engine.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.engine.closedloop.Danger;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.Test;

/** The reverse check: a failed control measure flags its hazard for reassessment. */
class RiskFeedbackTest {

    static RiskPoint point() {
        ControlMeasure cm = new ControlMeasure(ControlMeasureId.of("CM-1"), MeasureCategory.ENGINEERING, "Guard with interlock",
                ControlLevel.WORKSHOP, Danger.UNIT, "guard fitted and interlock works");
        Hazard h1 = Hazard.of(HazardId.of("HZ-1"), "Unguarded press", HazardCategory.PHYSICAL,
                List.of(AccidentType.MACHINERY), "", "").withMeasure(cm);
        Hazard h2 = Hazard.of(HazardId.of("HZ-2"), "Noise", HazardCategory.PHYSICAL, List.of(AccidentType.MACHINERY), "", "");
        return RiskPoint.of(Danger.RP, "Press line", RiskPointKind.EQUIPMENT, Danger.UNIT, Optional.empty())
                .withHazard(h1).withHazard(h2);
    }

    @Test
    void verifiedHiddenDangerFlagsTheHazardOfItsFailedMeasure() {
        HiddenDanger reported = Danger.walk("HD-1", Danger.RP, HiddenDangerState.REPORTED, HiddenDangerGrade.GENERAL);
        Transition t = ClosedLoop.apply(reported, HiddenDangerCommand.Verify.general(Danger.actor("bob"), ""), Danger.after(reported),
                Danger.ZONE, org.dualprevention.danger.ClosedLoopSettings.defaults());
        HiddenDangerEvent.ReassessmentRequested request = (HiddenDangerEvent.ReassessmentRequested) t.events().get(1);
        RiskPoint flagged = RiskFeedback.flagForReassessment(point(), request);
        ReassessmentFlag flag = flagged.hazard(HazardId.of("HZ-1")).orElseThrow().reassessment().orElseThrow();
        assertEquals(new ReassessmentFlag("control measure [CM-1] failed: hidden danger [HD-1]", "HD-1", t.audit().at()),
                flag);
        assertEquals(Optional.empty(), flagged.hazard(HazardId.of("HZ-2")).orElseThrow().reassessment());
        assertEquals(flagged, RiskFeedback.flagForReassessment(point(), t.next(), t.audit().at()));
    }

    @Test
    void aHiddenDangerWithoutFailedMeasureChangesNothing() {
        HiddenDanger h = ClosedLoop.report(HiddenDangerCommand.Report.of(Danger.actor("a"), HiddenDangerId.of("HD-2"), "t",
                "", HiddenDangerSource.RANDOM_OBSERVATION, Danger.UNIT, Danger.DAY0).withRiskPoint(Danger.RP),
                Clock.fixed(Danger.T0, Danger.ZONE), Danger.ZONE).next();
        RiskPoint p = point();
        assertSame(p, RiskFeedback.flagForReassessment(p, h, Danger.T0));
    }

    @Test
    void aMismatchedRiskPointHazardOrMeasureIsRefused() {
        HiddenDanger other = Danger.walk("HD-3", RiskPointId.of("RP-9"), HiddenDangerState.VERIFIED, HiddenDangerGrade.GENERAL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RiskFeedback.flagForReassessment(point(), other, Danger.T0));
        assertTrue(e.getMessage().contains("belongs to risk point [RP-9]"), e.getMessage());
        HiddenDangerEvent.ReassessmentRequested unknownMeasure = new HiddenDangerEvent.ReassessmentRequested(
                HiddenDangerId.of("HD-4"), Danger.T0, Danger.RP, HazardId.of("HZ-2"), ControlMeasureId.of("CM-1"));
        assertThrows(IllegalArgumentException.class, () -> RiskFeedback.flagForReassessment(point(), unknownMeasure));
        HiddenDangerEvent.ReassessmentRequested unknownHazard = new HiddenDangerEvent.ReassessmentRequested(
                HiddenDangerId.of("HD-4"), Danger.T0, Danger.RP, HazardId.of("HZ-7"), ControlMeasureId.of("CM-1"));
        assertThrows(IllegalArgumentException.class, () -> RiskFeedback.flagForReassessment(point(), unknownHazard));
    }
}
