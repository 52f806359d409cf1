package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.dualprevention.Violation;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.inspection.Cadence;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionRecord;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemOutcome;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.MeasureLink;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.inspection.Schedule;
import org.dualprevention.inspection.Shift;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inspection plans, tasks (with items and recorded results) and good practices read back equal, in the
 * same canonical text, over many seeded values; and bad documents are refused with JSON Pointers.
 */
class InspectionRoundTripTest {
    private static final int SEEDS = 400;
    private final JsonMapper mapper = DualPreventionJson.mapper();

    /** Seeded inspection values built through the public model API only. */
    static final class InspectionValues {
        final Gen g;

        InspectionValues(long seed) {
            g = new Gen(seed);
        }

        <T> Optional<T> maybe(T value) {
            return g.rnd.nextBoolean() ? Optional.of(value) : Optional.empty();
        }

        LocalDate date() {
            return LocalDate.of(2000, 1, 1).plusDays(g.between(0, 20_000));
        }

        List<URI> evidence() {
            List<URI> out = new ArrayList<>();
            int n = g.between(0, 3);
            for (int i = 0; i < n; i++) {
                out.add(g.pick(List.of(URI.create("https://example.org/p/" + i + ".jpg"),
                        URI.create("file:///evidence/%E7%85%A7%E7%89%87-" + i + ".png"),
                        URI.create("urn:uuid:" + new java.util.UUID(g.rnd.nextLong(), g.rnd.nextLong())),
                        URI.create("s3://bucket/a%20b/" + i + "?v=" + g.between(1, 9) + "#frag"))));
            }
            return out;
        }

        InspectionItem item() {
            Optional<MeasureLink> link = maybe(new MeasureLink(RiskPointId.of(g.idValue("RP")), HazardId.of(g.idValue("H")),
                    ControlMeasureId.of(g.idValue("CM")), g.level(g.between(0, 5)), OrgUnitId.of(g.idValue("U"))));
            return new InspectionItem(InspectionItemId.of(g.idValue("I")), g.text(), g.text(), g.pick(ChecklistClass.values()),
                    link);
        }

        List<InspectionItem> items(int min) {
            List<InspectionItem> out = new ArrayList<>();
            int n = g.between(min, 5);
            for (int i = 0; i < n; i++) {
                out.add(item());
            }
            return out;
        }

        Schedule schedule() {
            switch (g.between(0, 2)) {
                case 0: {
                    List<Shift> shifts = new ArrayList<>();
                    int n = g.between(1, 4);
                    for (int i = 0; i < n; i++) {
                        LocalTime start = LocalTime.ofSecondOfDay(g.between(0, 86_399));
                        if (g.rnd.nextBoolean()) {
                            start = start.withNano(g.between(0, 999_999_999));
                        }
                        Duration length = g.rnd.nextBoolean() ? Duration.ofHours(g.between(1, 24))
                                : Duration.ofNanos(g.rnd.nextLong(1, Duration.ofHours(24).toNanos() + 1));
                        shifts.add(Shift.of("s" + i + "-" + g.between(0, 99), start, length));
                    }
                    return Schedule.perShift(shifts);
                }
                case 1: {
                    LocalDate first = date();
                    return Schedule.once(first, first.plusDays(g.between(0, 30)));
                }
                default:
                    return Schedule.every(g.pick(List.of(Cadence.DAY, Cadence.WEEK, Cadence.MONTH, Cadence.QUARTER)));
            }
        }

        InspectionPlan plan() {
            boolean controlled = g.rnd.nextBoolean();
            LocalDate from = date();
            return InspectionPlan.routine(InspectionPlanId.of(g.idValue("P")), g.text(), OrgUnitId.of(g.idValue("U")),
                    schedule(), from)
                    .withDetails(g.text(), g.pick(PlanKind.values()), schedule())
                    .withItems(items(controlled ? 0 : 1), controlled)
                    .withAssignee(maybe(ActorId.of(g.idValue("A"))))
                    .withValidity(from, maybe(from.plusDays(g.between(0, 400))))
                    .withVersion(g.rnd.nextLong(0, Long.MAX_VALUE));
        }

        ItemResult result(InspectionItemId item) {
            ItemOutcome outcome = g.pick(ItemOutcome.values());
            String note = outcome == ItemOutcome.FAILED ? g.text() : g.rawText();
            ItemResult r = ItemResult.of(item, outcome, note, evidence());
            return outcome == ItemOutcome.FAILED && g.rnd.nextBoolean()
                    ? r.withHiddenDanger(HiddenDangerId.of(g.idValue("HD"))) : r;
        }

        InspectionTask task() {
            Instant start = g.instant();
            Instant due = start.plusNanos(g.rnd.nextLong(1, 90L * 86_400 * 1_000_000_000L));
            List<InspectionItem> items = items(0);
            InspectionTask t = InspectionTask.of(InspectionTaskId.of(g.idValue("T")), InspectionPlanId.of(g.idValue("P")),
                    g.pick(PlanKind.values()), OrgUnitId.of(g.idValue("U")), maybe(ActorId.of(g.idValue("A"))), start, due,
                    items);
            if (g.rnd.nextBoolean()) {
                List<ItemResult> results = new ArrayList<>();
                for (InspectionItem i : items) {
                    results.add(result(i.id()));
                }
                java.util.Collections.shuffle(results, new java.util.Random(g.rnd.nextLong()));
                t = t.withRecord(new InspectionRecord(ActorId.of(g.idValue("A")), g.instant(), results));
            }
            return t.withVersion(g.rnd.nextLong(0, Long.MAX_VALUE));
        }

        GoodPractice goodPractice() {
            return new GoodPractice(GoodPracticeId.of(g.idValue("GP")), ActorId.of(g.idValue("A")),
                    OrgUnitId.of(g.idValue("U")), maybe(RiskPointId.of(g.idValue("RP"))), g.instant(), g.text(), evidence());
        }
    }

    private <T> void roundTrip(long seed, T value, Class<T> type) {
        String json = mapper.writeValueAsString(value);
        T back;
        try {
            back = mapper.readValue(json, type);
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": " + type.getSimpleName() + " did not read back: " + json, e);
        }
        assertEquals(value, back, () -> "seed " + seed + ": " + type.getSimpleName() + " changed through " + json);
        assertEquals(json, mapper.writeValueAsString(back), () -> "seed " + seed + ": not canonical");
    }

    @TestFactory
    Stream<DynamicTest> inspectionValuesRoundTrip() {
        return LongStream.range(0, SEEDS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            InspectionValues v = new InspectionValues(seed);
            roundTrip(seed, v.plan(), InspectionPlan.class);
            roundTrip(seed, v.task(), InspectionTask.class);
            roundTrip(seed, v.goodPractice(), GoodPractice.class);
            roundTrip(seed, v.schedule(), Schedule.class);
            roundTrip(seed, v.item(), InspectionItem.class);
        }));
    }

    @Test
    void everyScheduleKindAndOptionalFieldIsCovered() {
        // guards the generator: the round trip above really sees each shape
        boolean shift = false;
        boolean once = false;
        boolean every = false;
        boolean recorded = false;
        boolean linked = false;
        for (long seed = 0; seed < SEEDS; seed++) {
            InspectionValues v = new InspectionValues(seed);
            Cadence c = v.plan().schedule().cadence();
            shift |= c == Cadence.SHIFT;
            once |= c == Cadence.ONCE;
            every |= c != Cadence.SHIFT && c != Cadence.ONCE;
            InspectionTask t = v.task();
            recorded |= t.record().isPresent() && t.record().get().results().stream().anyMatch(r -> r.hiddenDanger().isPresent());
            linked |= t.items().stream().anyMatch(i -> i.measure().isPresent());
        }
        assertTrue(shift && once && every && recorded && linked, "generator misses a shape");
    }

    @Test
    void shapeIsTheDocumentedOne() {
        InspectionTask t = InspectionTask.of(InspectionTaskId.of("T-1"), InspectionPlanId.of("P-1"), PlanKind.SPECIAL,
                OrgUnitId.of("U-1"), Optional.empty(), Instant.parse("2025-06-01T00:00:00Z"),
                Instant.parse("2025-06-02T00:00:00Z"),
                List.of(InspectionItem.checklist(InspectionItemId.of("I-1"), "valve", "closed", ChecklistClass.ON_SITE)))
                .withRecord(new InspectionRecord(ActorId.of("a"), Instant.parse("2025-06-01T08:30:00Z"),
                        List.of(ItemResult.failed(InspectionItemId.of("I-1"), "open", List.of(URI.create("https://x/1.jpg")))
                                .withHiddenDanger(HiddenDangerId.of("HD-1")))))
                .withVersion(3);
        assertEquals("{\"id\":\"T-1\",\"plan\":\"P-1\",\"planKind\":\"special\",\"unit\":\"U-1\","
                + "\"windowStart\":\"2025-06-01T00:00:00Z\",\"due\":\"2025-06-02T00:00:00Z\","
                + "\"items\":[{\"id\":\"I-1\",\"content\":\"valve\",\"standard\":\"closed\",\"itemClass\":\"on-site\"}],"
                + "\"record\":{\"inspector\":\"a\",\"recordedAt\":\"2025-06-01T08:30:00Z\",\"results\":[{\"item\":\"I-1\","
                + "\"outcome\":\"failed\",\"note\":\"open\",\"evidence\":[\"https://x/1.jpg\"],\"hiddenDanger\":\"HD-1\"}]},"
                + "\"version\":3}", mapper.writeValueAsString(t));
        Schedule s = Schedule.perShift(List.of(Shift.of("night", LocalTime.of(22, 0), Duration.ofHours(8))));
        assertEquals("{\"cadence\":\"shift\",\"shifts\":[{\"code\":\"night\",\"start\":\"22:00\",\"length\":\"PT8H\"}]}",
                mapper.writeValueAsString(s));
    }

    private List<String> pointers(String json, Class<?> type) {
        JsonImportException e = assertThrows(JsonImportException.class, () -> mapper.readValue(json, type), json);
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    @Test
    void badDocumentsAreRefusedWithEveryProblemAtItsPointer() {
        InspectionValues v = new InspectionValues(7);
        InspectionTask task = v.task();
        while (task.items().size() < 2) {
            task = v.task();
        }
        ObjectNode tree = (ObjectNode) mapper.valueToTree(task);
        tree.put("colour", "red");
        tree.put("due", "tomorrow");
        ((ObjectNode) tree.withArray("items").get(1)).put("itemClass", "ON_SITE");
        assertEquals(List.of("/colour", "/due", "/items/1/itemClass"), pointers(tree.toString(), InspectionTask.class));

        String failedWithoutNote = "{\"id\":\"T\",\"plan\":\"P\",\"planKind\":\"routine\",\"unit\":\"U\","
                + "\"windowStart\":\"2025-01-01T00:00:00Z\",\"due\":\"2025-01-02T00:00:00Z\",\"items\":["
                + "{\"id\":\"I\",\"content\":\"c\",\"standard\":\"s\",\"itemClass\":\"on-site\"},"
                + "{\"id\":\"J\",\"content\":\"c\",\"standard\":\"s\",\"itemClass\":\"on-site\"}],"
                + "\"record\":{\"inspector\":\"a\",\"recordedAt\":\"2025-01-01T01:00:00Z\",\"results\":["
                + "{\"item\":\"I\",\"outcome\":\"failed\",\"note\":\" \",\"evidence\":[\"not a uri\"]}]},\"version\":0}";
        assertEquals(List.of("/record/results/0/evidence/0", "/record/results/0/note"),
                pointers(failedWithoutNote, InspectionTask.class));
        String oneResult = failedWithoutNote.replace("\" \",\"evidence\":[\"not a uri\"]", "\"leak\",\"evidence\":[]");
        assertEquals(List.of("/record/results"), pointers(oneResult, InspectionTask.class));
        assertEquals(List.of("/due"), pointers(oneResult.replace("2025-01-02T00", "2024-01-02T00"), InspectionTask.class));

        assertEquals(List.of("/shifts"), pointers("{\"cadence\":\"day\",\"shifts\":[]}", Schedule.class));
        assertEquals(List.of("/shifts/0/length", "/shifts/1/code"), pointers("{\"cadence\":\"shift\",\"shifts\":["
                + "{\"code\":\"a\",\"start\":\"08:00\",\"length\":\"PT25H\"},{\"code\":\"B\",\"start\":\"20:00\",\"length\":\"PT8H\"}]}",
                Schedule.class));
        assertEquals(List.of("/lastDay"), pointers("{\"cadence\":\"once\",\"firstDay\":\"2025-02-02\",\"lastDay\":\"2025-02-01\"}",
                Schedule.class));

        String plan = "{\"id\":\"P\",\"name\":\"n\",\"kind\":\"routine\",\"unit\":\"U\",\"schedule\":{\"cadence\":\"week\"},"
                + "\"includesControlledItems\":false,\"items\":[],\"validFrom\":\"2025-01-01\",\"version\":0}";
        assertEquals(List.of("/items"), pointers(plan, InspectionPlan.class));
        assertEquals(List.of("/includesControlledItems", "/validFrom"),
                pointers(plan.replace("false", "\"no\"").replace("2025-01-01", "01/01/2025"), InspectionPlan.class));
        assertEquals(List.of("/evidence/0", "/riskPoint"), pointers("{\"id\":\"G\",\"reporter\":\"a\",\"unit\":\"U\","
                + "\"riskPoint\":7,\"observedAt\":\"2025-01-01T00:00:00Z\",\"description\":\"d\",\"evidence\":[\"relative/x\"]}",
                GoodPractice.class).stream().sorted().collect(Collectors.toList()));
    }
}
