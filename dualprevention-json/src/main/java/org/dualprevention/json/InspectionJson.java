package org.dualprevention.json;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * JSON shape of the inspection model, both directions: plans (with their schedule and items), tasks (with
 * their items and recorded results) and good practices. Ids are strings, enums their codes, instants
 * ISO-8601 in UTC, dates ISO-8601 dates, shift start times ISO-8601 local times and shift lengths ISO-8601
 * durations ({@code PT8H}). Optional fields are left out when empty. Objects are strict like the rest of
 * the module, and a value the model refuses (a failed item without a note, a due time before the window
 * start, …) is reported at its pointer with the model's reason.
 */
final class InspectionJson {
    static final String TIME = "an ISO-8601 local time such as 08:00 or 08:00:30";
    static final String DURATION = "an ISO-8601 duration more than 0 and at most PT24H, such as PT8H";
    static final String URI_ALLOWED = "an absolute URI such as https://example.org/photo.jpg";

    private InspectionJson() {
    }

    static void register(DualPreventionModule m) {
        m.value(MeasureLink.class, InspectionJson::measureLink, InspectionJson::measureLink);
        m.value(InspectionItem.class, InspectionJson::item, InspectionJson::item);
        m.value(Shift.class, InspectionJson::shift, InspectionJson::shift);
        m.value(Schedule.class, InspectionJson::schedule, InspectionJson::schedule);
        m.value(InspectionPlan.class, InspectionJson::plan, InspectionJson::plan);
        m.value(ItemResult.class, InspectionJson::result, InspectionJson::result);
        m.value(InspectionRecord.class, InspectionJson::record, InspectionJson::record);
        m.value(InspectionTask.class, InspectionJson::task, InspectionJson::task);
        m.value(GoodPractice.class, InspectionJson::goodPractice, InspectionJson::goodPractice);
    }

    // ---- writing ---------------------------------------------------------------------------------

    static void measureLink(JsonGenerator g, MeasureLink l) {
        g.writeStartObject();
        g.writeStringProperty("riskPoint", l.riskPoint().value());
        g.writeStringProperty("hazard", l.hazard().value());
        g.writeStringProperty("measure", l.measure().value());
        g.writeName("controlLevel");
        ModelWriter.controlLevel(g, l.controlLevel());
        g.writeStringProperty("owningUnit", l.owningUnit().value());
        g.writeEndObject();
    }

    static void item(JsonGenerator g, InspectionItem i) {
        g.writeStartObject();
        g.writeStringProperty("id", i.id().value());
        g.writeStringProperty("content", i.content());
        g.writeStringProperty("standard", i.standard());
        g.writeStringProperty("itemClass", i.itemClass().code());
        if (i.measure().isPresent()) {
            g.writeName("measure");
            measureLink(g, i.measure().get());
        }
        g.writeEndObject();
    }

    static void shift(JsonGenerator g, Shift s) {
        g.writeStartObject();
        g.writeStringProperty("code", s.code());
        g.writeStringProperty("start", s.start().toString());
        g.writeStringProperty("length", s.length().toString());
        g.writeEndObject();
    }

    static void schedule(JsonGenerator g, Schedule s) {
        g.writeStartObject();
        g.writeStringProperty("cadence", s.cadence().code());
        if (s.cadence() == Cadence.SHIFT) {
            g.writeArrayPropertyStart("shifts");
            for (Shift sh : s.shifts()) {
                shift(g, sh);
            }
            g.writeEndArray();
        }
        if (s.firstDay().isPresent()) {
            g.writeStringProperty("firstDay", s.firstDay().get().toString());
        }
        if (s.lastDay().isPresent()) {
            g.writeStringProperty("lastDay", s.lastDay().get().toString());
        }
        g.writeEndObject();
    }

    static void plan(JsonGenerator g, InspectionPlan p) {
        g.writeStartObject();
        g.writeStringProperty("id", p.id().value());
        g.writeStringProperty("name", p.name());
        g.writeStringProperty("kind", p.kind().code());
        g.writeStringProperty("unit", p.unit().value());
        if (p.assignee().isPresent()) {
            g.writeStringProperty("assignee", p.assignee().get().value());
        }
        g.writeName("schedule");
        schedule(g, p.schedule());
        g.writeBooleanProperty("includesControlledItems", p.includesControlledItems());
        items(g, p.items());
        g.writeStringProperty("validFrom", p.validFrom().toString());
        if (p.validUntil().isPresent()) {
            g.writeStringProperty("validUntil", p.validUntil().get().toString());
        }
        g.writeNumberProperty("version", p.version());
        g.writeEndObject();
    }

    private static void items(JsonGenerator g, List<InspectionItem> items) {
        g.writeArrayPropertyStart("items");
        for (InspectionItem i : items) {
            item(g, i);
        }
        g.writeEndArray();
    }

    private static void uris(JsonGenerator g, List<URI> uris) {
        g.writeArrayPropertyStart("evidence");
        for (URI u : uris) {
            g.writeString(u.toString());
        }
        g.writeEndArray();
    }

    static void result(JsonGenerator g, ItemResult r) {
        g.writeStartObject();
        g.writeStringProperty("item", r.item().value());
        g.writeStringProperty("outcome", r.outcome().code());
        g.writeStringProperty("note", r.note());
        uris(g, r.evidence());
        if (r.hiddenDanger().isPresent()) {
            g.writeStringProperty("hiddenDanger", r.hiddenDanger().get().value());
        }
        g.writeEndObject();
    }

    static void record(JsonGenerator g, InspectionRecord r) {
        g.writeStartObject();
        g.writeStringProperty("inspector", r.inspector().value());
        g.writeStringProperty("recordedAt", ModelWriter.instant(r.recordedAt()));
        g.writeArrayPropertyStart("results");
        for (ItemResult x : r.results()) {
            result(g, x);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void task(JsonGenerator g, InspectionTask t) {
        g.writeStartObject();
        g.writeStringProperty("id", t.id().value());
        g.writeStringProperty("plan", t.plan().value());
        g.writeStringProperty("planKind", t.planKind().code());
        g.writeStringProperty("unit", t.unit().value());
        if (t.assignee().isPresent()) {
            g.writeStringProperty("assignee", t.assignee().get().value());
        }
        g.writeStringProperty("windowStart", ModelWriter.instant(t.windowStart()));
        g.writeStringProperty("due", ModelWriter.instant(t.due()));
        items(g, t.items());
        if (t.record().isPresent()) {
            g.writeName("record");
            record(g, t.record().get());
        }
        g.writeNumberProperty("version", t.version());
        g.writeEndObject();
    }

    static void goodPractice(JsonGenerator g, GoodPractice p) {
        g.writeStartObject();
        g.writeStringProperty("id", p.id().value());
        g.writeStringProperty("reporter", p.reporter().value());
        g.writeStringProperty("unit", p.unit().value());
        if (p.riskPoint().isPresent()) {
            g.writeStringProperty("riskPoint", p.riskPoint().get().value());
        }
        g.writeStringProperty("observedAt", ModelWriter.instant(p.observedAt()));
        g.writeStringProperty("description", p.description());
        uris(g, p.evidence());
        g.writeEndObject();
    }

    // ---- reading ---------------------------------------------------------------------------------

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable MeasureLink measureLink(ModelReader r, JsonNode n, String ptr) {
        long before = r.problems.structural();
        if (!r.object(n, ptr, "a control-measure link object", "riskPoint", "hazard", "measure", "controlLevel",
                "owningUnit")) {
            return null;
        }
        RiskPointId point = r.id(n, "riskPoint", ptr, RiskPointId::of);
        HazardId hazard = r.id(n, "hazard", ptr, HazardId::of);
        ControlMeasureId measure = r.id(n, "measure", ptr, ControlMeasureId::of);
        ControlLevel level = r.controlLevel(n.path("controlLevel"), Problems.child(ptr, "controlLevel"));
        OrgUnitId unit = r.id(n, "owningUnit", ptr, OrgUnitId::of);
        if (r.problems.structural() > before) {
            return null;
        }
        return new MeasureLink(point, hazard, measure, level, unit);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable InspectionItem item(ModelReader r, JsonNode n, String ptr) {
        long before = r.problems.structural();
        if (!r.object(n, ptr, "an inspection item object", "id", "content", "standard", "itemClass", "measure")) {
            return null;
        }
        InspectionItemId id = r.id(n, "id", ptr, InspectionItemId::of);
        String content = r.text(n, "content", ptr, true);
        String standard = r.text(n, "standard", ptr, true);
        ChecklistClass cls = r.code(n, "itemClass", ptr, ChecklistClass::fromCode,
                ModelReader.codes(ChecklistClass.values(), ChecklistClass::code));
        MeasureLink link = n.has("measure") ? measureLink(r, n.get("measure"), Problems.child(ptr, "measure")) : null;
        if (r.problems.structural() > before) {
            return null;
        }
        return new InspectionItem(id, content, standard, cls, Optional.ofNullable(link));
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable Shift shift(ModelReader r, JsonNode n, String ptr) {
        long before = r.problems.structural();
        if (!r.object(n, ptr, "a shift object {\"code\", \"start\", \"length\"}", "code", "start", "length")) {
            return null;
        }
        String code = r.string(n, "code", ptr);
        if (code != null && !code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            r.problems.add(Problems.child(ptr, "code"), n.get("code"), "1-40 lower-case letters, digits and hyphens");
        }
        LocalTime start = null;
        JsonNode s = n.path("start");
        if (s.isString()) {
            try {
                start = LocalTime.parse(s.stringValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (start == null) {
            r.problems.add(Problems.child(ptr, "start"), s, TIME);
        }
        Duration length = null;
        JsonNode l = n.path("length");
        if (l.isString()) {
            try {
                length = Duration.parse(l.stringValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (length == null || length.isNegative() || length.isZero() || length.compareTo(Duration.ofHours(24)) > 0) {
            r.problems.add(Problems.child(ptr, "length"), l, DURATION);
        }
        if (r.problems.structural() > before) {
            return null;
        }
        return Shift.of(code, start, length);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable Schedule schedule(ModelReader r, JsonNode n, String ptr) {
        long before = r.problems.structural();
        if (!r.object(n, ptr, "a schedule object", "cadence", "shifts", "firstDay", "lastDay")) {
            return null;
        }
        Cadence cadence = r.code(n, "cadence", ptr, Cadence::fromCode, ModelReader.codes(Cadence.values(), Cadence::code));
        if (cadence == null) {
            return null;
        }
        List<String> allowedFields = new ArrayList<>(List.of("cadence"));
        Schedule out = null;
        if (cadence == Cadence.SHIFT) {
            allowedFields.add("shifts");
            List<Shift> shifts = new ArrayList<>();
            String sp = Problems.child(ptr, "shifts");
            JsonNode ss = n.path("shifts");
            if (r.array(ss, sp, "a non-empty array of shifts with distinct codes")) {
                if (ss.isEmpty()) {
                    r.problems.add(sp, ss, "a non-empty array of shifts with distinct codes");
                }
                Map<String, Integer> codes = new HashMap<>();
                for (int i = 0; i < ss.size(); i++) {
                    Shift s = shift(r, ss.get(i), Problems.child(sp, i));
                    if (s != null) {
                        Integer first = codes.putIfAbsent(s.code(), i);
                        if (first != null) {
                            r.problems.repeated(Problems.child(Problems.child(sp, i), "code"), s.code(),
                                    "a code not used by another shift of the schedule",
                                    Problems.child(Problems.child(sp, first), "code"));
                        }
                        shifts.add(s);
                    }
                }
            }
            if (r.problems.structural() == before) {
                out = Schedule.perShift(shifts);
            }
        } else if (cadence == Cadence.ONCE) {
            allowedFields.add("firstDay");
            allowedFields.add("lastDay");
            LocalDate first = r.date(n, "firstDay", ptr);
            LocalDate last = r.date(n, "lastDay", ptr);
            if (first != null && last != null && last.isBefore(first)) {
                r.problems.add(Problems.child(ptr, "lastDay"), n.get("lastDay"), "a day not before firstDay " + first);
            }
            if (r.problems.structural() == before) {
                out = Schedule.once(first, last);
            }
        } else {
            out = Schedule.every(cadence);
        }
        for (String name : n.propertyNames()) {
            if (!allowedFields.contains(name) && List.of("shifts", "firstDay", "lastDay").contains(name)) {
                r.problems.add(Problems.child(ptr, name), n.get(name), "no " + name + " with cadence " + cadence.code()
                        + " (only " + allowedFields + ")");
            }
        }
        return r.problems.structural() > before ? null : out;
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable InspectionPlan plan(ModelReader r, JsonNode n, String ptr) {
        long before = r.problems.structural();
        if (!r.object(n, ptr, "an inspection plan object", "id", "name", "kind", "unit", "assignee", "schedule",
                "includesControlledItems", "items", "validFrom", "validUntil", "version")) {
            return null;
        }
        InspectionPlanId id = r.id(n, "id", ptr, InspectionPlanId::of);
        String name = r.text(n, "name", ptr, true);
        PlanKind kind = r.code(n, "kind", ptr, PlanKind::fromCode, ModelReader.codes(PlanKind.values(), PlanKind::code));
        OrgUnitId unit = r.id(n, "unit", ptr, OrgUnitId::of);
        ActorId assignee = n.has("assignee") ? r.id(n, "assignee", ptr, ActorId::of) : null;
        Schedule schedule = schedule(r, n.path("schedule"), Problems.child(ptr, "schedule"));
        JsonNode inc = n.path("includesControlledItems");
        if (!inc.isBoolean()) {
            r.problems.add(Problems.child(ptr, "includesControlledItems"), inc, "true or false");
        }
        List<InspectionItem> items = items(r, n, ptr);
        LocalDate from = r.date(n, "validFrom", ptr);
        LocalDate until = n.has("validUntil") ? r.date(n, "validUntil", ptr) : null;
        Long version = r.longValue(n, "version", ptr, 0, Long.MAX_VALUE);
        if (r.problems.structural() > before) {
            return null;
        }
        if (until != null && until.isBefore(from)) {
            r.problems.add(Problems.child(ptr, "validUntil"), n.get("validUntil"), "a day not before validFrom " + from);
            return null;
        }
        if (!inc.booleanValue() && items.isEmpty()) {
            r.problems.add(Problems.child(ptr, "items"), n.get("items"),
                    "at least one item (or includesControlledItems true)");
            return null;
        }
        return InspectionPlan.routine(id, name, unit, schedule, from)
                .withDetails(name, kind, schedule)
                .withItems(items, inc.booleanValue())
                .withAssignee(Optional.ofNullable(assignee))
                .withValidity(from, Optional.ofNullable(until))
                .withVersion(version);
    }

    /** The items array of a plan or task, with distinct ids; null entries are left out after a problem. */
    private static List<InspectionItem> items(ModelReader r, JsonNode n, String ptr) {
        List<InspectionItem> items = new ArrayList<>();
        String ip = Problems.child(ptr, "items");
        JsonNode is = n.path("items");
        if (r.array(is, ip, "an array of inspection items")) {
            Map<InspectionItemId, Integer> seen = new HashMap<>();
            for (int i = 0; i < is.size(); i++) {
                InspectionItem item = item(r, is.get(i), Problems.child(ip, i));
                if (item != null) {
                    Integer first = seen.putIfAbsent(item.id(), i);
                    if (first != null) {
                        r.problems.repeated(Problems.child(Problems.child(ip, i), "id"), item.id(),
                                "an id not used by another item of the list", Problems.child(Problems.child(ip, first), "id"));
                    }
                    items.add(item);
                }
            }
        }
        return items;
    }

    private static List<URI> uris(ModelReader r, JsonNode n, String ptr) {
        List<URI> out = new ArrayList<>();
        String ep = Problems.child(ptr, "evidence");
        JsonNode es = n.path("evidence");
        if (r.array(es, ep, "an array of evidence URIs")) {
            for (int i = 0; i < es.size(); i++) {
                JsonNode e = es.get(i);
                URI u = null;
                if (e.isString()) {
                    try {
                        u = new URI(e.stringValue());
                    } catch (URISyntaxException x) {
                        // reported below
                    }
                }
                if (u == null || !u.isAbsolute()) {
                    r.problems.add(Problems.child(ep, i), e, URI_ALLOWED);
                } else {
                    out.add(u);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable ItemResult result(ModelReader r, JsonNode n, String ptr) {
        long before = r.problems.structural();
        if (!r.object(n, ptr, "an item result object", "item", "outcome", "note", "evidence", "hiddenDanger")) {
            return null;
        }
        InspectionItemId item = r.id(n, "item", ptr, InspectionItemId::of);
        ItemOutcome outcome = r.code(n, "outcome", ptr, ItemOutcome::fromCode,
                ModelReader.codes(ItemOutcome.values(), ItemOutcome::code));
        String note = r.string(n, "note", ptr);
        List<URI> evidence = uris(r, n, ptr);
        HiddenDangerId danger = n.has("hiddenDanger") ? r.id(n, "hiddenDanger", ptr, HiddenDangerId::of) : null;
        if (outcome == ItemOutcome.FAILED && note != null && note.isBlank()) {
            r.problems.add(Problems.child(ptr, "note"), note, "a non-blank note saying what was found (the item failed)");
        }
        if (outcome != null && outcome != ItemOutcome.FAILED && n.has("hiddenDanger")) {
            r.problems.add(Problems.child(ptr, "hiddenDanger"), n.get("hiddenDanger"),
                    "no hidden danger: only a failed item links to one");
        }
        if (r.problems.structural() > before) {
            return null;
        }
        ItemResult result = ItemResult.of(item, outcome, note, evidence);
        return danger == null ? result : result.withHiddenDanger(danger);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable InspectionRecord record(ModelReader r, JsonNode n, String ptr) {
        long before = r.problems.structural();
        if (!r.object(n, ptr, "an inspection record object", "inspector", "recordedAt", "results")) {
            return null;
        }
        ActorId inspector = r.id(n, "inspector", ptr, ActorId::of);
        Instant at = r.instant(n, "recordedAt", ptr);
        List<ItemResult> results = new ArrayList<>();
        String rp = Problems.child(ptr, "results");
        JsonNode rs = n.path("results");
        if (r.array(rs, rp, "an array of item results")) {
            Map<InspectionItemId, Integer> seen = new HashMap<>();
            for (int i = 0; i < rs.size(); i++) {
                ItemResult x = result(r, rs.get(i), Problems.child(rp, i));
                if (x != null) {
                    Integer first = seen.putIfAbsent(x.item(), i);
                    if (first != null) {
                        r.problems.repeated(Problems.child(Problems.child(rp, i), "item"), x.item(),
                                "an item with no other result in the record", Problems.child(Problems.child(rp, first), "item"));
                    }
                    results.add(x);
                }
            }
        }
        if (r.problems.structural() > before) {
            return null;
        }
        return new InspectionRecord(inspector, at, results);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable InspectionTask task(ModelReader r, JsonNode n, String ptr) {
        long before = r.problems.structural();
        if (!r.object(n, ptr, "an inspection task object", "id", "plan", "planKind", "unit", "assignee", "windowStart",
                "due", "items", "record", "version")) {
            return null;
        }
        InspectionTaskId id = r.id(n, "id", ptr, InspectionTaskId::of);
        InspectionPlanId plan = r.id(n, "plan", ptr, InspectionPlanId::of);
        PlanKind kind = r.code(n, "planKind", ptr, PlanKind::fromCode, ModelReader.codes(PlanKind.values(), PlanKind::code));
        OrgUnitId unit = r.id(n, "unit", ptr, OrgUnitId::of);
        ActorId assignee = n.has("assignee") ? r.id(n, "assignee", ptr, ActorId::of) : null;
        Instant start = r.instant(n, "windowStart", ptr);
        Instant due = r.instant(n, "due", ptr);
        List<InspectionItem> items = items(r, n, ptr);
        InspectionRecord record = n.has("record") ? record(r, n.get("record"), Problems.child(ptr, "record")) : null;
        Long version = r.longValue(n, "version", ptr, 0, Long.MAX_VALUE);
        if (r.problems.structural() > before) {
            return null;
        }
        if (!start.isBefore(due)) {
            r.problems.add(Problems.child(ptr, "due"), n.get("due"), "an instant after windowStart " + start);
            return null;
        }
        InspectionTask task = InspectionTask.of(id, plan, kind, unit, Optional.ofNullable(assignee), start, due, items);
        if (record != null) {
            Set<InspectionItemId> expected = new LinkedHashSet<>();
            for (InspectionItem i : items) {
                expected.add(i.id());
            }
            String rp = Problems.child(Problems.child(ptr, "record"), "results");
            Set<InspectionItemId> given = new LinkedHashSet<>();
            for (int i = 0; i < record.results().size(); i++) {
                InspectionItemId item = record.results().get(i).item();
                given.add(item);
                if (!expected.contains(item)) {
                    r.problems.add(Problems.child(Problems.child(rp, i), "item"), item.value(),
                            "one of the task's items " + Problems.some(expected, 10));
                }
            }
            if (!given.containsAll(expected)) {
                Set<InspectionItemId> missing = new LinkedHashSet<>(expected);
                missing.removeAll(given);
                r.problems.add(rp, "results for " + Problems.some(given, 10), "a result for every item of the task; missing: "
                        + Problems.some(missing, 10));
            }
            if (r.problems.structural() > before) {
                return null;
            }
            task = task.withRecord(record);
        }
        return task.withVersion(version);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable GoodPractice goodPractice(ModelReader r, JsonNode n, String ptr) {
        long before = r.problems.structural();
        if (!r.object(n, ptr, "a good practice object", "id", "reporter", "unit", "riskPoint", "observedAt",
                "description", "evidence")) {
            return null;
        }
        GoodPracticeId id = r.id(n, "id", ptr, GoodPracticeId::of);
        ActorId reporter = r.id(n, "reporter", ptr, ActorId::of);
        OrgUnitId unit = r.id(n, "unit", ptr, OrgUnitId::of);
        RiskPointId point = n.has("riskPoint") ? r.id(n, "riskPoint", ptr, RiskPointId::of) : null;
        Instant at = r.instant(n, "observedAt", ptr);
        String description = r.text(n, "description", ptr, true);
        List<URI> evidence = uris(r, n, ptr);
        if (r.problems.structural() > before) {
            return null;
        }
        return new GoodPractice(id, reporter, unit, Optional.ofNullable(point), at, description, evidence);
    }
}
