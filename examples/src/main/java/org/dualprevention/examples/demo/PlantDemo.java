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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Collectors;
import org.dualprevention.analytics.Rate;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.RiskMap;
import org.dualprevention.analytics.StorageAnalytics;
import org.dualprevention.analytics.SvgRiskMapRenderer;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.analytics.Warning;
import org.dualprevention.analytics.WarningSettings;
import org.dualprevention.analytics.ZoneStatus;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.GradedControl;
import org.dualprevention.engine.HazardControl;
import org.dualprevention.engine.HiddenDangers;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
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
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
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
 * The plant demo: four simulated weeks of the dual prevention mechanism at a small fine-chemicals plant.
 *
 * <p>It imports the shipped register document ({@link SampleRegister}), whose hazards carry their assessments
 * (LEC, LS and the 5×5 matrix, recomputed on import), assigns control levels, creates the routine inspection
 * plans, then simulates four
 * weeks with a fixed seed: inspections recorded (some missed, a few items failed), the hidden dangers they
 * find run through the closed loop, including a major one reported to the authority, an overdue one, a
 * rejected acceptance, an on-the-spot rectification and a deadline extension. It prints a progress line per
 * week and a summary, and writes {@code risk-map.svg}, {@code report.html}, {@code register.json} and
 * {@code ledger.json} to the output folder.
 *
 * <p>Options (arguments, or system properties of the same name with a {@code demo.} prefix):
 * {@code --out=DIR} (default {@code target/demo-output}), {@code --storage=memory|h2} (h2: an H2 file in
 * the output folder; a second run continues from the stored state with the next four weeks),
 * {@code --weeks=N} (default 4), {@code --seed=N}.
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

    /** What employees report on their own (随手拍), one a week: title and description. */
    private static final String[][] OBSERVATIONS = {
        {"Fire extinguisher blocked by pallets", "Walking past, saw pallets stacked in front of the extinguisher point"},
        {"Emergency exit held open with a wedge", "The fire door to the stair was wedged open during the shift change"},
        {"Oil under the pump skid not cleaned up", "A pool of lubricating oil under the skid, slippery walkway"},
        {"Gas cylinder standing without a chain", "An acetylene cylinder left free-standing beside the workbench"},
        {"Cable trailing across the walkway", "An extension cable for a fan lies across the main walkway"}};

    private static final URI PHOTO_BASE = URI.create("https://erp.example.com/evidence/");

    /**
     * The demo's options.
     *
     * @param out the output folder
     * @param storage {@code memory} or {@code h2}
     * @param weeks how many weeks to simulate
     * @param seed the seed of the simulation
     */
    public record Options(Path out, String storage, int weeks, long seed) {
        /**
         * Reads the options from arguments, with system properties as defaults.
         *
         * @param args {@code --out=DIR}, {@code --storage=memory|h2}, {@code --weeks=N}, {@code --seed=N}
         * @return the options
         */
        public static Options parse(String... args) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("out", System.getProperty("demo.out", "target/demo-output"));
            o.put("storage", System.getProperty("demo.storage", "memory"));
            o.put("weeks", System.getProperty("demo.weeks", "4"));
            o.put("seed", System.getProperty("demo.seed", Long.toString(DEFAULT_SEED)));
            for (String a : args) {
                int eq = a.indexOf('=');
                String key = a.startsWith("--") && eq > 2 ? a.substring(2, eq) : "";
                if (!o.containsKey(key)) {
                    throw new IllegalArgumentException("argument [" + a + "] is not allowed; allowed: --out=DIR, "
                            + "--storage=memory|h2, --weeks=N, --seed=N");
                }
                o.put(key, a.substring(eq + 1));
            }
            String storage = o.get("storage").strip().toLowerCase(Locale.ROOT);
            if (!storage.equals("memory") && !storage.equals("h2")) {
                throw new IllegalArgumentException("storage [" + storage + "] is not allowed; allowed: memory, h2");
            }
            int weeks = Integer.parseInt(o.get("weeks").strip());
            if (weeks < 1 || weeks > 52) {
                throw new IllegalArgumentException("weeks [" + weeks + "] is not allowed; allowed: 1 to 52");
            }
            return new Options(Path.of(o.get("out").strip()), storage, weeks, Long.parseLong(o.get("seed").strip()));
        }
    }

    /**
     * What a run produced, for tests and callers.
     *
     * @param outputFolder where the files are
     * @param firstWeek the first week simulated by this run (0 for the first four-week run)
     * @param statistics the company's statistics over every simulated week so far
     * @param warnings the early warnings at the end
     * @param dangers every hidden danger at the end
     */
    public record Result(Path outputFolder, int firstWeek, UnitStatistics statistics, List<Warning> warnings,
            List<HiddenDanger> dangers) {
    }

    private final Options options;
    private final PrintStream out;
    private final SimClock clock;
    private final RandomGenerator random;
    private final PriorityQueue<Step> agenda = new PriorityQueue<>(
            Comparator.comparing(Step::at).thenComparingLong(Step::seq));
    private final Set<HiddenDangerId> seen = new HashSet<>();
    private final Map<String, Integer> scriptCounts = new TreeMap<>();
    private final Map<String, HiddenDangerId> highlights = new LinkedHashMap<>();
    private final List<String> scripts = new ArrayList<>(List.of("major", "on-the-spot", "overdue", "rejected",
            "extension"));
    private DualPrevention dp;
    private Organization org;
    private long seq;

    private PlantDemo(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.clock = new SimClock(FIRST_DAY.minusDays(1).atTime(8, 0).atZone(ZONE).toInstant(), ZONE);
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(options.seed());
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
                return new PlantDemo(options, out).run(h2);
            } catch (JdbcStorageException e) {
                throw new IllegalStateException("storage=h2: the H2 file store in " + options.out().resolve("plant-h2")
                        .toAbsolutePath() + " failed (" + e.getMessage() + "); run without -Ddemo.storage=h2 to use the "
                        + "in-memory store", e);
            }
        }
        return new PlantDemo(options, out).run(InMemoryStorage.create());
    }

    private Result run(Storage storage) {
        long started = System.nanoTime();
        dp = DualPrevention.builder().storage(storage).clock(clock).zone(ZONE).build();
        SampleRegister register = SampleRegister.plant(dp.providers());
        out.println("dualprevention plant demo: " + register.organization().units().get(0).name());
        out.println("  storage: " + storage.getClass().getSimpleName() + ", seed " + options.seed() + ", output "
                + options.out().toAbsolutePath());
        listMethods(register);

        int firstWeek;
        if (storage.organization().load().isEmpty()) {
            firstWeek = 0;
            setUp(register);
        } else {
            firstWeek = firstUnsimulatedWeek();
            org = dp.register().organization();
            out.println("  continuing from the stored state: " + storage.riskPoints().count(RiskPointQuery.all())
                    + " risk points, " + storage.hiddenDangers().count(HiddenDangerQuery.all())
                    + " hidden dangers; simulating weeks " + (firstWeek + 1) + " to " + (firstWeek + options.weeks()));
            Page.stream(p -> dp.hiddenDangers().find(HiddenDangerQuery.all(), p), 200).forEach(d -> seen.add(d.id()));
        }
        for (int w = firstWeek; w < firstWeek + options.weeks(); w++) {
            simulateWeek(w);
        }
        LocalDate end = FIRST_DAY.plusWeeks(firstWeek + options.weeks());
        clock.set(end.atStartOfDay(ZONE).toInstant());
        Result result = summarise(register.zones(), firstWeek, end);
        out.printf(Locale.ROOT, "done in %.1f s; open %s in a browser%n", (System.nanoTime() - started) / 1e9,
                options.out().resolve("report.html").toAbsolutePath());
        return result;
    }

    // ------------------------------------------------------------------ set-up

    private void listMethods(SampleRegister register) {
        Set<MethodId> inRegister = register.assessments().stream().map(Assessment::method)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        out.println("  assessment methods found: " + dp.providers().methodIds().stream().map(MethodId::value)
                .collect(Collectors.joining(", ")) + "; the register uses " + inRegister.stream()
                .map(MethodId::value).collect(Collectors.joining(", ")));
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
            out.println("  plug-in " + id.value() + " (" + m.displayName(Locale.ENGLISH) + ", scheme "
                    + s.id().value() + "): " + worst.values() + " grades " + s.grade(score).level().code());
        }
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
        out.println("  register: " + org.units().size() + " units, " + register.zones().size() + " zones, "
                + register.riskPoints().size() + " risk points, " + register.hazards().size() + " hazards, "
                + measures + " control measures; assessed: " + levels(byLevel));
        GradedControl control = GradedControl.of(org, riskPoints());
        Map<ControlLevel, Integer> top = new TreeMap<>();
        for (HazardControl c : control.all()) {
            top.merge(c.top().unit().level(), 1, Integer::sum);
        }
        out.println("  graded control (highest controlling level per hazard): " + top);
        int plans = dp.inspections().createRoutinePlans(FIRST_DAY).size();
        out.println("  routine inspection plans: " + plans);
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

    private static String levels(Map<RiskLevel, Integer> byLevel) {
        StringBuilder b = new StringBuilder();
        for (RiskLevel l : RiskLevel.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(byLevel.getOrDefault(l, 0)).append(' ').append(l.colour());
        }
        return b.toString();
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

    private void simulateWeek(int week) {
        Instant from = weekStart(week);
        Instant before = weekStart(week + 1);
        clock.set(from);
        dp.inspections().scheduleTasks(from, before);
        List<InspectionTask> tasks = Page.stream(p -> dp.inspections().tasksDue(from, before, p), 500)
                .collect(Collectors.toList());
        int[] counts = new int[3]; // recorded, items checked, items failed
        int before0 = seen.size();
        for (InspectionTask t : tasks) {
            if (random.nextDouble() < TASK_MISSED) {
                continue;
            }
            long window = Math.max(1, java.time.Duration.between(t.windowStart(), t.due()).toMinutes());
            Instant when = t.windowStart().plusSeconds(60 * (window / 4 + random.nextLong(Math.max(1, window / 2))));
            List<ItemResult> results = new ArrayList<>();
            for (InspectionItem i : t.items()) {
                results.add(random.nextDouble() < ITEM_FAILURE
                        ? ItemResult.failed(i.id(), "not as the standard says: " + i.standard(),
                                List.of(PHOTO_BASE.resolve(t.id().value().replaceAll("[^A-Za-z0-9.-]", "_") + ".jpg")))
                        : ItemResult.passed(i.id()));
            }
            Actor inspector = staff(t.unit());
            at(when, "record " + t.id(), () -> {
                InspectionTask done = dp.inspections().recordTask(t.id(), inspector, results);
                counts[0]++;
                counts[1] += done.items().size();
                counts[2] += (int) done.record().orElseThrow().failedCount();
                handleNewDangers();
            });
        }
        // one random observation (随手拍) a week, by someone on a team
        List<OrgUnit> teams = org.units().stream().filter(u -> ControlLevel.TEAM.equals(u.level())).collect(Collectors.toList());
        OrgUnit team = teams.get(random.nextInt(teams.size()));
        LocalDate obsDay = FIRST_DAY.plusWeeks(week).plusDays(1 + random.nextInt(4));
        at(at(obsDay, 14, 20), "random observation", () -> {
            HiddenDangerId id = HiddenDangerId.of("RO-" + obsDay);
            String[] obs = OBSERVATIONS[week % OBSERVATIONS.length];
            dp.hiddenDangers().report(HiddenDangerCommand.Report.of(staff(team.id()), id, obs[0], obs[1],
                    HiddenDangerSource.RANDOM_OBSERVATION, team.id(), obsDay)
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
                out.println("  ! step [" + s.what() + "] at " + s.at() + " failed (seed " + options.seed() + "): " + e);
            }
        }
        clock.set(before);
        int missed = dp.inspections().sweepMissed(from).size();
        long open = dp.storage().hiddenDangers().count(HiddenDangerQuery.all().open());
        long overdue = dp.storage().hiddenDangers().count(HiddenDangerQuery.all().overdueAsOf(
                LocalDate.ofInstant(before, ZONE).minusDays(1)));
        long closed = dp.storage().hiddenDangers().count(HiddenDangerQuery.all().inStates(Set.of(HiddenDangerState.CLOSED)));
        out.printf(Locale.ROOT, "week %d (%s to %s): %d tasks, %d recorded, %d missed, %d items checked, %d failed;"
                + " %d new hidden dangers; open %d (overdue %d), closed %d%s%n", week + 1, FIRST_DAY.plusWeeks(week),
                FIRST_DAY.plusWeeks(week + 1).minusDays(1), tasks.size(), counts[0], missed, counts[1], counts[2],
                seen.size() - before0, open, overdue, closed, errors == 0 ? "" : "; " + errors + " steps failed");
        if (errors > 0) {
            throw new IllegalStateException(errors + " simulation steps failed in week " + (week + 1));
        }
    }

    private void handleNewDangers() {
        List<HiddenDanger> fresh = Page.stream(p -> dp.hiddenDangers().find(HiddenDangerQuery.all()
                .inStates(Set.of(HiddenDangerState.REPORTED)), p), 200).filter(d -> seen.add(d.id()))
                .sorted(Comparator.comparing(d -> d.id().value())).collect(Collectors.toList());
        for (HiddenDanger d : fresh) {
            String script = nextScript(d);
            scriptCounts.merge(script, 1, Integer::sum);
            highlights.putIfAbsent(script, d.id());
            follow(d, script);
        }
    }

    /** The scripted cases come first; the major one goes to the first finding at a red or orange hazard. */
    private String nextScript(HiddenDanger d) {
        if (scripts.contains("major") && hazardLevel(d).filter(l -> l.severity() >= RiskLevel.SIGNIFICANT.severity())
                .isPresent()) {
            scripts.remove("major");
            return "major";
        }
        for (String s : scripts) {
            if (!s.equals("major")) {
                scripts.remove(s);
                return s;
            }
        }
        return pickRandomScript();
    }

    private Optional<RiskLevel> hazardLevel(HiddenDanger d) {
        if (d.riskPoint().isEmpty() || d.hazard().isEmpty()) {
            return Optional.empty();
        }
        return dp.register().riskPoint(d.riskPoint().get()).flatMap(p -> p.hazard(d.hazard().get()))
                .flatMap(h -> h.currentAssessments().stream().map(Assessment::level).reduce(RiskLevel::mostSevere));
    }

    private String pickRandomScript() {
        double r = random.nextDouble();
        return r < 0.45 ? "on-the-spot" : r < 0.92 ? "standard" : "withdrawn";
    }

    /** Schedules what people do with a hidden danger after it is reported. */
    private void follow(HiddenDanger d, String script) {
        HiddenDangers loop = dp.hiddenDangers();
        HiddenDangerId id = d.id();
        OrgUnitId unit = d.unit();
        Actor doer = staff(unit);
        Actor checker = head(workshopOf(unit));
        Actor company = head(org.units().get(0).id());
        LocalDate found = LocalDate.ofInstant(clock.instant(), ZONE);
        LocalDate next = found.plusDays(1);
        List<URI> photo = List.of(PHOTO_BASE.resolve(id.value().replaceAll("[^A-Za-z0-9.-]", "_") + "-done.jpg"));
        switch (script) {
            case "on-the-spot":
                at(clock.instant().plusSeconds(1800), "rectify on the spot " + id, () -> loop.apply(id,
                        new HiddenDangerCommand.RectifyOnSpot(doer, "Put right at once by the finder's team", photo,
                                LocalDate.ofInstant(clock.instant(), ZONE))));
                at(at(next, 9, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(checker,
                        "Checked on site: as the standard says")));
                break;
            case "withdrawn":
                at(at(next, 9, 0), "verify " + id, () -> loop.apply(id, HiddenDangerCommand.Verify.general(checker,
                        "Looked at it")));
                at(at(next, 9, 30), "withdraw " + id, () -> loop.apply(id, new HiddenDangerCommand.Withdraw(checker,
                        "Duplicate of a finding already being rectified")));
                break;
            case "major": {
                LocalDate deadline = found.plusDays(20);
                at(at(next, 9, 0), "verify major " + id, () -> loop.apply(id, HiddenDangerCommand.Verify.major(company,
                        "Graded major by the safety director; reported to the county emergency management bureau",
                        new AuthorityReport("Protection of a high-risk installation found ineffective during inspection",
                                "Could lead to fire, explosion or a toxic release affecting the whole site",
                                "Installation restricted; governance scheme under way, done within 20 days"))));
                at(at(next, 11, 0), "plan major " + id, () -> loop.apply(id, new HiddenDangerCommand.Plan(company,
                        RectificationPlan.of(checker.id(), "Replace the failed device and re-test the protection layer",
                                Funds.cny("48000"), deadline, "Operate at reduced rate with a fire watch")
                                .withScheme(new GovernanceScheme("Restore the protection layer to its design state",
                                        "Replace the device; proof-test; review the inspection route",
                                        "CNY 48000 from the safety investment budget; spare device ordered",
                                        "Workshop head responsible; maintenance team executes; safety dept supervises",
                                        "Done within 20 days; proof test witnessed by the safety department",
                                        "Reduced rate, fire watch, and the site emergency plan on standby")))));
                at(at(found.plusDays(2), 8, 30), "start " + id, () -> loop.apply(id, HiddenDangerCommand.Start.by(doer)));
                at(at(found.plusDays(12), 16, 0), "submit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(doer,
                        "Device replaced and proof-tested", photo, LocalDate.ofInstant(clock.instant(), ZONE))));
                at(at(found.plusDays(13), 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(company,
                        "Accepted by the safety director after the witnessed proof test")));
                break;
            }
            case "overdue":
                plan(id, checker, doer, found, 5, "Repair the defect");
                break; // never submitted: runs past its deadline
            case "rejected": {
                LocalDate deadline = plan(id, checker, doer, found, 10, "Repair the defect");
                at(at(deadline.minusDays(4), 16, 0), "submit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(
                        doer, "Repaired", photo, LocalDate.ofInstant(clock.instant(), ZONE))));
                at(at(deadline.minusDays(3), 10, 0), "reject " + id, () -> loop.apply(id, new HiddenDangerCommand.Reject(
                        checker, "Repair incomplete: the second fixing is still missing")));
                at(at(deadline.minusDays(1), 15, 0), "resubmit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(
                        doer, "Second fixing added", photo, LocalDate.ofInstant(clock.instant(), ZONE))));
                at(at(deadline, 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(checker,
                        "Complete now")));
                break;
            }
            case "extension": {
                LocalDate deadline = plan(id, checker, doer, found, 6, "Replace the part");
                LocalDate extended = deadline.plusDays(10);
                at(at(deadline.minusDays(1), 15, 0), "extend " + id, () -> loop.apply(id,
                        new HiddenDangerCommand.ExtendDeadline(doer, extended, "Spare part delivery delayed by the supplier",
                                checker)));
                at(at(extended.minusDays(2), 16, 0), "submit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(
                        doer, "Part replaced", photo, LocalDate.ofInstant(clock.instant(), ZONE))));
                at(at(extended.minusDays(1), 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(
                        checker, "Accepted")));
                break;
            }
            default: {
                int days = 5 + random.nextInt(8);
                LocalDate deadline = plan(id, checker, doer, found, days, "Repair the defect");
                LocalDate done = deadline.minusDays(random.nextInt(3));
                at(at(done, 16, 0), "submit " + id, () -> loop.apply(id, new HiddenDangerCommand.Submit(doer, "Repaired",
                        photo, LocalDate.ofInstant(clock.instant(), ZONE))));
                at(at(done.plusDays(1), 10, 0), "accept " + id, () -> loop.apply(id, new HiddenDangerCommand.Accept(
                        checker, "Accepted")));
            }
        }
    }

    /** Verify, plan and start; returns the deadline. */
    private LocalDate plan(HiddenDangerId id, Actor checker, Actor doer, LocalDate found, int days, String what) {
        LocalDate next = found.plusDays(1);
        LocalDate deadline = found.plusDays(days);
        HiddenDangers loop = dp.hiddenDangers();
        at(at(next, 9, 0), "verify " + id, () -> loop.apply(id, HiddenDangerCommand.Verify.general(checker,
                "Confirmed on site")));
        at(at(next, 10, 0), "plan " + id, () -> loop.apply(id, new HiddenDangerCommand.Plan(checker,
                RectificationPlan.of(doer.id(), what, Funds.cny(Integer.toString(500 + 100 * days)), deadline,
                        "Barrier and sign until repaired"))));
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
        StorageAnalytics analytics = StorageAnalytics.of(dp.storage(), dp.clock(), dp.zone());
        OrgUnitId root = org.units().get(0).id();
        UnitStatistics stats = analytics.statistics(root, ReportingPeriod.of(FIRST_DAY, end));
        RiskMap map = analytics.riskMap(zones, DefaultEffectiveLevelPolicy.create());
        List<Warning> warnings = analytics.warnings(map, WarningSettings.defaults());
        List<RiskPoint> points = riskPoints();
        List<HiddenDanger> dangers = Page.stream(p -> dp.hiddenDangers().find(HiddenDangerQuery.all(), p), 200)
                .collect(Collectors.toList());

        out.println();
        out.println("Risk levels per zone (hazards by assessed level; zone level assessed -> effective today)");
        String fmt = "  %-26s %6s %4s %6s %6s %4s   %-11s %-11s %5s%n";
        out.printf(Locale.ROOT, fmt, "zone", "points", "red", "orange", "yellow", "blue", "assessed", "effective", "open");
        for (ZoneStatus z : map.zones()) {
            Map<RiskLevel, Integer> h = hazardLevels(points, z);
            out.printf(Locale.ROOT, fmt, z.zone().name(), z.summary().riskPoints(), h.get(RiskLevel.MAJOR),
                    h.get(RiskLevel.SIGNIFICANT), h.get(RiskLevel.GENERAL), h.get(RiskLevel.LOW),
                    z.summary().assessed().map(RiskLevel::colour).orElse("-"),
                    z.summary().effective().map(RiskLevel::colour).orElse("-"), z.summary().openDangers());
        }
        out.println();
        out.println("Statistics, company, " + FIRST_DAY + " to " + end.minusDays(1) + " (as of " + stats.asOf() + ")");
        for (Map.Entry<String, String> e : statisticsRows(stats).entrySet()) {
            out.printf(Locale.ROOT, "  %-34s %s%n", e.getKey(), e.getValue());
        }
        out.println("  closed-loop cases simulated: " + scriptCounts);
        for (Map.Entry<String, HiddenDangerId> e : highlights.entrySet()) {
            HiddenDanger d = dp.hiddenDangers().find(e.getValue()).orElseThrow();
            out.printf(Locale.ROOT, "    %-12s %s: %s%s%s%n", e.getKey(), d.id(), d.state().code(),
                    d.authorityReport().isPresent() ? ", major, reported to the authority" : "",
                    d.rejections() > 0 ? ", rejected " + d.rejections() + "x at acceptance"
                            : d.extensionCount() > 0 ? ", deadline extended to " + d.deadline().orElseThrow()
                            : d.isOverdue(LocalDate.ofInstant(clock.instant(), ZONE).minusDays(1))
                                    ? ", overdue since " + d.deadline().orElseThrow() : "");
        }
        out.println();
        out.println("Early warnings (" + warnings.size() + ")");
        for (Warning w : warnings) {
            out.println("  [" + w.rule().code() + "] " + w.message());
        }
        out.println();
        writeFiles(map, stats, warnings, points, dangers);
        return new Result(options.out(), firstWeek, stats, warnings, dangers);
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

    /**
     * The statistics shown in the console and the report, by label.
     *
     * @param s the statistics
     * @return label to value, in display order
     */
    static Map<String, String> statisticsRows(UnitStatistics s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hidden dangers found", Long.toString(s.found()));
        m.put("withdrawn", Long.toString(s.withdrawn()));
        m.put("major found", Long.toString(s.majorFound()));
        m.put("rectification rate", rate(s.rectification()));
        m.put("closed-loop rate", rate(s.closedLoop()));
        m.put("first-pass acceptance", rate(s.firstPassAcceptance()));
        m.put("on-time rectification", rate(s.onTimeRectification()));
        m.put("overdue and open", Long.toString(s.overdueOpen()));
        m.put("mean days to close", s.meanDaysToClose().map(BigDecimal::toPlainString).orElse("n/a"));
        m.put("inspection completion", rate(s.inspectionCompletion()));
        m.put("on-time inspection", rate(s.onTimeInspection()));
        m.put("item conformity", rate(s.itemConformity()));
        m.put("by accident type", s.byAccidentType().entrySet().stream()
                .sorted(Map.Entry.<org.dualprevention.risk.AccidentType, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue()).collect(Collectors.joining(", ")));
        m.put("by hazard category (GB/T 13861)", s.byHazardCategory().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().code()))
                .map(e -> e.getKey().code() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        return m;
    }

    private static String rate(Rate r) {
        return r.percent(1).map(p -> p.toPlainString() + " % (" + r.numerator() + "/" + r.denominator() + ")")
                .orElse("n/a (0/0)");
    }

    private void writeFiles(RiskMap map, UnitStatistics stats, List<Warning> warnings, List<RiskPoint> points,
            List<HiddenDanger> dangers) {
        Path dir = options.out();
        String svg = SvgRiskMapRenderer.of(Locale.ENGLISH).withTitle("Huaxin Fine Chemicals: four-colour risk map, "
                + map.date()).render(map);
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
        String html = HtmlReport.render(org, map, stats, statisticsRows(stats), warnings, dangers, svg,
                LocalDate.ofInstant(clock.instant(), ZONE));
        write(dir.resolve("report.html"), o -> o.write(html.getBytes(StandardCharsets.UTF_8)));
        out.println("wrote risk-map.svg, report.html, register.json and ledger.json to " + dir.toAbsolutePath());
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
