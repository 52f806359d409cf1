package org.dualprevention.engine.lookback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckPeriods;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.lookback.RecurrenceReason;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
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
import org.dualprevention.storage.memory.InMemoryRecheckRepository;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Look-back re-checks, recurrences and the rectification-quality warning of DOMAIN.md §10.4. */
class LookBacksTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OrgUnitId C = OrgUnitId.of("C");
    static final OrgUnitId T = OrgUnitId.of("T");
    static final OrgUnitId P = OrgUnitId.of("P");
    static final Actor SAFETY = Actor.of(ActorId.of("safety"), C);
    static final Actor LEADER = Actor.of(ActorId.of("leader"), T);
    static final Actor WORKER = Actor.of(ActorId.of("worker"), P);
    static final RiskPointId PRESS = RiskPointId.of("press");
    static final URI PHOTO = URI.create("https://example.org/p.jpg");

    final TestClock clock = new TestClock(at("2026-11-02T09:00"), ZONE);
    DualPrevention dp;
    LookBacks lb;

    static java.time.Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    static Hazard hazard(String id, HazardCategory cat, String measure) {
        return Hazard.of(HazardId.of(id), id, cat, EnumSet.of(AccidentType.MACHINERY), "c", "c")
                .withMeasure(new ControlMeasure(ControlMeasureId.of(measure), MeasureCategory.ENGINEERING, measure,
                        ControlLevel.TEAM, T, "ok"));
    }

    @BeforeEach
    void setUp() {
        dp = DualPrevention.builder().storage(InMemoryStorage.create()).clock(clock).build();
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(C, "公司", ControlLevel.COMPANY),
                OrgUnit.child(T, "班组", ControlLevel.TEAM, C), OrgUnit.child(P, "岗位", ControlLevel.POST, T))));
        dp.register().addRiskPoint(RiskPoint.of(PRESS, "冲床", RiskPointKind.EQUIPMENT, P, Optional.empty())
                .withHazard(hazard("guard", HazardCategory.PHYSICAL, "M1"))
                .withHazard(hazard("pedal", HazardCategory.PHYSICAL, "M2"))
                .withHazard(hazard("oil", HazardCategory.CHEMICAL, "M3")));
        lb = LookBacks.of(dp, new InMemoryRecheckRepository(), RecheckPeriods.defaults());
    }

    /** Reports a hidden danger on a measure at a local time; closes it on the spot and by acceptance if asked. */
    HiddenDangerId danger(String id, String hazard, String measure, String foundAt, boolean close) {
        HiddenDangerId hd = HiddenDangerId.of(id);
        clock.set(at(foundAt));
        LocalDate day = LocalDate.ofInstant(at(foundAt), ZONE);
        dp.hiddenDangers().report(HiddenDangerCommand.Report.of(WORKER, hd, id, "", HiddenDangerSource.RANDOM_OBSERVATION,
                P, day).withFailedMeasure(PRESS, HazardId.of(hazard), ControlMeasureId.of(measure)));
        if (close) {
            clock.set(at(foundAt).plusSeconds(3600));
            dp.hiddenDangers().apply(hd, new HiddenDangerCommand.RectifyOnSpot(LEADER, "fixed", List.of(PHOTO), day));
            clock.set(at(foundAt).plusSeconds(86_400));
            dp.hiddenDangers().apply(hd, new HiddenDangerCommand.Accept(SAFETY, "ok"));
        }
        return hd;
    }

    @Test
    @DisplayName("a closed general hidden danger is re-checked 30 days after closing, against its failed measure")
    void generalRecheckDueAfter30Days() {
        HiddenDangerId hd = danger("HD-1", "guard", "M1", "2026-11-02T09:00", true); // closed Nov 3
        danger("HD-open", "oil", "M3", "2026-11-02T10:00", false);
        List<Recheck> all = lb.rechecks();
        assertEquals(1, all.size(), all.toString());
        Recheck r = all.get(0);
        assertEquals(new RecheckId(hd, 1), r.id());
        assertEquals(LocalDate.of(2026, 11, 3), r.closedOn());
        assertEquals(LocalDate.of(2026, 12, 3), r.dueOn());
        assertEquals(Optional.of(ControlMeasureId.of("M1")), r.failedMeasure());
        assertEquals(Optional.of(SAFETY.id()), r.acceptor());
        assertEquals(List.of(), lb.due(LocalDate.of(2026, 12, 2)));
        assertEquals(List.of(r), lb.due(LocalDate.of(2026, 12, 3)));
    }

    @Test
    @DisplayName("periods are data: a host's 7 and 14 days give two rounds; the defaults re-check major ones at 90 and 180")
    void periodsAreData() {
        assertEquals(List.of(90, 180), RecheckPeriods.defaults().days(HiddenDangerGrade.MAJOR));
        assertEquals(List.of(30), RecheckPeriods.defaults().days(HiddenDangerGrade.GENERAL));
        LookBacks custom = LookBacks.of(dp, new InMemoryRecheckRepository(), RecheckPeriods.of(
                Map.of(HiddenDangerGrade.GENERAL, List.of(7, 14), HiddenDangerGrade.MAJOR, List.of(30)), 60, "host"));
        danger("HD-1", "guard", "M1", "2026-11-02T09:00", true);
        assertEquals(List.of(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 17)),
                custom.rechecks().stream().map(Recheck::dueOn).toList());
        assertThrows(IllegalArgumentException.class, () -> RecheckPeriods.of(
                Map.of(HiddenDangerGrade.GENERAL, List.of(30, 30), HiddenDangerGrade.MAJOR, List.of()), 1, "x"));
        assertThrows(NullPointerException.class, () -> RecheckPeriods.of(
                Map.of(HiddenDangerGrade.GENERAL, List.of(30)), 1, "x"));
    }

    @Test
    @DisplayName("a failed re-check is a recurrence and raises the rectification-quality warning for the unit")
    void failedRecheck() {
        HiddenDangerId hd = danger("HD-1", "guard", "M1", "2026-11-02T09:00", true);
        RecheckId id = new RecheckId(hd, 1);
        ValidationException early = assertThrows(ValidationException.class, () -> lb.record(id,
                new RecheckResult(false, SAFETY.id(), LocalDate.of(2026, 12, 2), "")));
        assertEquals("checkedOn", early.violations().get(0).path());
        assertEquals("id", assertThrows(ValidationException.class, () -> lb.record(new RecheckId(hd, 2),
                new RecheckResult(true, SAFETY.id(), LocalDate.of(2026, 12, 3), ""))).violations().get(0).path());
        Recheck done = lb.record(id, new RecheckResult(false, SAFETY.id(), LocalDate.of(2026, 12, 4), "防护罩又被拆除"));
        assertTrue(done.done());
        assertThrows(StaleVersionException.class, () -> lb.record(id,
                new RecheckResult(true, SAFETY.id(), LocalDate.of(2026, 12, 5), "")));
        assertEquals(List.of(), lb.due(LocalDate.of(2027, 1, 1)));
        List<Recurrence> rec = lb.recurrences();
        assertEquals(1, rec.size());
        assertEquals(RecurrenceReason.FAILED_RECHECK, rec.get(0).reason());
        assertEquals(Optional.of(id), rec.get(0).recheck());
        assertEquals(LocalDate.of(2026, 12, 4), rec.get(0).on());
        List<RectificationQualityWarning> w = lb.warnings();
        assertEquals(1, w.size());
        assertEquals(P, w.get(0).unit());
        assertEquals("整改质量预警：单位 [P] 已验收销号的隐患中有 1 项反弹（共 1 次）", w.get(0).message());
    }

    @Test
    @DisplayName("a new hidden danger links to the earlier one by measure or GB/T 13861 class inside the window only")
    void newHiddenDangerLinks() {
        HiddenDangerId first = danger("HD-1", "guard", "M1", "2026-11-02T09:00", true); // closed Nov 3
        danger("HD-same-day", "guard", "M1", "2026-11-03T15:00", false); // found on the closing day: not after it
        danger("HD-measure", "guard", "M1", "2026-11-20T09:00", false); // same measure
        danger("HD-class", "pedal", "M2", "2026-12-01T09:00", false); // other measure, same class 21
        danger("HD-other", "oil", "M3", "2026-12-02T09:00", false); // class 22: no link
        danger("HD-late", "guard", "M1", "2027-05-03T09:00", false); // 181 days after Nov 3
        danger("HD-edge", "pedal", "M2", "2027-05-02T09:00", false); // 180 days: linked
        List<Recurrence> rec = lb.recurrences();
        assertEquals(List.of("HD-measure", "HD-class", "HD-edge"),
                rec.stream().map(r -> r.later().orElseThrow().value()).toList(), rec.toString());
        assertEquals(List.of(RecurrenceReason.SAME_MEASURE, RecurrenceReason.SAME_HAZARD_CATEGORY,
                RecurrenceReason.SAME_HAZARD_CATEGORY), rec.stream().map(Recurrence::reason).toList());
        assertTrue(rec.stream().allMatch(r -> r.earlier().equals(first)));
        assertEquals(1, lb.warnings().get(0).dangersThatCameBack());
        assertEquals(3, lb.warnings().get(0).recurrences().size());
    }

    @Test
    @DisplayName("a later hidden danger links to the most recently closed matching one")
    void linksToTheLatestEarlier() {
        danger("HD-1", "guard", "M1", "2026-11-02T09:00", true); // closed Nov 3
        HiddenDangerId second = danger("HD-2", "guard", "M1", "2026-11-10T09:00", true); // closed Nov 11
        danger("HD-3", "guard", "M1", "2026-11-20T09:00", false);
        List<Recurrence> rec = lb.recurrences();
        // HD-2 recurs HD-1; HD-3 recurs HD-2 (the latest), not HD-1 again
        assertEquals(2, rec.size(), rec.toString());
        assertEquals(second, rec.get(1).earlier());
        assertEquals(HiddenDangerId.of("HD-3"), rec.get(1).later().orElseThrow());
    }
}
