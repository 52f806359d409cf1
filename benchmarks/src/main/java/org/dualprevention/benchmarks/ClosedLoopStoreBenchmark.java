package org.dualprevention.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One hidden danger through the whole closed loop — report, verify, plan, start, submit, accept: six
 * commands, six audit entries — per operation, single-threaded, into a fresh {@link InMemoryStorage} per
 * iteration.
 *
 * <ul>
 *   <li>{@link #facade}: through {@link DualPrevention} (organisation access policy, load, apply, save with
 *       the audit entry, events);</li>
 *   <li>{@link #repository}: the same transitions made with {@link HiddenDanger#apply} and saved straight
 *       into the in-memory repository (no facade);</li>
 *   <li>baseline {@link #applyIntoMap}: the same transitions put into a plain {@link ConcurrentHashMap}
 *       (state) with the audit entries appended to a list per id;</li>
 *   <li>baseline {@link #applyOnly}: the same transitions, stored nowhere;</li>
 *   <li>baseline {@link #handWritten}: the peer, written without the library: a mutable record of the
 *       same fields in a {@code HashMap}, each command checked by hand (the state it may come from, the actor
 *       allowed, acceptance by someone other than the rectifier, a deadline not before the finding, funds not
 *       negative), its data written as sorted {@code key=value} lines with the same escaping, the state's canonical
 *       text hashed with SHA-256, and an entry hashed with SHA-256 over its fields and the previous entry's hash,
 *       appended to a list per id (see {@link HandLoop}).</li>
 *   <li>baseline {@link #handWrittenDurable}: the same, plus what the facade keeps per command beyond the transition
 *       (a random command id, the command's SHA-256 fingerprint, a command record that refuses a used id, an outbox
 *       entry): the equivalent-work peer.</li>
 * </ul>
 * The hidden dangers link no risk point, so the facade does no effective-level work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class ClosedLoopStoreBenchmark {
    private static final OrgUnitId UNIT = OrgUnitId.of("W0-T0");
    private static final Actor WORKER = Actor.of(ActorId.of("worker"), UNIT);
    private static final Actor LEADER = Actor.of(ActorId.of("leader"), UNIT);
    private static final Actor SAFETY = Actor.of(ActorId.of("safety"), DangerFixtures.COMPANY);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), DangerFixtures.ZONE);
    private static final ClosedLoopSettings SETTINGS = ClosedLoopSettings.defaults();
    private static final RectificationPlan PLAN = RectificationPlan.of(LEADER.id(), "refit the guard",
            Funds.cny("500"), DAY.plusDays(10), "keep out");

    private InMemoryStorage storage;
    private DualPrevention engine;
    private ConcurrentHashMap<HiddenDangerId, HiddenDanger> map;
    private ConcurrentHashMap<HiddenDangerId, List<AuditEntry>> audit;
    private HandLoop hand;
    private HandLoop handDurable;
    private long next;

    /** A fresh store, engine and map for each iteration, so iterations do not grow the data. */
    @Setup(Level.Iteration)
    public void setUp() {
        storage = InMemoryStorage.create();
        engine = DualPrevention.builder().storage(storage).clock(CLOCK).zone(DangerFixtures.ZONE).discover(false)
                .build();
        engine.register().saveOrganization(DangerFixtures.organization(2, 2));
        map = new ConcurrentHashMap<>();
        audit = new ConcurrentHashMap<>();
        hand = new HandLoop();
        handDurable = new HandLoop(true);
    }

    private HiddenDangerCommand.Report report() {
        return HiddenDangerCommand.Report.of(WORKER, HiddenDangerId.of("HD-" + next++), "oil on the floor",
                "slipping hazard near pump", HiddenDangerSource.RANDOM_OBSERVATION, UNIT, DAY);
    }

    private static List<HiddenDangerCommand> commands() {
        return List.of(HiddenDangerCommand.Verify.general(LEADER, "confirmed"), new HiddenDangerCommand.Plan(LEADER, PLAN),
                HiddenDangerCommand.Start.by(LEADER),
                new HiddenDangerCommand.Submit(LEADER, "refitted", List.of(DangerFixtures.PHOTO), DAY),
                new HiddenDangerCommand.Accept(SAFETY, "ok"));
    }

    /**
     * The library: six commands through the facade into the in-memory store.
     *
     * @return the closed hidden danger
     */
    @Benchmark
    public HiddenDanger facade() {
        HiddenDanger h = engine.hiddenDangers().report(report());
        for (HiddenDangerCommand c : commands()) {
            h = engine.hiddenDangers().apply(h.id(), c);
        }
        return check(h);
    }

    /**
     * The library without the facade: six transitions saved into the in-memory repository.
     *
     * @return the closed hidden danger
     */
    @Benchmark
    public HiddenDanger repository() {
        Transition t = ClosedLoop.report(report(), CLOCK, DangerFixtures.ZONE);
        storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
        HiddenDanger h = t.next();
        for (HiddenDangerCommand c : commands()) {
            t = ClosedLoop.apply(h, c, CLOCK, DangerFixtures.ZONE, SETTINGS);
            storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
            h = t.next();
        }
        return check(h);
    }

    /**
     * Baseline: the same six transitions into a plain concurrent map and audit lists.
     *
     * @return the closed hidden danger
     */
    @Benchmark
    public HiddenDanger applyIntoMap() {
        Transition t = ClosedLoop.report(report(), CLOCK, DangerFixtures.ZONE);
        HiddenDanger h = t.next();
        List<AuditEntry> entries = new ArrayList<>(6);
        entries.add(t.audit());
        map.put(h.id(), h);
        audit.put(h.id(), entries);
        for (HiddenDangerCommand c : commands()) {
            t = ClosedLoop.apply(h, c, CLOCK, DangerFixtures.ZONE, SETTINGS);
            h = t.next();
            map.put(h.id(), h);
            entries.add(t.audit());
        }
        return check(h);
    }

    /**
     * Baseline: the same six transitions, stored nowhere.
     *
     * @return the closed hidden danger
     */
    @Benchmark
    public HiddenDanger applyOnly() {
        HiddenDanger h = ClosedLoop.report(report(), CLOCK, DangerFixtures.ZONE).next();
        for (HiddenDangerCommand c : commands()) {
            h = ClosedLoop.apply(h, c, CLOCK, DangerFixtures.ZONE, SETTINGS).next();
        }
        return check(h);
    }

    /**
     * Baseline: the same lifecycle written by hand (see {@link HandLoop}).
     *
     * @return the closed hidden danger's version
     */
    @Benchmark
    public long handWritten() {
        return lifecycle(hand);
    }

    /** One lifecycle (report … accept) through a hand-written loop; checks it closed at version 6. */
    private long lifecycle(HandLoop h) {
        String id = "HD-" + next++;
        Instant at = CLOCK.instant();
        h.report(id, "worker", at, "oil on the floor", "slipping hazard near pump", "random-observation",
                UNIT.value(), DAY);
        h.verify(id, "leader", at, "general", "confirmed");
        h.plan(id, "leader", at, "leader", "refit the guard", "500", "CNY", DAY.plusDays(10), "keep out");
        h.start(id, "leader", at);
        h.submit(id, "leader", at, "refitted", DangerFixtures.PHOTO.toString(), DAY);
        HandLoop.Danger d = h.accept(id, "safety", at, "ok");
        if (d.state != HandLoop.State.CLOSED || d.version != 6) {
            throw new IllegalStateException("not closed: " + d.state);
        }
        return d.version;
    }

    /**
     * Baseline: the same hand-written lifecycle that also keeps, per command, what the facade keeps beyond the
     * transition: a random command id ({@code UUID.randomUUID}), the command's SHA-256 fingerprint over the hidden
     * danger, the action, the actor and the command's data text, a command record (id, hidden danger, fingerprint,
     * version) in a map that refuses a used id, and an outbox entry (hidden danger, version, action) appended to a
     * list. The equivalent-work peer of {@link #facade} (the facade's access policy is not counted here).
     *
     * @return the closed hidden danger's version
     */
    @Benchmark
    public long handWrittenDurable() {
        long version = lifecycle(handDurable);
        if (handDurable.commands.size() != handDurable.outbox.size()) {
            throw new IllegalStateException("a command without its outbox entry");
        }
        return version;
    }

    private static HiddenDanger check(HiddenDanger h) {
        if (h.state() != HiddenDangerState.CLOSED || h.version() != 6) {
            throw new IllegalStateException("not closed: " + h);
        }
        return h;
    }

    /**
     * The closed loop written by hand, as a team would without the library: a mutable record per hidden danger in a
     * {@code HashMap}, the transitions checked by hand, and the audit chain the library keeps (format 2: each entry
     * records the SHA-256 of the state it produces and is itself hashed with SHA-256 over its fields and the
     * previous entry's hash), texts written as sorted {@code key=value} lines with backslash, line feed, carriage
     * return and control characters escaped.
     */
    static final class HandLoop {
        enum State { REPORTED, VERIFIED, PLANNED, RECTIFYING, AWAITING_ACCEPTANCE, CLOSED }

        /** One audit entry. */
        record Entry(String dangerId, long sequence, String actor, Instant at, String action, String before,
                String after, String stateHash, String data, String previousHash, String hash) {
        }

        /** The hidden danger's fields. */
        static final class Danger {
            String id;
            long version;
            State state;
            Instant lastActionAt;
            String title;
            String description;
            String source;
            String unit;
            String reporter;
            Instant reportedAt;
            LocalDate foundOn;
            String grade;
            String verifier;
            String responsible;
            String measures;
            String amount;
            String currency;
            LocalDate deadline;
            String contingency;
            String rectifier;
            String submission;
            String evidence;
            LocalDate completedOn;
            String acceptor;
            Instant closedAt;
            String head = "";
        }

        private final java.util.Map<String, Danger> dangers = new java.util.HashMap<>();
        private final java.util.Map<String, List<Entry>> chains = new java.util.HashMap<>();
        private final java.security.MessageDigest sha;

        /** Whether each command also leaves a command record and an outbox entry ({@link #handWrittenDurable}). */
        private final boolean durable;
        /** The command records by command id (durable only). */
        final java.util.Map<String, CommandRec> commands = new java.util.HashMap<>();
        /** The outbox (durable only). */
        final List<OutboxRec> outbox = new ArrayList<>();

        /** A command record: what a retried command is answered from. */
        record CommandRec(String commandId, String dangerId, String fingerprint, long version) {
        }

        /** An outbox entry: an event to deliver. */
        record OutboxRec(String dangerId, long version, String action) {
        }

        HandLoop() {
            this(false);
        }

        HandLoop(boolean durable) {
            this.durable = durable;
            try {
                sha = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void report(String id, String actor, Instant at, String title, String description, String source, String unit,
                LocalDate foundOn) {
            if (dangers.containsKey(id)) {
                throw new IllegalStateException("exists: " + id);
            }
            if (title.isBlank() || foundOn.isAfter(at.atZone(DangerFixtures.ZONE).toLocalDate())) {
                throw new IllegalArgumentException("bad report");
            }
            Danger d = new Danger();
            d.id = id;
            d.title = title;
            d.description = description;
            d.source = source;
            d.unit = unit;
            d.reporter = actor;
            d.reportedAt = at;
            d.foundOn = foundOn;
            dangers.put(id, d);
            chains.put(id, new ArrayList<>(6));
            record(d, actor, at, "report", null, State.REPORTED, new String[] {"description", description,
                "foundOn", foundOn.toString(), "source", source, "title", title, "unit", unit});
        }

        void verify(String id, String actor, Instant at, String grade, String note) {
            Danger d = require(id, State.REPORTED);
            d.grade = grade;
            d.verifier = actor;
            record(d, actor, at, "verify", State.REPORTED, State.VERIFIED, new String[] {"grade", grade, "note", note});
        }

        void plan(String id, String actor, Instant at, String responsible, String measures, String amount,
                String currency, LocalDate deadline, String contingency) {
            Danger d = require(id, State.VERIFIED);
            if (new java.math.BigDecimal(amount).signum() < 0 || deadline.isBefore(d.foundOn)) {
                throw new IllegalArgumentException("bad plan");
            }
            d.responsible = responsible;
            d.measures = measures;
            d.amount = amount;
            d.currency = currency;
            d.deadline = deadline;
            d.contingency = contingency;
            record(d, actor, at, "plan", State.VERIFIED, State.PLANNED, new String[] {"contingencyPlan", contingency,
                "deadline", deadline.toString(), "funds.amount", amount, "funds.currency", currency,
                "measures", measures, "responsible", responsible});
        }

        void start(String id, String actor, Instant at) {
            Danger d = require(id, State.PLANNED);
            d.rectifier = actor;
            record(d, actor, at, "start", State.PLANNED, State.RECTIFYING, new String[0]);
        }

        void submit(String id, String actor, Instant at, String description, String evidence, LocalDate completedOn) {
            Danger d = require(id, State.RECTIFYING);
            if (evidence.isEmpty()) {
                throw new IllegalArgumentException("no evidence");
            }
            d.submission = description;
            d.evidence = evidence;
            d.completedOn = completedOn;
            record(d, actor, at, "submit", State.RECTIFYING, State.AWAITING_ACCEPTANCE, new String[] {"completedOn",
                completedOn.toString(), "description", description, "evidence.0", evidence});
        }

        Danger accept(String id, String actor, Instant at, String note) {
            Danger d = require(id, State.AWAITING_ACCEPTANCE);
            if (actor.equals(d.rectifier) || actor.equals(d.responsible)) {
                throw new IllegalArgumentException("acceptance by the rectifier");
            }
            d.acceptor = actor;
            d.closedAt = at;
            record(d, actor, at, "accept", State.AWAITING_ACCEPTANCE, State.CLOSED, new String[] {"note", note});
            return d;
        }

        private Danger require(String id, State from) {
            Danger d = dangers.get(id);
            if (d == null || d.state != from) {
                throw new IllegalStateException("not in " + from + ": " + id);
            }
            return d;
        }

        /** Moves the state on and appends the entry: data text, state hash, entry hash over the previous one. */
        private void record(Danger d, String actor, Instant at, String action, State before, State after,
                String[] data) {
            d.state = after;
            d.version++;
            d.lastActionAt = at;
            StringBuilder text = new StringBuilder(256);
            for (int k = 0; k < data.length; k += 2) {
                text.append(data[k]).append('=');
                escape(data[k + 1], text);
                text.append('\n');
            }
            String dataText = text.toString();
            String stateHash = hex(sha.digest(stateText(d).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            text.setLength(0);
            text.append("format=2\ndangerId=").append(d.id).append("\nsequence=").append(d.version)
                    .append("\nactor=").append(actor).append("\nat=").append(at).append("\naction=").append(action)
                    .append("\nstateBefore=").append(before == null ? "" : before.name()).append("\nstateAfter=")
                    .append(after.name()).append("\nstateHash=").append(stateHash).append("\ndata=");
            escape(dataText, text);
            text.append("\npreviousHash=").append(d.head).append("\nkeyId=\n");
            String hash = hex(sha.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            if (durable) {
                String commandId = java.util.UUID.randomUUID().toString();
                text.setLength(0);
                text.append(d.id).append('\n').append(action).append('\n').append(actor).append('\n').append(dataText);
                String fingerprint = hex(sha.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                if (commands.putIfAbsent(commandId, new CommandRec(commandId, d.id, fingerprint, d.version)) != null) {
                    throw new IllegalStateException("command id used: " + commandId);
                }
                outbox.add(new OutboxRec(d.id, d.version, action));
            }
            chains.get(d.id).add(new Entry(d.id, d.version, actor, at, action, before == null ? "" : before.name(),
                    after.name(), stateHash, dataText, d.head, hash));
            d.head = hash;
        }

        /** The state's canonical text: every field present as a sorted {@code key=value} line. */
        private static String stateText(Danger d) {
            StringBuilder sb = new StringBuilder(512);
            line(sb, "acceptance.acceptor", d.acceptor);
            line(sb, "acceptance.closedAt", d.closedAt);
            line(sb, "finding.description", d.description);
            line(sb, "finding.foundOn", d.foundOn);
            line(sb, "finding.reportedAt", d.reportedAt);
            line(sb, "finding.reporter", d.reporter);
            line(sb, "finding.source", d.source);
            line(sb, "finding.title", d.title);
            line(sb, "finding.unit", d.unit);
            line(sb, "grading.grade", d.grade);
            line(sb, "grading.verifier", d.verifier);
            line(sb, "id", d.id);
            line(sb, "lastActionAt", d.lastActionAt);
            line(sb, "planning.plan.contingencyPlan", d.contingency);
            line(sb, "planning.plan.deadline", d.deadline);
            line(sb, "planning.plan.funds.amount", d.amount);
            line(sb, "planning.plan.funds.currency", d.currency);
            line(sb, "planning.plan.measures", d.measures);
            line(sb, "planning.plan.responsible", d.responsible);
            line(sb, "rectification.lastSubmission.completedOn", d.completedOn);
            line(sb, "rectification.lastSubmission.description", d.submission);
            line(sb, "rectification.lastSubmission.evidence.0", d.evidence);
            line(sb, "rectification.rectifiers.0", d.rectifier);
            line(sb, "state", d.state.name());
            line(sb, "stateHashFormat", "1");
            line(sb, "version", d.version);
            return sb.toString();
        }

        private static void line(StringBuilder sb, String key, Object value) {
            if (value != null) {
                sb.append(key).append('=');
                escape(value.toString(), sb);
                sb.append('\n');
            }
        }

        private static void escape(String s, StringBuilder out) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    out.append("\\\\");
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }

        private static final char[] HEX = "0123456789abcdef".toCharArray();

        private static String hex(byte[] b) {
            char[] c = new char[b.length * 2];
            for (int i = 0; i < b.length; i++) {
                c[2 * i] = HEX[(b[i] >> 4) & 15];
                c[2 * i + 1] = HEX[b[i] & 15];
            }
            return new String(c);
        }
    }
}
