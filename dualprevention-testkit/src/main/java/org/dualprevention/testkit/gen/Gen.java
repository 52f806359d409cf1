package org.dualprevention.testkit.gen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;

/**
 * A seeded generator of valid model values: ids, organisation trees, risk points with hazards,
 * control measures and assessments, assessment inputs for any {@link AssessmentMethod}, scores and
 * grades; hidden dangers in every state of the closed loop ({@link #dangers()}); inspection plans, tasks
 * and good practices ({@link #inspections()}). Every value is valid by construction; {@link InputMutation} and {@link OrgMutation} turn
 * valid values into each kind of invalid one.
 *
 * <h2>Reproducibility</h2>
 * A generator draws from one {@link RandomGenerator} seeded with {@link #seed()}; the same seed and
 * the same sequence of calls give the same values, on every JDK. Use {@link #fork()} to hand an
 * independent, still reproducible generator to another thread. Report {@link #seed()} in failures
 * ({@link org.dualprevention.testkit.Seeds} does this for you).
 *
 * <pre>{@code
 * Gen gen = Gen.of(42);
 * Organization org = gen.organization();
 * RiskPoint rp = gen.riskPoint(org, lec, lecScheme, Instant.parse("2026-01-01T00:00:00Z"));
 * }</pre>
 *
 * <p>Instances are not thread-safe: use one per thread ({@link #fork()}).
 *
 * @since 0.1
 */
public final class Gen {
    private static final String[] WORDS = {
        "pump", "tank", "valve", "boiler", "crane", "forklift", "press", "furnace", "conveyor", "reactor",
        "compressor", "scaffold", "ladder", "pipeline", "warehouse", "loading bay", "substation", "mixer",
        "储罐", "锅炉", "起重机", "叉车", "冲压机", "配电室", "仓库", "管廊", "反应釜", "脚手架"
    };
    private static final String[] UNIT_WORDS = {
        "Plant", "Workshop", "Team", "Post", "Department", "Line", "Shift", "Section", "车间", "班组", "岗位", "部门"
    };
    private static final HazardCategory[] CATEGORIES = {
        HazardCategory.PSYCHOLOGICAL_PHYSIOLOGICAL, HazardCategory.BEHAVIOURAL, HazardCategory.PHYSICAL,
        HazardCategory.CHEMICAL, HazardCategory.BIOLOGICAL, HazardCategory.INDOOR_ENVIRONMENT,
        HazardCategory.OUTDOOR_ENVIRONMENT, HazardCategory.UNDERGROUND_ENVIRONMENT, HazardCategory.OTHER_ENVIRONMENT,
        HazardCategory.ORGANISATION, HazardCategory.RESPONSIBILITY, HazardCategory.RULES, HazardCategory.INVESTMENT,
        HazardCategory.OCCUPATIONAL_HEALTH, HazardCategory.OTHER_MANAGEMENT, HazardCategory.of("2101"),
        HazardCategory.of("220101"), HazardCategory.of("1")
    };
    /** The instant generated times are spread around unless the caller gives one. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final long seed;
    private final RandomGenerator random;
    private long serial;

    private Gen(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /**
     * A generator for a seed.
     *
     * @param seed the seed; the same seed gives the same values
     * @return the generator
     */
    public static Gen of(long seed) {
        return new Gen(seed);
    }

    /** @return the seed this generator started from */
    public long seed() {
        return seed;
    }

    /**
     * The underlying random source, for values this class does not make.
     *
     * @return the random generator; drawing from it advances this generator
     */
    public RandomGenerator random() {
        return random;
    }

    /**
     * An independent generator whose seed is drawn from this one, so it is reproducible too.
     *
     * @return a new generator
     */
    public Gen fork() {
        return new Gen(random.nextLong());
    }

    // ---------------------------------------------------------------- primitives

    /**
     * A uniformly chosen int.
     *
     * @param min smallest value
     * @param max largest value, inclusive
     * @return the int
     */
    public int intBetween(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min [" + min + "] is above max [" + max + "]");
        }
        return min == max ? min : random.nextInt(min, max + 1);
    }

    /**
     * True with the given probability.
     *
     * @param probability from 0 to 1
     * @return the outcome
     */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /**
     * One element, uniformly.
     *
     * @param <T> element type
     * @param from a non-empty list
     * @return an element
     */
    public <T> T pick(List<T> from) {
        if (from.isEmpty()) {
            throw new IllegalArgumentException("cannot pick from an empty list");
        }
        return from.get(random.nextInt(from.size()));
    }

    /**
     * One constant of an enum, uniformly.
     *
     * @param <E> the enum
     * @param type its class
     * @return a constant
     */
    public <E extends Enum<E>> E pick(Class<E> type) {
        E[] all = type.getEnumConstants();
        return all[random.nextInt(all.length)];
    }

    /**
     * A random subset keeping the input order.
     *
     * @param <T> element type
     * @param from the elements
     * @param minSize at least this many (capped at the size of {@code from})
     * @return the subset, immutable
     */
    public <T> List<T> subset(Collection<T> from, int minSize) {
        List<T> all = new ArrayList<>(from);
        int want = intBetween(Math.min(minSize, all.size()), all.size());
        List<T> shuffled = new ArrayList<>(all);
        shuffle(shuffled);
        List<T> chosen = shuffled.subList(0, want);
        List<T> out = new ArrayList<>();
        for (T t : all) {
            if (chosen.contains(t)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Shuffles a list in place (Fisher–Yates), reproducibly.
     *
     * @param <T> element type
     * @param list the list
     */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** @return a short phrase of one to three words, English or Chinese */
    public String words() {
        int n = intBetween(1, 3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /**
     * A host system key in one of the forms hosts use: a number, a UUID-shaped text, a prefixed code,
     * or a Chinese code. Keys contain a serial number, so keys from one generator never repeat.
     *
     * @param prefix a short prefix such as {@code "RP"}
     * @return the key
     */
    public String hostKey(String prefix) {
        long n = ++serial;
        switch (random.nextInt(4)) {
            case 0:
                return Long.toString(1000 + n);
            case 1:
                return String.format("%08x-%04x-4%03x-8%03x-%012x", random.nextInt() & 0xffffffffL,
                        random.nextInt(0x10000), random.nextInt(0x1000), random.nextInt(0x1000), n);
            case 2:
                return prefix + "-" + n;
            default:
                return prefix + "编号" + n;
        }
    }

    /** Instants handed out recently, so that some come again: stores must order and page ties right. */
    private final java.util.List<Instant> recentInstants = new java.util.ArrayList<>();

    /**
     * An instant within a span after a start. About one in four is an instant this generator returned before
     * (when one lies in the window): the engine produces equal instants too (a fixed clock, a scheduler), so
     * data must hold ties on purpose.
     *
     * @param from the earliest instant
     * @param span the length of the window
     * @return an instant in {@code [from, from + span)}, whole seconds
     */
    public Instant instant(Instant from, Duration span) {
        long seconds = Math.max(1, span.getSeconds());
        Instant end = from.plusSeconds(seconds);
        if (!recentInstants.isEmpty() && random.nextInt(4) == 0) {
            Instant again = recentInstants.get(random.nextInt(recentInstants.size()));
            if (!again.isBefore(from) && again.isBefore(end)) {
                return again;
            }
        }
        Instant t = from.plusSeconds(random.nextLong(seconds));
        if (recentInstants.size() == 16) {
            recentInstants.remove(0);
        }
        recentInstants.add(t);
        return t;
    }

    /**
     * A date within a number of days after a start.
     *
     * @param from first date
     * @param days window length in days, at least 1
     * @return a date in {@code [from, from + days)}
     */
    public LocalDate date(LocalDate from, int days) {
        return from.plusDays(random.nextInt(Math.max(1, days)));
    }

    // ---------------------------------------------------------------- ids

    /** @return a fresh organisation unit id */
    public OrgUnitId orgUnitId() {
        return OrgUnitId.of(hostKey("OU"));
    }

    /** @return a fresh actor id */
    public ActorId actorId() {
        return ActorId.of(hostKey("U"));
    }

    /** @return a fresh risk point id */
    public RiskPointId riskPointId() {
        return RiskPointId.of(hostKey("RP"));
    }

    /** @return a fresh hazard id */
    public HazardId hazardId() {
        return HazardId.of(hostKey("HZ"));
    }

    /** @return a fresh control measure id */
    public ControlMeasureId controlMeasureId() {
        return ControlMeasureId.of(hostKey("CM"));
    }

    /** @return a fresh assessment id */
    public AssessmentId assessmentId() {
        return AssessmentId.of(hostKey("AS"));
    }

    /** @return a fresh map zone id */
    public MapZoneId mapZoneId() {
        return MapZoneId.of(hostKey("Z"));
    }

    // ---------------------------------------------------------------- organisation

    /**
     * A set of control levels with strictly increasing ranks: the five built-in ones, a subset of them
     * (merged levels), or a host's own hierarchy.
     *
     * @return two to six levels, from the top down
     */
    public List<ControlLevel> controlLevels() {
        List<ControlLevel> builtIn = List.of(ControlLevel.COMPANY, ControlLevel.DEPARTMENT, ControlLevel.WORKSHOP,
                ControlLevel.TEAM, ControlLevel.POST);
        switch (random.nextInt(3)) {
            case 0:
                return builtIn;
            case 1: {
                List<ControlLevel> rest = subset(builtIn.subList(1, 5), 1);
                List<ControlLevel> out = new ArrayList<>();
                out.add(ControlLevel.COMPANY);
                out.addAll(rest);
                return List.copyOf(out);
            }
            default: {
                int n = intBetween(2, 6);
                List<ControlLevel> out = new ArrayList<>();
                int rank = 0;
                for (int i = 0; i < n; i++) {
                    out.add(ControlLevel.of("level-" + i, rank));
                    rank += intBetween(1, 3);
                }
                return List.copyOf(out);
            }
        }
    }

    /**
     * A valid organisation of up to 30 units: one or two roots, every child's level strictly below
     * its parent's, levels sometimes skipped.
     *
     * @return the organisation
     */
    public Organization organization() {
        return organization(intBetween(1, 30));
    }

    /**
     * A valid organisation with exactly {@code size} units (at least one).
     *
     * @param size number of units, 1 or more
     * @return the organisation
     */
    public Organization organization(int size) {
        return Organization.of(orgUnits(size, controlLevels()));
    }

    /**
     * The units of a valid organisation tree, parents before children.
     *
     * @param size number of units, 1 or more
     * @param levels the levels to use, from the top down, at least one
     * @return the units
     */
    public List<OrgUnit> orgUnits(int size, List<ControlLevel> levels) {
        if (size < 1) {
            throw new IllegalArgumentException("size [" + size + "] must be at least 1");
        }
        List<OrgUnit> units = new ArrayList<>();
        int roots = size > 8 && chance(0.2) ? 2 : 1;
        for (int i = 0; i < size; i++) {
            List<OrgUnit> parents = new ArrayList<>();
            for (OrgUnit u : units) {
                if (levels.indexOf(u.level()) < levels.size() - 1) {
                    parents.add(u);
                }
            }
            if (i < roots || parents.isEmpty()) {
                units.add(OrgUnit.root(orgUnitId(), unitName(levels.get(0)), levels.get(0)));
            } else {
                OrgUnit parent = pick(parents);
                int pi = levels.indexOf(parent.level());
                // usually the next level down, sometimes a skipped (merged) level
                int ci = chance(0.8) ? pi + 1 : intBetween(pi + 1, levels.size() - 1);
                units.add(OrgUnit.child(orgUnitId(), unitName(levels.get(ci)), levels.get(ci), parent.id()));
            }
        }
        return List.copyOf(units);
    }

    private String unitName(ControlLevel level) {
        return UNIT_WORDS[random.nextInt(UNIT_WORDS.length)] + " " + level.code() + " " + (serial + 1);
    }

    // ---------------------------------------------------------------- risk register

    /**
     * A control measure whose control level and responsible unit belong to {@code org} (the unit acts
     * at that level).
     *
     * @param org the organisation
     * @return the measure
     */
    public ControlMeasure controlMeasure(Organization org) {
        OrgUnit unit = pick(org.units());
        return new ControlMeasure(controlMeasureId(), pick(MeasureCategory.class), "measure: " + words(),
                unit.level(), unit.id(), "check that " + words() + " is in order");
    }

    /**
     * A hazard with zero to three measures consistent with {@code org}, no assessments.
     *
     * @param org the organisation
     * @return the hazard
     */
    public Hazard hazard(Organization org) {
        EnumSet<AccidentType> types = EnumSet.noneOf(AccidentType.class);
        int n = intBetween(1, 3);
        for (int i = 0; i < n; i++) {
            types.add(pick(AccidentType.class));
        }
        Hazard h = Hazard.of(hazardId(), "hazard: " + words(), CATEGORIES[random.nextInt(CATEGORIES.length)], types,
                chance(0.5) ? "" : "cause: " + words(), chance(0.5) ? "" : "consequence: " + words());
        int measures = intBetween(0, 3);
        for (int i = 0; i < measures; i++) {
            h = h.withMeasure(controlMeasure(org));
        }
        return h;
    }

    /**
     * A risk point (version 0) owned by a unit of {@code org}, with zero to four hazards and no assessments.
     *
     * @param org the organisation
     * @return the risk point
     */
    public RiskPoint riskPoint(Organization org) {
        RiskPoint rp = RiskPoint.of(riskPointId(), words(), pick(RiskPointKind.class), pick(org.units()).id(),
                chance(0.7) ? Optional.of(mapZoneId()) : Optional.empty());
        int hazards = intBetween(0, 4);
        for (int i = 0; i < hazards; i++) {
            rp = rp.withHazard(hazard(org));
        }
        return rp;
    }

    /**
     * A risk point (version 0) whose hazards each carry one to three assessments made with
     * {@code method} and graded by {@code scheme}, at instants after {@code from}; sometimes a
     * reassessment flag.
     *
     * @param org the organisation
     * @param method the method to assess with
     * @param scheme a scheme grading that method
     * @param from the earliest assessment time
     * @return the risk point
     */
    public RiskPoint riskPoint(Organization org, AssessmentMethod method, GradingScheme scheme, Instant from) {
        RiskPoint rp = riskPoint(org);
        List<Hazard> hazards = new ArrayList<>();
        for (Hazard h : rp.hazards()) {
            int n = intBetween(1, 3);
            Instant at = from;
            for (int i = 0; i < n; i++) {
                at = instant(at, Duration.ofDays(30));
                h = h.withAssessment(assessment(method, scheme, at));
            }
            if (chance(0.2)) {
                h = h.withReassessment(new ReassessmentFlag("control measure failed: " + words(), hostKey("HD"),
                        instant(at, Duration.ofDays(5))));
            }
            hazards.add(h);
        }
        return rp.withHazards(hazards);
    }

    // ---------------------------------------------------------------- assessment

    /**
     * An allowed value of a factor: one of the listed values, or for a range factor the minimum, the
     * maximum or a value between them with up to three decimals.
     *
     * @param factor the factor
     * @return an allowed value
     */
    public BigDecimal value(FactorDefinition factor) {
        if (factor.isDiscrete()) {
            return pick(factor.values());
        }
        int r = random.nextInt(10);
        if (r == 0) {
            return factor.min();
        }
        if (r == 1) {
            return factor.max();
        }
        BigDecimal span = factor.max().subtract(factor.min());
        BigDecimal v = factor.min().add(span.multiply(BigDecimal.valueOf(random.nextInt(1001)))
                .divide(BigDecimal.valueOf(1000), 3, RoundingMode.DOWN));
        return factor.allows(v) ? v : factor.min();
    }

    /**
     * A valid input for a method: every factor present with an allowed value.
     *
     * @param method the method
     * @return the input
     */
    public AssessmentInput input(AssessmentMethod method) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (FactorDefinition f : method.factors()) {
            values.put(f.key(), value(f));
        }
        return AssessmentInput.of(values);
    }

    /**
     * The score of a random valid input.
     *
     * @param method the method
     * @return the score it computes
     */
    public Score score(AssessmentMethod method) {
        return method.evaluate(input(method));
    }

    /**
     * An assessment of a random valid input, scored by {@code method} and graded by {@code scheme}.
     *
     * @param method the method
     * @param scheme a scheme for that method
     * @param at when
     * @return the assessment
     */
    public Assessment assessment(AssessmentMethod method, GradingScheme scheme, Instant at) {
        Objects.requireNonNull(scheme, "scheme");
        AssessmentInput in = input(method);
        Score score = method.evaluate(in);
        Grade grade = scheme.grade(score);
        return new Assessment(assessmentId(), method.id(), scheme.id(), in, score, grade, pick(AssessmentKind.class),
                actorId(), at);
    }

    // ---------------------------------------------------------------- second firewall

    /**
     * Hidden dangers in any state, with their transitions and audit entries, dated in
     * {@link DangerGen#DEFAULT_ZONE}; draws from this generator.
     *
     * @return the hidden-danger generator
     */
    public DangerGen dangers() {
        return new DangerGen(this, DangerGen.DEFAULT_ZONE);
    }

    /**
     * As {@link #dangers()}, dated in another organisation time zone.
     *
     * @param zone the organisation's zone
     * @return the hidden-danger generator
     */
    public DangerGen dangers(java.time.ZoneId zone) {
        return new DangerGen(this, zone);
    }

    /**
     * Inspection plans, tasks and good practices; draws from this generator.
     *
     * @return the inspection generator
     */
    public InspectionGen inspections() {
        return new InspectionGen(this);
    }

    @Override
    public String toString() {
        return "Gen[seed=" + seed + "]";
    }
}
