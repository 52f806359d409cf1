package org.dualprevention.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InspectionModelTest {
    static final Instant DUE = Instant.parse("2026-11-02T08:00:00Z");
    static final InspectionItem A = InspectionItem.checklist(InspectionItemId.of("A"), "a", "a", ChecklistClass.ON_SITE);
    static final InspectionItem B = InspectionItem.checklist(InspectionItemId.of("B"), "b", "b",
            ChecklistClass.BASIC_MANAGEMENT);

    static InspectionTask task() {
        return InspectionTask.of(InspectionTaskId.of("T"), InspectionPlanId.of("P"), PlanKind.ROUTINE,
                OrgUnitId.of("U"), Optional.empty(), DUE.minus(Duration.ofHours(8)), DUE, List.of(A, B));
    }

    @Test
    void oneMeasureGivesOneItemPerStandardLine() {
        ControlMeasure m = new ControlMeasure(ControlMeasureId.of("M"), MeasureCategory.TRAINING, "train",
                ControlLevel.TEAM, OrgUnitId.of("U"), "records kept;\n certificates valid ；\n\n drills held");
        Hazard h = Hazard.of(HazardId.of("H"), "h", HazardCategory.PHYSICAL, Set.of(AccidentType.values()[0]), "", "")
                .withMeasure(m);
        RiskPoint p = RiskPoint.of(RiskPointId.of("RP"), "rp", RiskPointKind.PLACE, OrgUnitId.of("U"), Optional.empty())
                .withHazard(h);
        List<InspectionItem> items = InspectionItem.fromMeasure(p, h, m);
        assertEquals(List.of("records kept", "certificates valid", "drills held"),
                items.stream().map(InspectionItem::standard).collect(Collectors.toList()));
        assertEquals(List.of("M#1", "M#2", "M#3"), items.stream().map(i -> i.id().value()).collect(Collectors.toList()));
        assertEquals(ChecklistClass.BASIC_MANAGEMENT, items.get(0).itemClass());
        assertEquals(new MeasureLink(p.id(), h.id(), m.id(), ControlLevel.TEAM, OrgUnitId.of("U")),
                items.get(0).measure().orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(TaskStatus.class)
    void statusIsDerivedFromRecordDueTimeAndClock(TaskStatus expected) {
        InspectionTask t = task();
        Instant before = DUE.minusSeconds(1);
        Instant after = DUE.plusSeconds(1);
        switch (expected) {
            case PENDING:
                assertEquals(expected, t.status(before));
                break;
            case MISSED:
                assertEquals(expected, t.status(DUE));
                break;
            case DONE:
                assertEquals(expected, t.withRecord(record(DUE)).status(after));
                break;
            default:
                assertEquals(expected, t.withRecord(record(after)).status(after));
                break;
        }
    }

    static InspectionRecord record(Instant at) {
        return new InspectionRecord(ActorId.of("a"), at, List.of(ItemResult.passed(A.id()),
                ItemResult.failed(B.id(), "missing", List.of()).withHiddenDanger(HiddenDangerId.of("HD"))));
    }

    @Test
    void aRecordMustCoverExactlyTheTaskItemsOnce() {
        InspectionTask t = task();
        assertThrows(IllegalArgumentException.class, () -> t.withRecord(new InspectionRecord(ActorId.of("a"), DUE,
                List.of(ItemResult.passed(A.id())))));
        assertThrows(IllegalArgumentException.class, () -> t.withRecord(new InspectionRecord(ActorId.of("a"), DUE,
                List.of(ItemResult.passed(A.id()), ItemResult.passed(B.id()),
                        ItemResult.passed(InspectionItemId.of("C"))))));
        assertThrows(IllegalArgumentException.class, () -> new InspectionRecord(ActorId.of("a"), DUE,
                List.of(ItemResult.passed(A.id()), ItemResult.passed(A.id()))));
        assertThrows(IllegalStateException.class, () -> t.withRecord(record(DUE)).withRecord(record(DUE)));
        assertThrows(IllegalArgumentException.class, () -> ItemResult.failed(A.id(), " ", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ItemResult.passed(A.id()).withHiddenDanger(HiddenDangerId.of("HD")));
        assertEquals(1, record(DUE).failedCount());
    }

    @Test
    void plansNeedItemsOrControlledItemsAndOrderedValidity() {
        assertThrows(IllegalArgumentException.class, () -> InspectionPlan.of(InspectionPlanId.of("P"), "p",
                PlanKind.SPECIAL, OrgUnitId.of("U"), Schedule.every(Cadence.WEEK), List.of(), LocalDate.of(2026, 1, 1),
                Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> InspectionPlan.of(InspectionPlanId.of("P"), "p",
                PlanKind.SPECIAL, OrgUnitId.of("U"), Schedule.every(Cadence.WEEK), List.of(A), LocalDate.of(2026, 1, 2),
                Optional.of(LocalDate.of(2026, 1, 1))));
        assertThrows(IllegalArgumentException.class, () -> Schedule.every(Cadence.SHIFT));
        InspectionPlan p = InspectionPlan.routine(InspectionPlanId.of("R"), "r", OrgUnitId.of("U"),
                Schedule.every(Cadence.DAY), LocalDate.of(2026, 1, 1));
        assertEquals(true, p.isValidOn(LocalDate.of(2026, 1, 1)));
        assertEquals(false, p.isValidOn(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void codesArePinned() {
        assertEquals(List.of("basic-management", "on-site"), codes(ChecklistClass.values()));
        assertEquals(List.of("routine", "comprehensive", "special", "seasonal", "holiday", "event"),
                codes(PlanKind.values()));
        assertEquals(List.of("shift", "day", "week", "month", "quarter", "once"), codes(Cadence.values()));
        assertEquals(List.of("passed", "failed", "not-applicable"), codes(ItemOutcome.values()));
        assertEquals(List.of("pending", "done", "done-late", "missed"), codes(TaskStatus.values()));
        for (java.util.Locale l : List.of(java.util.Locale.ENGLISH, java.util.Locale.CHINESE)) {
            for (PlanKind k : PlanKind.values()) {
                assertEquals(k, PlanKind.fromCode(k.code()));
                k.displayName(l);
            }
            for (Cadence c : Cadence.values()) {
                c.displayName(l);
            }
            for (ChecklistClass c : ChecklistClass.values()) {
                c.displayName(l);
            }
            for (ItemOutcome o : ItemOutcome.values()) {
                o.displayName(l);
            }
            for (TaskStatus s : TaskStatus.values()) {
                s.displayName(l);
            }
        }
        assertEquals("现场管理类", ChecklistClass.ON_SITE.displayName(java.util.Locale.CHINESE));
    }

    private static List<String> codes(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> {
            try {
                return (String) v.getClass().getMethod("code").invoke(v);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toList());
    }
}
