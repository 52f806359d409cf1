package org.dualprevention.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.GradingScheme;

/**
 * Seeded generators of model values for the json tests (the testkit's generators had not landed when
 * these were written). Every value is valid and consistent: scores and grades are computed by
 * {@link TestScoring}, units referenced by risk points and measures exist, ids are unique.
 */
final class Gen {
    private static final String[] WORDS = {"反应釜", "储罐区", "配电室", "叉车", "高处作业", "动火作业", "boiler",
        "conveyor belt", "pump P-101", "tank/farm", "a~b", "quote\"d", "back\\slash", "tab\tin", "emoji 🔥", "línea"};

    final RandomGenerator rnd;
    private final long seed;
    private int counter;

    Gen(long seed) {
        this.seed = seed;
        this.rnd = new SplittableRandom(seed);
    }

    long seed() {
        return seed;
    }

    int between(int lo, int hi) {
        return rnd.nextInt(lo, hi + 1);
    }

    <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    <T> T pick(T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    /** A stripped, non-blank text. */
    String text() {
        StringBuilder sb = new StringBuilder(pick(WORDS));
        int n = between(0, 3);
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(pick(WORDS));
        }
        if (rnd.nextInt(10) == 0) {
            sb.append(' ').append("x".repeat(between(1, 300)));
        }
        return sb.toString().strip();
    }

    /** Any text, possibly empty or with surrounding spaces (for fields that keep it verbatim). */
    String rawText() {
        switch (rnd.nextInt(4)) {
            case 0:
                return "";
            case 1:
                return "  " + text() + " ";
            default:
                return text();
        }
    }

    /** A unique id value: a host key of various shapes. */
    String idValue(String prefix) {
        counter++;
        switch (rnd.nextInt(5)) {
            case 0:
                return Long.toString(rnd.nextLong(1, Long.MAX_VALUE)) + counter;
            case 1:
                return new java.util.UUID(rnd.nextLong(), rnd.nextLong()) + "-" + counter;
            case 2:
                return " " + prefix + "/" + counter + " 号";
            case 3:
                return prefix + "~" + counter + "\"😀";
            default:
                return prefix + "-" + counter;
        }
    }

    Instant instant() {
        return Instant.ofEpochSecond(rnd.nextLong(0, 4_102_444_800L), rnd.nextBoolean() ? 0 : rnd.nextInt(1_000_000_000));
    }

    BigDecimal decimal() {
        BigInteger unscaled = BigInteger.valueOf(rnd.nextLong(-1_000_000_000_000L, 1_000_000_000_000L));
        if (rnd.nextInt(4) == 0) {
            unscaled = unscaled.multiply(BigInteger.valueOf(rnd.nextLong(1, Long.MAX_VALUE)));
        }
        BigDecimal d = new BigDecimal(unscaled, between(0, 12));
        BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    ControlLevel level(int rank) {
        ControlLevel[] std = {ControlLevel.COMPANY, ControlLevel.DEPARTMENT, ControlLevel.WORKSHOP, ControlLevel.TEAM,
            ControlLevel.POST};
        if (rank < std.length && rnd.nextInt(4) != 0) {
            return std[rank];
        }
        return ControlLevel.of("level-" + rank, rank);
    }

    Organization organization() {
        List<OrgUnit> units = new ArrayList<>();
        OrgUnit root = OrgUnit.root(OrgUnitId.of(idValue("unit")), text(), level(0));
        units.add(root);
        int n = between(0, 7);
        for (int i = 0; i < n; i++) {
            OrgUnit parent = pick(units);
            int rank = parent.level().rank() + between(1, 2);
            units.add(OrgUnit.child(OrgUnitId.of(idValue("unit")), text(), level(rank), parent.id()));
        }
        return Organization.of(units);
    }

    HazardCategory category() {
        String[] codes = {"11", "12", "21", "22", "23", "31", "32", "33", "39", "41", "42", "43", "44", "45", "49",
            "2101", "210101", "1", "4"};
        return HazardCategory.of(pick(codes));
    }

    Set<AccidentType> accidentTypes() {
        Set<AccidentType> s = EnumSet.noneOf(AccidentType.class);
        int n = between(1, 4);
        for (int i = 0; i < n; i++) {
            s.add(pick(AccidentType.values()));
        }
        return s;
    }

    ControlMeasure measure(Organization org) {
        return new ControlMeasure(ControlMeasureId.of(idValue("cm")), pick(MeasureCategory.values()), text(),
                pick(org.levels()), pick(org.units()).id(), text());
    }

    AssessmentInput input(TestScoring.ProductMethod m) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (FactorDefinition f : m.factors()) {
            values.put(f.key(), pick(f.values()));
        }
        return AssessmentInput.of(values);
    }

    /** A consistent assessment: score and grade as the test method and scheme compute them. */
    Assessment assessment() {
        TestScoring.ProductMethod m = pick(TestScoring.METHODS);
        GradingScheme s = TestScoring.schemeFor(m.id());
        AssessmentInput in = input(m);
        Score score = m.evaluate(in);
        return new Assessment(AssessmentId.of(idValue("as")), m.id(), s.id(), in, score, s.grade(score),
                pick(AssessmentKind.values()), ActorId.of(idValue("actor")), instant());
    }

    ReassessmentFlag flag() {
        return new ReassessmentFlag(text(), text(), instant());
    }

    Hazard hazard(Organization org) {
        Hazard h = Hazard.of(HazardId.of(idValue("hz")), text(), category(), accidentTypes(), rawText(), rawText());
        List<ControlMeasure> ms = new ArrayList<>();
        int n = between(0, 3);
        for (int i = 0; i < n; i++) {
            ms.add(measure(org));
        }
        List<Assessment> as = new ArrayList<>();
        n = between(0, 3);
        for (int i = 0; i < n; i++) {
            as.add(assessment());
        }
        return h.withMeasures(ms).withHistory(as, rnd.nextInt(3) == 0 ? Optional.of(flag()) : Optional.empty());
    }

    RiskPoint riskPoint(Organization org) {
        RiskPoint r = RiskPoint.of(RiskPointId.of(idValue("rp")), text(), pick(RiskPointKind.values()),
                pick(org.units()).id(), rnd.nextBoolean() ? Optional.of(MapZoneId.of(idValue("zone"))) : Optional.empty());
        List<Hazard> hs = new ArrayList<>();
        int n = between(0, 4);
        for (int i = 0; i < n; i++) {
            hs.add(hazard(org));
        }
        return r.withHazards(hs).withVersion(rnd.nextInt(5) == 0 ? rnd.nextLong(0, Long.MAX_VALUE) : between(0, 50));
    }

    /** A whole consistent register: organisation, every test scheme, and 0-6 risk points. */
    Register register() {
        Organization org = organization();
        List<RiskPoint> points = new ArrayList<>();
        int n = between(0, 6);
        for (int i = 0; i < n; i++) {
            points.add(riskPoint(org));
        }
        List<GradingSchemeRef> refs = new ArrayList<>();
        for (GradingScheme s : TestScoring.SCHEMES) {
            refs.add(GradingSchemeRef.of(s));
        }
        return new Register(new RegisterHeader(org, refs), points);
    }

    Score score() {
        return rnd.nextBoolean() ? Score.of(decimal()) : Score.ofCell(between(1, 6), between(1, 6), decimal());
    }

    Grade grade() {
        return new Grade(idValue("g"), text(), pick(RiskLevel.values()), rawText());
    }

    record Register(RegisterHeader header, List<RiskPoint> riskPoints) {
    }
}
