package org.dualprevention.examples.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Collectors;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.Rate;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.RiskMap;
import org.dualprevention.analytics.StorageAnalytics;
import org.dualprevention.analytics.SvgRiskMapRenderer;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.analytics.Warning;
import org.dualprevention.analytics.WarningSettings;
import org.dualprevention.analytics.ZoneStatus;
import org.dualprevention.analytics.document.Charts;
import org.dualprevention.analytics.document.Directory;
import org.dualprevention.analytics.document.Documents;
import org.dualprevention.analytics.document.WarningTexts;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.GradedControl;
import org.dualprevention.engine.HazardControl;
import org.dualprevention.engine.HiddenDangers;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.engine.lookback.RectificationQualityWarning;
import org.dualprevention.examples.tankfarm.TankFarmScenario;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.incident.Incident;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.engine.hazmat.CriticalQuantityTables;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.jdbc.JdbcStorage;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.json.GradingSchemeRef;
import org.dualprevention.json.HiddenDangerLedger;
import org.dualprevention.json.HiddenDangerRecord;
import org.dualprevention.json.RegisterDocument;
import org.dualprevention.json.RegisterHeader;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;

/**
 * The plant demo: four simulated weeks of the dual prevention mechanism at a small fine-chemicals plant, in
 * Simplified Chinese by default and in English with {@code -Ddemo.lang=en}.
 *
 * <p>It imports the shipped register document ({@link SampleRegister}, bilingual), whose hazards carry their
 * assessments (LEC, LS and the 5×5 matrix, recomputed on import), assigns control levels, creates the routine
 * inspection plans, then simulates four weeks with a fixed seed: inspections recorded (some missed, a few items
 * failed), the hidden dangers they find run through the closed loop, including a major one found by the
 * safety department's special inspection and reported to the authority, an overdue one, a rejected
 * acceptance, an on-the-spot rectification and a deadline extension. It prints a progress line per week and a
 * summary, and writes {@code risk-map.svg}, {@code report.html}, {@code register.json}, {@code ledger.json} and
 * the documents of {@link Documents} and {@link Charts} ({@link #DOCUMENTS}) to the output folder. Everything a
 * run prints and writes is as of one date, the last simulated day; the same
 * options give byte-identical files.
 *
 * <p>Options (arguments, or system properties of the same name with a {@code demo.} prefix):
 * {@code --out=DIR} (default {@code target/demo-output}), {@code --storage=memory|h2} (h2: an H2 file in
 * the output folder; a second run continues from the stored state with the next weeks and takes the hidden
 * dangers left open forward), {@code --weeks=N} (1 to 52, default 4), {@code --seed=N}, {@code --lang=zh|en}.
 */
public final class PlantDemo {
    /** The plant's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The first simulated day, a Monday. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);
    /** The default seed of the simulation. */
    public static final long DEFAULT_SEED = 20261102L;
    /** Probability that one inspection item fails. */
    static final double ITEM_FAILURE = 0.0045;
    /** Probability that an inspection task is not done. */
    static final double TASK_MISSED = 0.02;
    /** The number of random observations (随手拍) the demo knows, used one a week in turn. */
    static final int OBSERVATIONS = 5;
    /** The scripted major hidden danger: the failed control measure, its hazard and risk point. */
    static final String MAJOR_POINT = "RP-01";
    static final String MAJOR_HAZARD = "H-001";
    static final String MAJOR_MEASURE = "H-001-M1";

    private static final URI PHOTO_BASE = URI.create("https://erp.example.com/evidence/");

    /**
     * The demo's options.
     *
     * @param out the output folder
     * @param storage {@code memory} or {@code h2}
     * @param weeks how many weeks to simulate
     * @param seed the seed of the simulation
     * @param lang {@code zh} (the default) or {@code en}
     */
    public record Options(Path out, String storage, int weeks, long seed, String lang) {
        /** Checks the options. */
        public Options {
            Objects.requireNonNull(out, "out");
            Texts.of(lang);
        }

        /**
         * Options in Chinese.
         *
         * @param out the output folder
         * @param storage {@code memory} or {@code h2}
         * @param weeks how many weeks to simulate
         * @param seed the seed of the simulation
         */
        public Options(Path out, String storage, int weeks, long seed) {
            this(out, storage, weeks, seed, "zh");
        }

        /**
         * Reads the options from arguments, with system properties as defaults. A bad value is refused with a
         * message naming the option as it was given ({@code -Ddemo.seed} or {@code --seed}), the value and what
         * is allowed, in the chosen language.
         *
         * @param args {@code --out=DIR}, {@code --storage=memory|h2}, {@code --weeks=N}, {@code --seed=N},
         *     {@code --lang=zh|en}
         * @return the options
         * @throws IllegalArgumentException if an argument or value is not allowed
         */
        public static Options parse(String... args) {
            Map<String, String> o = new LinkedHashMap<>();
            Map<String, String> given = new LinkedHashMap<>();
            for (String[] d : new String[][] {{"out", "target/demo-output"}, {"storage", "memory"}, {"weeks", "4"},
                {"seed", Long.toString(DEFAULT_SEED)}, {"lang", "zh"}}) {
                String v = System.getProperty("demo." + d[0]);
                o.put(d[0], v == null ? d[1] : v);
                given.put(d[0], "-Ddemo." + d[0]);
            }
            List<String> bad = new ArrayList<>();
            for (String a : args) {
                int eq = a.indexOf('=');
                String key = a.startsWith("--") && eq > 2 ? a.substring(2, eq) : "";
                if (!o.containsKey(key)) {
                    bad.add(a);
                    continue;
                }
                o.put(key, a.substring(eq + 1));
                given.put(key, "--" + key);
            }
            String lang = o.get("lang").strip().toLowerCase(Locale.ROOT);
            if (!Texts.LANGUAGES.contains(lang)) {
                Texts zh = Texts.of("zh");
                Texts en = Texts.of("en");
                throw new IllegalArgumentException(zh.get("option.bad", given.get("lang"), o.get("lang"),
                        zh.get("option.allowed.lang")) + " / " + en.get("option.bad", given.get("lang"), o.get("lang"),
                        en.get("option.allowed.lang")));
            }
            Texts t = Texts.of(lang);
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException(t.get("option.unknown", bad.get(0), t.get("option.allowed.args")));
            }
            String storage = o.get("storage").strip().toLowerCase(Locale.ROOT);
            if (!storage.equals("memory") && !storage.equals("h2")) {
                throw new IllegalArgumentException(t.get("option.bad", given.get("storage"), o.get("storage"),
                        t.get("option.allowed.storage")));
            }
            int weeks;
            try {
                weeks = Integer.parseInt(o.get("weeks").strip());
            } catch (NumberFormatException e) {
                weeks = 0;
            }
            if (weeks < 1 || weeks > 52) {
                throw new IllegalArgumentException(t.get("option.bad", given.get("weeks"), o.get("weeks"),
                        t.get("option.allowed.weeks")));
            }
            long seed;
            try {
                seed = Long.parseLong(o.get("seed").strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(t.get("option.bad", given.get("seed"), o.get("seed"),
                        t.get("option.allowed.seed")), e);
            }
            if (o.get("out").isBlank()) {
                throw new IllegalArgumentException(t.get("option.bad", given.get("out"), o.get("out"),
                        t.get("option.allowed.out")));
            }
            return new Options(Path.of(o.get("out").strip()), storage, weeks, seed, lang);
        }
    }

    /**
     * What a run produced, for tests and callers.
     *
     * @param outputFolder where the files are
     * @param firstWeek the first week simulated by this run (0 for the first four-week run)
     * @param asOf the one date everything the run printed and wrote is as of: the last simulated day
     * @param mapDate the date of the risk map
     * @param statistics the company's statistics over every simulated week so far
     * @param warnings the early warnings at the end
     * @param dangers every hidden danger at the end
     */
    public record Result(Path outputFolder, int firstWeek, LocalDate asOf, LocalDate mapDate, UnitStatistics statistics,
            List<Warning> warnings, List<HiddenDanger> dangers) {
    }

    private final Options options;
    private final Texts t;
    private final PrintStream out;
    private final SimClock clock;
    private final RandomGenerator random;
    private final PriorityQueue<Step> agenda = new PriorityQueue<>(
            Comparator.comparing(Step::at).thenComparingLong(Step::seq));
    private final Set<HiddenDangerId> seen = new HashSet<>();
    private final Map<String, Integer> scriptCounts = new LinkedHashMap<>();
    private final Map<String, HiddenDangerId> highlights = new LinkedHashMap<>();
    private final List<String> scripts = new ArrayList<>(List.of("on-the-spot", "overdue", "rejected", "extension"));
    private DualPrevention dp;
    private Organization org;
    private long seq;

    private PlantDemo(Options options, PrintStream out) {
        this.options = options;
        this.t = Texts.of(options.lang());
        this.out = out;
        this.clock = new SimClock(FIRST_DAY.minusDays(1).atTime(8, 0).atZone(ZONE).toInstant(), ZONE);
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(options.seed());
        for (String s : List.of("major", "on-the-spot", "overdue", "rejected", "extension", "standard", "withdrawn",
                "taken-forward")) {
            scriptCounts.put(s, 0);
        }
    }

    /**
     * Runs the demo.
     *
     * @param args see the class description
     */
    public static void main(String[] args) {
        run(Options.parse(args), System.out);
    }

    /**
     * Runs the demo with options, printing to a stream.
     *
     * @param options the options
     * @param out where to print
     * @return what it produced
     */
    public static Result run(Options options, PrintStream out) {
        try {
            Files.createDirectories(options.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + options.out().toAbsolutePath(), e);
        }
        if (options.storage().equals("h2")) {
            try (JdbcStorage h2 = JdbcStorage.h2File(options.out().resolve("plant-h2"))) {
                return new PlantDemo(options, out).run(h2, Texts.of(options.lang()).get("storage.h2",
                        options.out().resolve("plant-h2.mv.db").toAbsolutePath()));
            } catch (JdbcStorageException e) {
                throw new IllegalStateException(Texts.of(options.lang()).get("option.failedH2", "-Ddemo.storage=h2",
                        options.out().resolve("plant-h2").toAbsolutePath(), e.getMessage()), e);
            }
        }
        return new PlantDemo(options, out).run(InMemoryStorage.create(), Texts.of(options.lang()).get("storage.memory"));
    }

    private Result run(Storage storage, String storageName) {
        long started = System.nanoTime();
        dp = DualPrevention.builder().storage(storage).clock(clock).zone(ZONE).build();
        SampleRegister register = SampleRegister.plant(dp.providers(), options.lang());
        out.println(t.get("demo.title", register.organization().units().get(0).name()));
        out.println(t.get("demo.setup", storageName, Long.toString(options.seed()), options.out().toAbsolutePath()));
        listMethods(register);

        int firstWeek;
        if (storage.organization().load().isEmpty()) {
            firstWeek = 0;
            setUp(register);
        } else {
            firstWeek = firstUnsimulatedWeek();
            org = dp.register().organization();
            List<HiddenDanger> open = Page.stream(p -> dp.hiddenDangers().find(HiddenDangerQuery.all(), p), 200)
                    .peek(d -> seen.add(d.id())).filter(HiddenDanger::isOpen).collect(Collectors.toList());
            out.println(t.get("demo.continue", storage.riskPoints().count(RiskPointQuery.all()), seen.size(),
                    open.size(), firstWeek + 1, firstWeek + options.weeks()));
            clock.set(weekStart(firstWeek));
            for (HiddenDanger d : open) {
                takeForward(d);
            }
        }
        for (int w = firstWeek; w < firstWeek + options.weeks(); w++) {
            simulateWeek(w);
        }
        LocalDate end = FIRST_DAY.plusWeeks(firstWeek + options.weeks());
        clock.set(end.atStartOfDay(ZONE).toInstant());
        Result result = summarise(register.zones(), firstWeek, end);
        out.println(t.get("demo.done", t.decimal(BigDecimal.valueOf((System.nanoTime() - started) / 1e9), 1),
                options.out().resolve("report.html").toAbsolutePath()));
        return result;
    }

    // ------------------------------------------------------------------ set-up

    private void listMethods(SampleRegister register) {
        Set<MethodId> inRegister = register.assessments().stream().map(Assessment::method)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        out.println(t.get("demo.methods", t.list(dp.providers().methodIds().stream().map(this::method)
                .collect(Collectors.toList())), t.list(inRegister.stream().map(this::method).collect(Collectors.toList()))));
        for (MethodId id : dp.providers().methodIds()) {
            AssessmentMethod m = dp.providers().method(id);
            if (m.getClass().getName().startsWith("org.dualprevention.")) {
                continue;
            }
            // a plug-in found on the class path: show how it grades its most severe input
            AssessmentInput worst = AssessmentInput.empty();
            for (FactorDefinition f : m.factors()) {
                worst = worst.with(f.key(), f.values().get(f.values().size() - 1));
            }
            Score score = m.evaluate(worst);
            GradingScheme s = dp.providers().scheme(m.defaultScheme());
            out.println(t.get("demo.plugin", id.value(), m.displayName(t.locale()), s.id().value(),
                    worst.values().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue().toPlainString())
                            .collect(Collectors.joining(", ")), level(s.grade(score).level())));
        }
    }

    private String method(MethodId id) {
        String name = dp.providers().method(id).displayName(t.locale());
        return name.contains(id.value()) ? name : t.lang().equals("zh") ? name + "（" + id.value() + "）"
                : name + " (" + id.value() + ")";
    }

    private String level(RiskLevel l) {
        return l.displayName(t.locale()) + (t.lang().equals("zh") ? "（" + l.colourName(t.locale()) + "）"
                : " (" + l.colourName(t.locale()) + ")");
    }

    private void setUp(SampleRegister register) {
        org = register.organization();
        dp.register().saveOrganization(org);
        for (RiskPoint p : register.riskPoints()) {
            dp.register().addRiskPoint(p); // with its hazards' assessments, as imported
        }
        Map<RiskLevel, Integer> byLevel = new EnumMap<>(RiskLevel.class);
        for (Assessment a : register.assessments()) {
            byLevel.merge(a.level(), 1, Integer::sum);
        }
        long measures = register.hazards().stream().mapToLong(h -> h.measures().size()).sum();
        out.println(t.get("demo.register", org.units().size(), register.zones().size(), register.riskPoints().size(),
                register.hazards().size(), measures, levels(byLevel)));
        GradedControl control = GradedControl.of(org, riskPoints());
        Map<ControlLevel, Integer> top = new TreeMap<>();
        for (HazardControl c : control.all()) {
            top.merge(c.top().unit().level(), 1, Integer::sum);
        }
        out.println(t.get("demo.control", t.list(top.entrySet().stream().map(e -> t.get("demo.levelCount", e.getValue(),
                e.getKey().displayName(t.locale()))).collect(Collectors.toList()))));
        int plans = dp.inspections().createRoutinePlans(FIRST_DAY).size();
        out.println(t.get("demo.plans", plans));
    }

    private int firstUnsimulatedWeek() {
        int w = 0;
        while (dp.storage().inspectionTasks().count(InspectionTaskQuery.dueBetween(weekStart(w), weekStart(w + 1))
                .recorded(true)) > 0) {
            w++;
        }
        return w;
    }

    private static Instant weekStart(int week) {
        return FIRST_DAY.plusWeeks(week).atStartOfDay(ZONE).toInstant();
    }

    private List<RiskPoint> riskPoints() {
        return Page.stream(p -> dp.register().riskPoints(RiskPointQuery.all(), p), 200).collect(Collectors.toList());
    }

    private String levels(Map<RiskLevel, Integer> byLevel) {
        List<String> parts = new ArrayList<>();
        for (RiskLevel l : RiskLevel.values()) {
            parts.add(t.get("demo.levelCount", byLevel.getOrDefault(l, 0), level(l)));
        }
        return t.list(parts);
    }

    // ------------------------------------------------------------------ simulation

    /** One thing that happens at an instant. */
    private record Step(Instant at, long seq, String what, Runnable run) {
    }

    private void at(Instant when, String what, Runnable run) {
        agenda.add(new Step(when, seq++, what, run));
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private void simulateWeek(int week) {
        Instant from = weekStart(week);
        Instant before = weekStart(week + 1);
        clock.set(from);
        dp.inspections().scheduleTasks(from, before);
        List<InspectionTask> tasks = Page.stream(p -> dp.inspections().tasksDue(from, before, p), 500)
                .collect(Collectors.toList());
        int[] counts = new int[3]; // recorded, items checked, items failed
        int before0 = seen.size();
        for (InspectionTask task : tasks) {
            if (random.nextDouble() < TASK_MISSED) {
                continue;
            }
            long window = Math.max(1, java.time.Duration.between(task.windowStart(), task.due()).toMinutes());
            Instant when = task.windowStart().plusSeconds(60 * (window / 4 + random.nextLong(Math.max(1, window / 2))));
            List<ItemResult> results = new ArrayList<>();
            for (InspectionItem i : task.items()) {
                results.add(random.nextDouble() < ITEM_FAILURE
                        ? ItemResult.failed(i.id(), t.get("sim.itemFailed", i.standard()),
                                List.of(PHOTO_BASE.resolve(task.id().value().replaceAll("[^A-Za-z0-9.-]", "_") + ".jpg")))
                        : ItemResult.passed(i.id()));
            }
            Actor inspector = staff(task.unit());
            at(when, "record " + task.id(), () -> {
                InspectionTask done = dp.inspections().recordTask(task.id(), inspector, results);
                counts[0]++;
                counts[1] += done.items().size();
                counts[2] += (int) done.record().orElseThrow().failedCount();
                handleNewDangers();
            });
        }
        if (week == 0) {
            scheduleMajor();
        }
        // one random observation (随手拍) a week, by someone on a team
        List<OrgUnit> teams = org.units().stream().filter(u -> ControlLevel.TEAM.equals(u.level())).collect(Collectors.toList());
        OrgUnit team = teams.get(random.nextInt(teams.size()));
        LocalDate obsDay = FIRST_DAY.plusWeeks(week).plusDays(1 + random.nextInt(4));
        at(at(obsDay, 14, 20), "random observation", () -> {
            HiddenDangerId id = HiddenDangerId.of("RO-" + obsDay);
            int n = week % OBSERVATIONS;
            dp.hiddenDangers().report(HiddenDangerCommand.Report.of(staff(team.id()), id, t.get("obs." + n + ".title"),
                    t.get("obs." + n + ".description"), HiddenDangerSource.RANDOM_OBSERVATION, team.id(), obsDay)
                    .withEvidence(List.of(PHOTO_BASE.resolve("ro-" + obsDay + ".jpg"))));
            handleNewDangers();
        });
        for (LocalDate d = FIRST_DAY.plusWeeks(week); d.isBefore(FIRST_DAY.plusWeeks(week + 1)); d = d.plusDays(1)) {
            LocalDate day = d;
            at(at(day, 0, 5), "overdue sweep", () -> dp.hiddenDangers().sweepOverdue(day.minusDays(1)));
        }
        int errors = 0;
        while (!agenda.isEmpty() && agenda.peek().at().isBefore(before)) {
            Step s = agenda.poll();
            clock.set(s.at());
            try {
                s.run().run();
            } catch (RuntimeException e) {
                errors++;
                out.println(t.get("demo.stepFailed", s.what(), s.at(), Long.toString(options.seed()), e));
            }
        }
        clock.set(before);
        int missed = dp.inspections().sweepMissed(from).size();
        long open = dp.storage().hiddenDangers().count(HiddenDangerQuery.all().open());
        long overdue = dp.storage().hiddenDangers().count(HiddenDangerQuery.all().overdueAsOf(
                LocalDate.ofInstant(before, ZONE).minusDays(1)));
        long closed = dp.storage().hiddenDangers().count(HiddenDangerQuery.all().inStates(Set.of(HiddenDangerState.CLOSED)));
        out.println(t.get("demo.week", week + 1, t.date(FIRST_DAY.plusWeeks(week)),
                t.date(FIRST_DAY.plusWeeks(week + 1).minusDays(1)), tasks.size(), counts[0], missed, counts[1], counts[2],
                seen.size() - before0, open, overdue, closed) + (errors == 0 ? "" : t.get("demo.weekErrors", errors)));
        if (errors > 0) {
            throw new IllegalStateException(errors + " simulation steps failed in week " + (week + 1));
        }
    }

    /**
     * The scripted major hidden danger: on the first Wednesday, the safety department's special inspection of
     * the tank farm finds that the high-high level trip of methanol tank T-101 (control measure
     * {@value #MAJOR_MEASURE}, on a red hazard) does not close the inlet valve. Finding, authority report, plan
     * and close-out all describe that one defect; it is major because the tank has to stop receiving and the
     * repair takes time (DOMAIN.md §5.1).
     */
    private void scheduleMajor() {
        LocalDate day = FIRST_DAY.plusDays(2);
        HiddenDangerId id = HiddenDangerId.of("SI-" + day + "-01");
        OrgUnitId company = org.units().get(0).id();
        at(at(day, 10, 30), "special inspection " + id, () -> {
            dp.hiddenDangers().report(HiddenDangerCommand.Report.of(staff(company), id, t.get("major.title"),
                    t.get("major.description"), HiddenDangerSource.OTHER, OrgUnitId.of("TNK-T"), day)
                    .withFailedMeasure(RiskPointId.of(MAJOR_POINT), HazardId.of(MAJOR_HAZARD),
                            ControlMeasureId.of(MAJOR_MEASURE))
                    .withCategory(HiddenDangerCategory.ON_SITE)
                    .withEvidence(List.of(PHOTO_BASE.resolve("si-" + day + "-trip-test.jpg"))));
            seen.add(id);
            count("major", id);
            followMajor(id, day);
        });
    }

    private void handleNewDangers() {
        List<HiddenDanger> fresh = Page.stream(p -> dp.hiddenDangers().find(HiddenDangerQuery.all()
                .inStates(Set.of(HiddenDangerState.REPORTED)), p), 200).filter(d -> seen.add(d.id()))
                .sorted(Comparator.comparing(d -> d.id().value())).collect(Collectors.toList());
        for (HiddenDanger d : fresh) {
            String script = scripts.isEmpty() ? pickRandomScript() : scripts.remove(0);
            count(script, d.id());
            follow(d, script);
        }
    }

    private void count(String script, HiddenDangerId id) {
        scriptCounts.merge(script, 1, Integer::sum);
        highlights.putIfAbsent(script, id);
    }

    private String pickRandomScript() {
        double r = random.nextDouble();
        return r < 0.45 ? "on-the-spot" : r < 0.92 ? "standard" : "withdrawn";
    }

    private void followMajor(HiddenDangerId id, LocalDate found) {
        HiddenDangers loop = dp.hiddenDangers();
        OrgUnitId unit = OrgUnitId.of("TNK-T");
        Actor doer = staff(unit);
        Actor checker = head(workshopOf(unit));
        Actor company = head(org.units().get(0).id());
        LocalDate next = found.plusDays(1);
        LocalDate deadline = found.plusDays(20);
        List<URI> photo = List.of(PHOTO_BASE.resolve(id.value() + "-proof-test.jpg"));
        at(at(found, 16, 0), "verify major " + id, () -> loop.apply(id, HiddenDangerCommand.Verify.major(company,
                t.get("major.verify"), new AuthorityReport(t.get("major.report.status"), t.get("major.report.harm"),
                        t.get("major.report.plan")))));
        at(at(next, 11, 0), "plan major " + id, () -> loop.apply(id, new HiddenDangerCommand.Plan(company,
                RectificationPlan.of(checker.id(), t.get("major.plan.what"), Funds.cny("48000"), deadline,
                        t.get("major.plan.interim"))
                        .withScheme(new GovernanceScheme(t.get("major.scheme.goals"), t.get("major.scheme.methods"),
                                t.get("major.scheme.funds"), t.get("major.scheme.org"), t.get("major.scheme.time"),
                                t.get("major.scheme.safety"))))));
        at(at(found.plusDays(2), 8, 30), "start " + id, () -> loop.apply(id, HiddenDangerCommand.Start.by(doer)));
        at(at(found.plusDays(12), 16, 0), "submit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(doer,
                t.get("major.submit"), photo, today())));
        at(at(found.plusDays(13), 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(company,
                t.get("major.accept"))));
    }

    /** Schedules what people do with a hidden danger after it is reported. */
    private void follow(HiddenDanger d, String script) {
        HiddenDangers loop = dp.hiddenDangers();
        HiddenDangerId id = d.id();
        OrgUnitId unit = d.unit();
        Actor doer = staff(unit);
        Actor checker = head(workshopOf(unit));
        LocalDate found = today();
        LocalDate next = found.plusDays(1);
        List<URI> photo = List.of(PHOTO_BASE.resolve(id.value().replaceAll("[^A-Za-z0-9.-]", "_") + "-done.jpg"));
        switch (script) {
            case "on-the-spot":
                at(clock.instant().plusSeconds(1800), "rectify on the spot " + id, () -> loop.apply(id,
                        new HiddenDangerCommand.RectifyOnSpot(doer, t.get("sim.onSpot"), photo, today())));
                at(at(next, 9, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(checker,
                        t.get("sim.acceptOnSpot"))));
                break;
            case "withdrawn":
                at(at(next, 9, 0), "verify " + id, () -> loop.apply(id, HiddenDangerCommand.Verify.general(checker,
                        t.get("sim.verifyLooked"))));
                at(at(next, 9, 30), "withdraw " + id, () -> loop.apply(id, new HiddenDangerCommand.Withdraw(checker,
                        t.get("sim.withdraw"))));
                break;
            case "overdue":
                plan(id, checker, doer, found, 5, t.get("sim.repair"));
                break; // never submitted in this run: runs past its deadline (a continued run takes it forward)
            case "rejected": {
                LocalDate deadline = plan(id, checker, doer, found, 10, t.get("sim.repair"));
                at(at(deadline.minusDays(4), 16, 0), "submit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(
                        doer, t.get("sim.repaired"), photo, today())));
                at(at(deadline.minusDays(3), 10, 0), "reject " + id, () -> loop.apply(id, new HiddenDangerCommand.Reject(
                        checker, t.get("sim.reject"))));
                at(at(deadline.minusDays(1), 15, 0), "resubmit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(
                        doer, t.get("sim.resubmit"), photo, today())));
                at(at(deadline, 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(checker,
                        t.get("sim.completeNow"))));
                break;
            }
            case "extension": {
                LocalDate deadline = plan(id, checker, doer, found, 6, t.get("sim.replace"));
                LocalDate extended = deadline.plusDays(10);
                at(at(deadline.minusDays(1), 15, 0), "extend " + id, () -> loop.apply(id,
                        new HiddenDangerCommand.ExtendDeadline(doer, extended, t.get("sim.extend"), checker)));
                at(at(extended.minusDays(2), 16, 0), "submit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(
                        doer, t.get("sim.partReplaced"), photo, today())));
                at(at(extended.minusDays(1), 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(
                        checker, t.get("sim.accepted"))));
                break;
            }
            default: {
                int days = 5 + random.nextInt(8);
                LocalDate deadline = plan(id, checker, doer, found, days, t.get("sim.repair"));
                LocalDate done = deadline.minusDays(random.nextInt(3));
                at(at(done, 16, 0), "submit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(doer,
                        t.get("sim.repaired"), photo, today())));
                at(at(done.plusDays(1), 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(
                        checker, t.get("sim.accepted"))));
            }
        }
    }

    /**
     * A continued run (H2 store) takes forward a hidden danger the previous run left open: the next step for its
     * state, then the rest of the loop, major ones at company level. One left past its deadline is rectified
     * now, late.
     */
    private void takeForward(HiddenDanger d) {
        HiddenDangers loop = dp.hiddenDangers();
        HiddenDangerId id = d.id();
        boolean major = d.grade().filter(HiddenDangerGrade.MAJOR::equals).isPresent();
        Actor doer = staff(d.unit());
        Actor checker = major ? head(org.units().get(0).id()) : head(workshopOf(d.unit()));
        LocalDate first = today();
        List<URI> photo = List.of(PHOTO_BASE.resolve(id.value().replaceAll("[^A-Za-z0-9.-]", "_") + "-done.jpg"));
        count("taken-forward", id);
        LocalDate submitOn;
        switch (d.state()) {
            case REPORTED:
            case VERIFIED:
            case PLANNED: {
                LocalDate deadline = d.deadline().filter(x -> !x.isBefore(first.plusDays(3))).orElse(first.plusDays(7));
                if (d.state() == HiddenDangerState.REPORTED) {
                    at(at(first, 9, 0), "verify " + id, () -> loop.apply(id, HiddenDangerCommand.Verify.general(checker,
                            t.get("sim.verifyConfirmed"))));
                }
                if (d.state() != HiddenDangerState.PLANNED) {
                    at(at(first, 10, 0), "plan " + id, () -> loop.apply(id, new HiddenDangerCommand.Plan(checker,
                            RectificationPlan.of(doer.id(), t.get("sim.repair"), Funds.cny("1000"), deadline,
                                    t.get("sim.interim")))));
                }
                at(at(first, 14, 0), "start " + id, () -> loop.apply(id, HiddenDangerCommand.Start.by(doer)));
                submitOn = deadline.minusDays(1);
                break;
            }
            case RECTIFYING:
                submitOn = d.deadline().filter(x -> x.isAfter(first)).map(x -> x.minusDays(1)).orElse(first);
                break;
            case AWAITING_ACCEPTANCE:
                at(at(first, 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(checker,
                        t.get("sim.accepted"))));
                return;
            default:
                return;
        }
        boolean late = d.isOverdue(first);
        LocalDate on = submitOn.isBefore(first) ? first : submitOn;
        at(at(on, 16, 0), "submit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(doer,
                late ? t.get("sim.late") : t.get("sim.repaired"), photo, today())));
        at(at(on.plusDays(1), 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(checker,
                t.get("sim.accepted"))));
    }

    /** Verify, plan and start; returns the deadline. */
    private LocalDate plan(HiddenDangerId id, Actor checker, Actor doer, LocalDate found, int days, String what) {
        LocalDate next = found.plusDays(1);
        LocalDate deadline = found.plusDays(days);
        HiddenDangers loop = dp.hiddenDangers();
        at(at(next, 9, 0), "verify " + id, () -> loop.apply(id, HiddenDangerCommand.Verify.general(checker,
                t.get("sim.verifyConfirmed"))));
        at(at(next, 10, 0), "plan " + id, () -> loop.apply(id, new HiddenDangerCommand.Plan(checker,
                RectificationPlan.of(doer.id(), what, Funds.cny(Integer.toString(500 + 100 * days)), deadline,
                        t.get("sim.interim")))));
        at(at(next, 14, 0), "start " + id, () -> loop.apply(id, HiddenDangerCommand.Start.by(doer)));
        return deadline;
    }

    private OrgUnitId workshopOf(OrgUnitId unit) {
        for (OrgUnit u : org.selfAndAncestors(unit)) {
            if (ControlLevel.WORKSHOP.equals(u.level())) {
                return u.id();
            }
        }
        return org.units().get(0).id();
    }

    private Actor staff(OrgUnitId unit) {
        return Actor.of(ActorId.of("staff." + unit.value()), unit);
    }

    private Actor head(OrgUnitId unit) {
        return Actor.of(ActorId.of("head." + unit.value()), unit);
    }

    // ------------------------------------------------------------------ summary and files

    private Result summarise(List<MapZone> zones, int firstWeek, LocalDate end) {
        // one as-of date for everything printed and written: the last simulated day, at its last instant
        LocalDate asOf = end.minusDays(1);
        Clock asOfClock = Clock.fixed(end.atStartOfDay(ZONE).toInstant().minusSeconds(1), ZONE);
        StorageAnalytics analytics = StorageAnalytics.of(dp.storage(), asOfClock, dp.zone());
        OrgUnitId root = org.units().get(0).id();
        UnitStatistics stats = analytics.statistics(root, ReportingPeriod.of(FIRST_DAY, end));
        RiskMap map = analytics.riskMap(zones, DefaultEffectiveLevelPolicy.create());
        List<Warning> warnings = analytics.warnings(map, WarningSettings.defaults());
        List<RiskPoint> points = riskPoints();
        List<HiddenDanger> dangers = Page.stream(p -> dp.hiddenDangers().find(HiddenDangerQuery.all(), p), 200)
                .collect(Collectors.toList());
        Names names = new Names(org);

        out.println();
        out.println(t.get("demo.zones", t.date(map.date())));
        String[] head = {t.get("demo.zones.zone"), t.get("demo.zones.points"), RiskLevel.MAJOR.colourName(t.locale()),
            RiskLevel.SIGNIFICANT.colourName(t.locale()), RiskLevel.GENERAL.colourName(t.locale()),
            RiskLevel.LOW.colourName(t.locale()), t.get("demo.zones.assessed"), t.get("demo.zones.effective"),
            t.get("demo.zones.open")};
        int[] widths = {26, 8, 6, 8, 8, 6, 12, 12, 10};
        out.println(row(widths, head));
        for (ZoneStatus z : map.zones()) {
            Map<RiskLevel, Integer> h = hazardLevels(points, z);
            out.println(row(widths, new String[] {z.zone().name(), t.number(z.summary().riskPoints()),
                t.number(h.get(RiskLevel.MAJOR)), t.number(h.get(RiskLevel.SIGNIFICANT)), t.number(h.get(RiskLevel.GENERAL)),
                t.number(h.get(RiskLevel.LOW)), z.summary().assessed().map(l -> l.colourName(t.locale())).orElse("-"),
                z.summary().effective().map(l -> l.colourName(t.locale())).orElse("-"),
                t.number(z.summary().openDangers())}));
        }
        out.println();
        out.println(t.get("demo.statistics", t.date(FIRST_DAY), t.date(end.minusDays(1)), t.date(stats.asOf())));
        for (Map.Entry<String, String> e : statisticsRows(stats, t).entrySet()) {
            out.println("  " + Texts.pad(t.get("stat." + e.getKey()), 36, false) + " " + e.getValue());
        }
        out.println(t.get("demo.scripts", t.list(scriptCounts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> t.get("demo.scriptCount", t.get("script." + e.getKey()), e.getValue()))
                .collect(Collectors.toList()))));
        for (Map.Entry<String, HiddenDangerId> e : highlights.entrySet()) {
            HiddenDanger d = dp.hiddenDangers().find(e.getValue()).orElseThrow();
            out.println(t.get("demo.highlight", t.get("script." + e.getKey()), d.id().value(), d.title(),
                    d.state().displayName(t.locale()),
                    (d.authorityReport().isPresent() ? t.get("demo.highlight.major") : "")
                            + (d.rejections() > 0 ? t.get("demo.highlight.rejected", d.rejections())
                                    : d.extensionCount() > 0 ? t.get("demo.highlight.extended",
                                            t.date(d.deadline().orElseThrow()))
                                    : d.isOverdue(asOf) ? t.get("demo.highlight.overdue",
                                            t.date(d.deadline().orElseThrow().plusDays(1))) : "")));
        }
        out.println();
        out.println(t.get("demo.warnings", warnings.size()));
        WarningTexts words = WarningTexts.of(t.locale(), org, points, zones).withHiddenDangers(dangers);
        for (Warning w : warnings) {
            out.println(t.get("demo.warning", words.ruleName(w.rule()), words.describe(w)));
        }
        out.println();
        Farm farm = tankFarm(asOf);
        List<String> tankFarm = farm.lines();
        tankFarm.forEach(out::println);
        out.println();
        // the map drawn (risk-map.svg and the map page) shows the tank farm's risk points in its zone too; the zone
        // table, the warnings and the charts stay the plant's engine's
        List<RiskPoint> withFarm = new ArrayList<>(points);
        withFarm.addAll(farm.points());
        List<HiddenDanger> open = dangers.stream().filter(d -> !d.state().isTerminal()).collect(Collectors.toList());
        open.addAll(farm.openDangers());
        RiskMap drawn = RiskMap.builder(org, map.date(), DefaultEffectiveLevelPolicy.create()).zones(zones)
                .riskPoints(withFarm).dangers(open).build();
        writeFiles(map, drawn, stats, warnings, words, points, dangers, names, tankFarm, asOf);
        writeDocuments(analytics, zones, map, points, dangers, warnings, words, farm, asOf);
        return new Result(options.out(), firstWeek, asOf, map.date(), stats, warnings, dangers);
    }

    /**
     * The tank farm (DOMAIN.md §11, DOMAIN.md §10.4, DOMAIN.md §12) played by {@link TankFarmScenario} on an engine
     * of its own, with the plant's organisation, its tank farm unit and people and a clock of its own that starts
     * 31 days before the as-of date so that the look-back re-check falls on it; the weeks above are not changed.
     *
     * @param asOf the run's as-of date
     * @return the heading and the lines, in the run's language, and what the documents show of it
     */
    private Farm tankFarm(LocalDate asOf) {
        if (!options.storage().equals("h2")) {
            return tankFarm(asOf, InMemoryStorage.create(), Optional.empty());
        }
        // with --storage=h2 the tank farm is played on JDBC too: a file of its own, replayed afresh each run
        try {
            Files.deleteIfExists(options.out().resolve(TANK_FARM_H2 + ".mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JdbcStorage h2 = JdbcStorage.h2File(options.out().resolve(TANK_FARM_H2))) {
            return tankFarm(asOf, h2, Optional.of(h2));
        }
    }

    /** The plant's map zone the tank farm's risk points lie in (SampleRegister's tank farm). */
    static final MapZoneId TANK_FARM_ZONE = MapZoneId.of("Z-TANK");

    /** The H2 file of the tank farm in the output folder, without {@code .mv.db}. */
    static final String TANK_FARM_H2 = "tankfarm-h2";

    private Farm tankFarm(LocalDate asOf, Storage storage, Optional<JdbcStorage> jdbc) {
        LocalDate from = asOf.minusDays(31);
        Instant start = from.atTime(8, 0).atZone(ZONE).toInstant();
        SimClock farmClock = new SimClock(start, ZONE);
        DualPrevention farmEngine = DualPrevention.builder().storage(storage).clock(farmClock)
                .zone(ZONE).build();
        farmEngine.register().saveOrganization(org);
        OrgUnitId company = org.units().get(0).id();
        OrgUnitId unit = OrgUnitId.of("TNK");
        Consumer<Duration> advance = d -> farmClock.set(farmClock.instant().plus(d));
        TankFarmScenario.Result r = jdbc.isEmpty()
                ? TankFarmScenario.play(farmEngine, unit, staff(company), head(OrgUnitId.of("TNK-T")),
                        staff(OrgUnitId.of("TNK-P")), advance)
                : TankFarmScenario.play(farmEngine, jdbc.get().majorHazards(), jdbc.get().rechecks(),
                        jdbc.get().incidents(), unit, staff(company), head(OrgUnitId.of("TNK-T")),
                        staff(OrgUnitId.of("TNK-P")), advance);
        MajorHazardStatus s = r.status();
        Names names = new Names(org);
        List<String> lines = new ArrayList<>();
        lines.add(t.get("tankfarm.heading", t.date(from)));
        lines.add(t.get("tankfarm.status", t.get("tankfarm.name"), r.installation().kind().displayName(t.locale()),
                s.s().stripTrailingZeros().toPlainString(), s.r().stripTrailingZeros().toPlainString(),
                s.grade().map(g -> g.displayName(t.locale())).orElse(t.get("tankfarm.notMajor")), s.tableEdition()));
        for (Recurrence c : r.recurrences()) {
            lines.add(t.get("tankfarm.recheck", t.get("tankfarm.danger"),
                    t.date(r.recheck().result().orElseThrow().checkedOn()), c.reason().displayName(t.locale())));
        }
        for (RectificationQualityWarning w : r.warnings()) {
            lines.add(t.get("tankfarm.warning", names.unit(w.unit()), w.dangersThatCameBack()));
        }
        lines.add(t.get("tankfarm.nearMiss", t.get("tankfarm.nearMissText"), t.list(r.flagged().stream()
                .map(h -> t.get("tankfarm.hazard." + h.value())).collect(Collectors.toList()))));
        List<RiskPoint> farmPoints = Page.stream(p -> farmEngine.register().riskPoints(RiskPointQuery.all(), p), 200)
                // the farm's risk points lie in the plant's tank farm zone, so the four-colour map draws them
                .map(p -> localised(p)).map(p -> p.withDetails(p.name(), p.kind(), p.owningUnit(),
                        Optional.of(TANK_FARM_ZONE)).withVersion(p.version())).collect(Collectors.toList());
        List<HiddenDanger> farmOpen = Page.stream(p -> farmEngine.hiddenDangers().find(HiddenDangerQuery.all().open(), p),
                200).collect(Collectors.toList());
        return new Farm(lines, r, localised(r.installation()), farmPoints, farmOpen);
    }

    /**
     * The tank farm's own words (its risk points, hazards and measures, the installation, the re-check and the
     * near miss are written in Chinese by {@link TankFarmScenario}) in the run's language, for the documents.
     */
    private static final Map<String, String> FARM_EN = Map.ofEntries(
            Map.entry("甲醇/液化石油气储罐区", "Methanol and LPG tanks"),
            Map.entry("装卸车鹤位", "Tanker loading bay"),
            Map.entry("储罐呼吸阀、法兰泄漏，可燃蒸气积聚", "Flammable vapour from leaking tank breather valves and flanges"),
            Map.entry("装卸车静电积聚放电", "Static discharge while loading and unloading tankers"),
            Map.entry("呼吸阀、阻火器完好", "Breather valves and flame arresters in working order"),
            Map.entry("可燃气体报警器完好", "Flammable gas detectors in working order"),
            Map.entry("静电接地夹可靠连接", "Earthing clamp firmly connected"),
            Map.entry("呼吸阀动作灵活；阻火器无堵塞", "Breather valves move freely; flame arresters not blocked"),
            Map.entry("报警器在检定期内；每班测试报警", "Detectors within calibration; alarm tested every shift"),
            Map.entry("接地夹完好；接地电阻合格", "Clamp intact; earthing resistance within limits"),
            Map.entry("呼吸阀失效、密封老化", "Failed breather valves, aged seals"),
            Map.entry("火灾、爆炸", "Fire, explosion"),
            Map.entry("静电接地不良", "Poor earthing"),
            Map.entry("火灾", "Fire"));

    private String localisedText(String zh) {
        return "zh".equals(t.locale().getLanguage()) ? zh : FARM_EN.getOrDefault(zh, zh);
    }

    private RiskPoint localised(RiskPoint p) {
        if ("zh".equals(t.locale().getLanguage())) {
            return p;
        }
        List<Hazard> hazards = new ArrayList<>();
        for (Hazard h : p.hazards()) {
            List<ControlMeasure> ms = h.measures().stream().map(m -> new ControlMeasure(m.id(), m.category(),
                    localisedText(m.description()), m.controlLevel(), m.responsibleUnit(),
                    localisedText(m.inspectionStandard()))).collect(Collectors.toList());
            hazards.add(Hazard.of(h.id(), localisedText(h.description()), h.category(), h.accidentTypes(),
                    localisedText(h.causes()), localisedText(h.consequences())).withMeasures(ms)
                    .withHistory(h.assessments(), h.reassessment()));
        }
        return p.withDetails(localisedText(p.name()), p.kind(), p.owningUnit(), p.zone()).withHazards(hazards)
                .withVersion(p.version());
    }

    private MajorHazardInstallation localised(MajorHazardInstallation m) {
        return "zh".equals(t.locale().getLanguage()) ? m : MajorHazardInstallation.of(m.id(), t.get("tankfarm.name"),
                m.kind(), m.unit(), m.holdings(), m.peopleWithin500m(), m.riskPoints()).withVersion(m.version());
    }

    private Recheck localised(Recheck r) {
        return "zh".equals(t.locale().getLanguage()) ? r : new Recheck(r.id(), r.riskPoint(), r.hazard(),
                r.failedMeasure(), t.get("tankfarm.danger"), r.grade(), r.unit(), r.acceptor(), r.closedOn(), r.dueOn(),
                r.result().map(x -> new org.dualprevention.lookback.RecheckResult(x.passed(), x.checkedBy(),
                        x.checkedOn(), t.get("tankfarm.recheckNote"))));
    }

    private Incident localised(Incident i) {
        return "zh".equals(t.locale().getLanguage()) ? i : new Incident(i.id(), i.kind(), i.riskPoint(), i.hazards(),
                i.failedMeasures(), i.accidentType(), i.casualties(), i.unit(), i.occurredAt(), i.reporter(),
                t.get("tankfarm.nearMissText"));
    }

    /** The tank farm as the documents show it: its lines, what the scenario produced, its risk points. */
    private record Farm(List<String> lines, TankFarmScenario.Result result, MajorHazardInstallation installation,
            List<RiskPoint> points, List<HiddenDanger> openDangers) {
    }

    private static String row(int[] widths, String[] cells) {
        StringBuilder b = new StringBuilder(" ");
        for (int i = 0; i < cells.length; i++) {
            b.append(' ').append(Texts.pad(cells[i], widths[i], i > 0 && i < 6));
        }
        return b.toString().stripTrailing();
    }

    private static Map<RiskLevel, Integer> hazardLevels(List<RiskPoint> points, ZoneStatus z) {
        Map<RiskLevel, Integer> m = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) {
            m.put(l, 0);
        }
        for (RiskPoint p : points) {
            if (z.riskPoints().contains(p.id())) {
                for (Hazard h : p.hazards()) {
                    h.currentAssessments().stream().map(Assessment::level).reduce(RiskLevel::mostSevere)
                            .ifPresent(l -> m.merge(l, 1, Integer::sum));
                }
            }
        }
        return m;
    }

    /** The units' names for the report's ledger, in the run's language. */
    record Names(Map<String, String> units) {
        Names(Organization org) {
            this(new HashMap<>());
            org.units().forEach(u -> units.put(u.id().value(), u.name()));
        }

        String unit(OrgUnitId id) {
            return units.getOrDefault(id.value(), id.value());
        }
    }

    /**
     * The statistics shown in the console and the report, by a stable id (the {@code stat.<id>} label and the
     * report's {@code data-stat} attribute).
     *
     * @param s the statistics
     * @param t the language
     * @return id to value, in display order
     */
    static Map<String, String> statisticsRows(UnitStatistics s, Texts t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hidden-dangers-found", t.number(s.found()));
        m.put("withdrawn", t.number(s.withdrawn()));
        m.put("major-found", t.number(s.majorFound()));
        m.put("rectification-rate", rate(s.rectification(), t));
        m.put("closed-loop-rate", rate(s.closedLoop(), t));
        m.put("first-pass-acceptance", rate(s.firstPassAcceptance(), t));
        m.put("on-time-rectification", rate(s.onTimeRectification(), t));
        m.put("overdue-and-open", t.number(s.overdueOpen()));
        m.put("mean-days-to-close", s.meanDaysToClose().map(d -> t.get("stat.days", t.decimal(d, 1), d.doubleValue()))
                .orElse(t.get("stat.na")));
        m.put("inspection-completion", rate(s.inspectionCompletion(), t));
        m.put("on-time-inspection", rate(s.onTimeInspection(), t));
        m.put("item-conformity", rate(s.itemConformity(), t));
        String byType = t.list(s.byAccidentType().entrySet().stream()
                .sorted(Map.Entry.<AccidentType, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey().displayName(t.locale()) + " " + t.number(e.getValue())).collect(Collectors.toList()));
        m.put("by-accident-type", byType.isEmpty() ? t.get("stat.none") : byType);
        String byCategory = t.list(s.byHazardCategory().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().code()))
                .map(e -> e.getKey().displayName(t.locale()) + " " + t.number(e.getValue())).collect(Collectors.toList()));
        m.put("by-hazard-category", byCategory.isEmpty() ? t.get("stat.none") : byCategory);
        return m;
    }

    private static String rate(Rate r, Texts t) {
        return r.percent(1).map(p -> t.get("stat.rate", t.decimal(p, 1), r.numerator(), r.denominator()))
                .orElse(t.get("stat.rateNa"));
    }

    private void writeFiles(RiskMap map, RiskMap drawn, UnitStatistics stats, List<Warning> warnings, WarningTexts words,
            List<RiskPoint> points, List<HiddenDanger> dangers, Names names, List<String> tankFarm, LocalDate asOf) {
        Path dir = options.out();
        String company = org.units().get(0).name();
        String svg = SvgRiskMapRenderer.of(t.locale()).withTitle(t.get("map.title", company)).render(drawn);
        write(dir.resolve("risk-map.svg"), o -> o.write(svg.getBytes(StandardCharsets.UTF_8)));
        Set<SchemeId> schemes = new LinkedHashSet<>();
        for (RiskPoint p : points) {
            for (Hazard h : p.hazards()) {
                h.assessments().forEach(a -> schemes.add(a.scheme()));
            }
        }
        List<GradingSchemeRef> refs = schemes.stream().map(id -> GradingSchemeRef.of(dp.providers().scheme(id)))
                .collect(Collectors.toList());
        write(dir.resolve("register.json"), o -> RegisterDocument.write(o, new RegisterHeader(org, refs), points));
        List<HiddenDangerRecord> records = dangers.stream()
                .map(d -> new HiddenDangerRecord(d, dp.hiddenDangers().auditEntries(d.id())))
                .collect(Collectors.toList());
        write(dir.resolve("ledger.json"), o -> HiddenDangerLedger.write(o, records));
        List<String> warningTexts = warnings.stream().map(w -> t.get("demo.warning", words.ruleName(w.rule()),
                words.describe(w)).strip()).collect(Collectors.toList());
        String html = HtmlReport.render(t, org, map, stats, statisticsRows(stats, t), warningTexts, dangers, names, svg,
                tankFarm.subList(1, tankFarm.size()).stream().map(String::strip).collect(Collectors.toList()), asOf);
        write(dir.resolve("report.html"), o -> o.write(html.getBytes(StandardCharsets.UTF_8)));
        out.println(t.get("demo.wrote", t.list(List.of("risk-map.svg", "report.html", "register.json", "ledger.json")),
                dir.toAbsolutePath()));
    }

    /** The documents a safety manager files and posts, in the run's language, and the charts as SVG. */
    private void writeDocuments(StorageAnalytics analytics, List<MapZone> zones, RiskMap map, List<RiskPoint> points,
            List<HiddenDanger> dangers, List<Warning> warnings, WarningTexts words, Farm farm, LocalDate asOf) {
        Path dir = options.out();
        String company = org.units().get(0).name();
        TankFarmScenario.Result r = farm.result();
        Documents docs = Documents.of(t.locale()).withEnterprise(company).withDirectory(directory())
                .withMajorHazard(farm.installation(), r.status(), CriticalQuantityTables.gb18218_2018())
                .withLookBack(List.of(localised(r.recheck())), r.recurrences())
                .withIncidents(r.incidents().stream().map(this::localised).collect(Collectors.toList()), ZONE);
        // the register, the ledger and the map page show the tank farm's risk points beside the plant's
        List<RiskPoint> withFarm = new ArrayList<>(points);
        withFarm.addAll(farm.points());
        List<HiddenDanger> open = dangers.stream().filter(d -> !d.state().isTerminal()).collect(Collectors.toList());
        open.addAll(farm.openDangers());
        RiskMap farmMap = RiskMap.builder(org, map.date(), DefaultEffectiveLevelPolicy.create()).zones(zones)
                .riskPoints(withFarm).dangers(open).build();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DOCUMENTS.get(0), docs.riskRegister(org, withFarm, zones, asOf));
        files.put(DOCUMENTS.get(1), docs.riskCards(org, withFarm, zones, asOf));
        files.put(DOCUMENTS.get(2), docs.postCards(org, withFarm, asOf));
        files.put(DOCUMENTS.get(3), docs.emergencyCards(org, points, asOf));
        files.put(DOCUMENTS.get(4), docs.hiddenDangerLedger(org, withFarm, zones, dangers, asOf, ZONE));
        files.put(DOCUMENTS.get(5), docs.statisticsTable(org, analytics.report(org.units().get(0).id(),
                ReportingPeriod.quarterOf(asOf))));
        files.put(DOCUMENTS.get(6), docs.riskMap(farmMap));
        files.put(DOCUMENTS.get(11), docs.warnings(warnings, words, asOf));
        Charts charts = Charts.of(t.locale());
        Map<RiskPointId, RiskPoint> register = new LinkedHashMap<>();
        points.forEach(p -> register.put(p.id(), p));
        files.put(DOCUMENTS.get(7), charts.foundAndClosedPerWeek(HiddenDangerFact.project(dangers, register, ZONE),
                FIRST_DAY, asOf));
        files.put(DOCUMENTS.get(8), charts.overdueTrend(HiddenDangerFact.project(dangers, register, ZONE), FIRST_DAY,
                asOf));
        files.put(DOCUMENTS.get(9), charts.levelsByZone(map));
        ReportingPeriod period = ReportingPeriod.of(FIRST_DAY, asOf.plusDays(1));
        List<UnitStatistics> byUnit = org.units().stream().filter(u -> ControlLevel.WORKSHOP.equals(u.level()))
                .map(u -> analytics.statistics(u.id(), period)).collect(Collectors.toList());
        files.put(DOCUMENTS.get(10), charts.ratesByUnit(byUnit, org));
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
            write(dir.resolve(f.getKey()), o -> o.write(bytes));
        }
        out.println(t.get("demo.wrote", t.list(new ArrayList<>(files.keySet())), dir.toAbsolutePath()));
    }

    /** The documents and charts the demo writes besides the report, by file name. */
    public static final List<String> DOCUMENTS = List.of("risk-register.html", "risk-cards.html", "post-cards.html",
            "emergency-cards.html", "ledger.html", "statistics-table.html", "risk-map.html",
            "chart-found-closed-per-week.svg", "chart-overdue-trend.svg", "chart-levels-by-zone.svg",
            "chart-rates-by-unit.svg", "warnings.html");

    /** The plant's people and emergency contacts, for the documents: fictitious, in the run's language. */
    private Directory directory() {
        Directory d = Directory.empty();
        for (OrgUnit u : org.units()) {
            String key = "person." + u.id().value();
            if (t.has(key)) {
                d = d.withResponsible(u.id(), t.get(key)).withPerson(ActorId.of("head." + u.id().value()), t.get(key))
                        .withPerson(ActorId.of("staff." + u.id().value()), t.get(key));
            }
        }
        OrgUnitId root = org.units().get(0).id();
        // the documents add the public numbers (fire 119, ambulance 120, police 110) themselves
        return d.withContact(root, t.get("contact.duty"), "0531-8765 4321")
                .withContact(root, t.get("contact.authority"), "0531-8123 4567");
    }

    private interface Writer {
        void to(OutputStream o) throws IOException;
    }

    private static void write(Path file, Writer w) {
        try (OutputStream o = Files.newOutputStream(file)) {
            w.to(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }
}
