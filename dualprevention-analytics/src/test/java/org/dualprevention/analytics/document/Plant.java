package org.dualprevention.analytics.document;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.analytics.EarlyWarning;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.InspectionTaskFact;
import org.dualprevention.analytics.PeriodReport;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.RiskMap;
import org.dualprevention.analytics.Statistics;
import org.dualprevention.analytics.Warning;
import org.dualprevention.analytics.WarningSettings;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.DirectMethod;
import org.dualprevention.method.LecMethod;
import org.dualprevention.method.LsMethod;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.testkit.gen.Gen;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.hazmat.CriticalQuantityTables;
import org.dualprevention.engine.hazmat.MajorHazardCalculator;
import org.dualprevention.hazmat.CriticalQuantityTable;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.UnitKind;
import org.dualprevention.incident.Casualties;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.lookback.RecurrenceReason;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;

/**
 * A plant made by the testkit's generators: an organisation with the five built-in levels (so posts
 * exist), risk points assessed by LEC, LS or direct determination, map zones, hidden dangers in every
 * state linked to the risk points, and the quarter's statistics table.
 */
final class Plant {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    final Gen gen;
    final Organization org;
    final List<RiskPoint> points;
    final List<MapZone> zones;
    final List<HiddenDanger> dangers;
    final LocalDate asOf;
    final RiskMap map;
    final PeriodReport quarter;
    final List<HiddenDangerFact> facts;
    final Directory directory;
    final MajorHazardInstallation installation;
    final MajorHazardStatus installationStatus;
    final List<Recheck> rechecks;
    final List<Recurrence> recurrences;
    final List<Incident> incidents;

    Plant(Gen gen) {
        this.gen = gen;
        List<ControlLevel> levels = List.of(ControlLevel.COMPANY, ControlLevel.DEPARTMENT, ControlLevel.WORKSHOP,
                ControlLevel.TEAM, ControlLevel.POST);
        this.org = Organization.of(gen.orgUnits(gen.intBetween(5, 20), levels));
        Instant from = Gen.EPOCH;
        List<RiskPoint> ps = new ArrayList<>();
        int n = gen.intBetween(4, 12);
        for (int i = 0; i < n; i++) {
            switch (gen.intBetween(0, 2)) {
                case 0:
                    ps.add(gen.riskPoint(org, new LecMethod(), BuiltInSchemes.lecV1(), from));
                    break;
                case 1:
                    ps.add(gen.riskPoint(org, new LsMethod(), BuiltInSchemes.lsShandong(), from));
                    break;
                default:
                    ps.add(gen.riskPoint(org, new DirectMethod(), BuiltInSchemes.direct(), from));
            }
        }
        // one risk point owned by a post's parent and one by a post, so post cards have something to show
        for (OrgUnit u : org.units()) {
            if (u.level().equals(ControlLevel.POST)) {
                RiskPoint p = gen.riskPoint(org, new LecMethod(), BuiltInSchemes.lecV1(), from);
                ps.add(p.withDetails(p.name(), p.kind(), u.id(), p.zone()));
                break;
            }
        }
        this.points = List.copyOf(ps);
        Map<MapZoneId, MapZone> zs = new LinkedHashMap<>();
        int k = 0;
        for (RiskPoint p : points) {
            if (p.zone().isPresent() && !zs.containsKey(p.zone().get())) {
                zs.put(p.zone().get(), MapZone.rectangle(p.zone().get(), "zone " + gen.words(), (k % 4) * 100.0,
                        (k / 4) * 80.0, 90, 70, Optional.of(p.owningUnit())));
                k++;
            }
        }
        this.zones = List.copyOf(zs.values());
        this.asOf = LocalDate.ofInstant(from.plus(Duration.ofDays(200)), ZONE);
        List<HiddenDanger> ds = new ArrayList<>();
        int m = gen.intBetween(8, 30);
        for (int i = 0; i < m; i++) {
            Instant start = gen.instant(from.plus(Duration.ofDays(100)), Duration.ofDays(90));
            Optional<RiskPoint> point = gen.chance(0.8) ? Optional.of(gen.pick(points)) : Optional.empty();
            List<Transition> h = gen.dangers(ZONE).history(org, point,
                    gen.pick(HiddenDangerState.class), start);
            ds.add(h.get(h.size() - 1).next());
        }
        this.dangers = List.copyOf(ds);
        Map<RiskPointId, RiskPoint> register = new HashMap<>();
        points.forEach(p -> register.put(p.id(), p));
        List<HiddenDangerFact> fs = new ArrayList<>();
        HiddenDangerFact.project(dangers, register, ZONE).forEach(fs::add);
        this.facts = List.copyOf(fs);
        this.map = RiskMap.builder(org, asOf, DefaultEffectiveLevelPolicy.create()).zones(zones).riskPoints(points)
                .dangers(dangers).build();
        OrgUnitId root = org.units().get(0).id();
        java.time.Clock clock = java.time.Clock.fixed(asOf.atTime(18, 0).atZone(ZONE).toInstant(), ZONE);
        this.quarter = Statistics.of(org, clock, ZONE).report(root, ReportingPeriod.quarterOf(asOf), facts,
                List.<InspectionTaskFact>of());
        Directory d = Directory.empty().withContact(root, "安全环保部 " + gen.words(), "0531-8888" + gen.intBetween(1000, 9999))
                .withResponsible(root, "张伟");
        for (OrgUnit u : org.units()) {
            if (gen.chance(0.5)) {
                d = d.withResponsible(u.id(), "负责人 " + gen.words());
            }
        }
        this.directory = d;
        // a major hazard installation over one or two risk points, with 300 t methanol and some LPG
        List<RiskPointId> on = new ArrayList<>(List.of(points.get(0).id()));
        if (points.size() > 1 && gen.chance(0.5)) {
            on.add(points.get(1).id());
        }
        this.installation = MajorHazardInstallation.of(
                InstallationId.of("MH-" + gen.intBetween(1, 99)), "罐区 " + gen.words(),
                UnitKind.STORAGE, points.get(0).owningUnit(),
                List.of(Holding.named("methanol", "300"),
                        Holding.named("lpg", String.valueOf(gen.intBetween(1, 200)))),
                gen.intBetween(0, 150), on);
        this.installationStatus = MajorHazardCalculator.of(TABLE)
                .evaluate(installation).status();
        // re-checks of the closed hidden dangers at risk points, half of them done, a failed one a recurrence
        List<Recheck> rs = new ArrayList<>();
        List<Recurrence> cs = new ArrayList<>();
        for (HiddenDanger dg : dangers) {
            if (dg.riskPoint().isEmpty() || dg.state() != HiddenDangerState.CLOSED) {
                continue;
            }
            LocalDate closed = asOf.minusDays(gen.intBetween(0, 80));
            HiddenDangerGrade grade = dg.grade().orElse(
                    HiddenDangerGrade.GENERAL);
            LocalDate due = closed.plusDays(grade == HiddenDangerGrade.MAJOR ? 90 : 30);
            Optional<RecheckResult> result = Optional.empty();
            if (!due.isAfter(asOf) && gen.chance(0.7)) {
                result = Optional.of(new RecheckResult(gen.chance(0.6),
                        ActorId.of("checker"), due, "复查 " + gen.words()));
            }
            Recheck r = new Recheck(
                    new RecheckId(dg.id(), 1), dg.riskPoint().get(), dg.hazard(),
                    Optional.empty(), dg.title(), grade, dg.unit(), dg.acceptor(), closed, due, result);
            rs.add(r);
            if (result.isPresent() && !result.get().passed()) {
                cs.add(new Recurrence(dg.id(),
                        RecurrenceReason.FAILED_RECHECK, Optional.empty(),
                        Optional.of(r.id()), r.riskPoint(), grade, r.unit(), r.acceptor(), due));
            }
        }
        this.rechecks = List.copyOf(rs);
        this.recurrences = List.copyOf(cs);
        List<Incident> is = new ArrayList<>();
        int incidentCount = gen.intBetween(1, 5);
        for (int i = 0; i < incidentCount; i++) {
            RiskPoint p = gen.pick(points);
            List<ControlMeasureId> failed = p.hazards().stream().flatMap(z -> z.measures().stream())
                    .map(ControlMeasure::id).limit(gen.intBetween(0, 2)).toList();
            boolean near = gen.chance(0.7);
            is.add(new Incident(IncidentId.of("INC-" + i),
                    near ? IncidentKind.NEAR_MISS : IncidentKind.ACCIDENT,
                    p.id(), List.of(), failed, gen.pick(AccidentType.class),
                    Casualties.NONE, p.owningUnit(),
                    asOf.minusDays(gen.intBetween(0, 60)).atTime(10, 0).atZone(ZONE).toInstant(),
                    ActorId.of("reporter"), "经过 " + gen.words()));
        }
        this.incidents = List.copyOf(is);
    }

    static final CriticalQuantityTable TABLE =
            CriticalQuantityTables.gb18218_2018();

    /** @return the documents with the installation, the look-back and the incidents added */
    Documents extended(Documents docs) {
        return docs.withMajorHazard(installation, installationStatus, TABLE).withLookBack(rechecks, recurrences)
                .withIncidents(incidents, ZONE);
    }

    /** @return every document of this plant in one language, by name */
    Map<String, String> documents(Documents docs) {
        Documents withData = extended(docs.withEnterprise("华信 " + gen.words()).withDirectory(directory));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("register", withData.riskRegister(org, points, zones, asOf));
        out.put("risk-cards", withData.riskCards(org, points, zones, asOf));
        out.put("post-cards", withData.postCards(org, points, asOf));
        out.put("emergency-cards", withData.emergencyCards(org, points, asOf));
        out.put("ledger", withData.hiddenDangerLedger(org, points, zones, dangers, asOf, ZONE));
        out.put("statistics", withData.statisticsTable(org, quarter));
        out.put("map", withData.riskMap(map));
        java.time.Clock clock = java.time.Clock.fixed(asOf.atTime(18, 0).atZone(ZONE).toInstant(), ZONE);
        List<Warning> warnings = EarlyWarning.of(org, clock, ZONE, WarningSettings.defaults()).evaluate(map, facts,
                List.of());
        out.put("warnings", withData.warnings(warnings, WarningTexts.of(docs.locale(), org, points, zones), asOf));
        return out;
    }
}
