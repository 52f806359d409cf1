package org.dualprevention.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.internal.IsoTimes;
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
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Reads model values from JSON trees, collecting every problem with its JSON Pointer. Each method returns
 * {@code null} when it found at least one problem in its value. The mirror of {@link ModelWriter}.
 */
final class ModelReader {
    static final String ID_ALLOWED = "a non-blank string of at most 128 characters without control characters, "
            + "unpaired surrogates or non-characters";
    /** What ids, names and other required text allow beyond their other rules (the spi's rule, checked here first). */
    static final String UNICODE_NAME = "well-formed Unicode text: no unpaired surrogate (U+D800 to U+DFFF) and no "
            + "non-character (U+FDD0 to U+FDEF, or the last two code points of any plane, such as U+FFFE and U+10FFFF)";
    /** What every other string allows. */
    static final String UNICODE_TEXT = "well-formed Unicode text: no unpaired surrogate (U+D800 to U+DFFF)";
    static final String CODE_ID_ALLOWED = "1-64 characters of A-Z, 0-9, '_', '.', '-', starting with a letter or digit";
    static final String NOT_BLANK = "a non-blank string";
    static final String STRING = "a string";
    static final String INSTANT = "an ISO-8601 instant in UTC such as 2024-05-01T08:30:00Z";
    static final String DATE = "an ISO-8601 date such as 2024-05-01";
    static final String DECIMAL = "a JSON number with at most 34 significant digits and at most 20 digits after the point";
    static final int MAX_PRECISION = 34;
    static final int MAX_SCALE = 20;
    /** Keys kept per kind of shared value (see {@link #shared}). */
    private static final int SHARED_MAX = 1024;
    private static final List<String> RISK_POINT_KINDS = codes(RiskPointKind.values(), RiskPointKind::code);
    private static final List<String> ACCIDENT_TYPES = codes(AccidentType.values(), AccidentType::code);
    private static final List<String> MEASURE_CATEGORIES = codes(MeasureCategory.values(), MeasureCategory::code);
    private static final List<String> ASSESSMENT_KINDS = codes(AssessmentKind.values(), AssessmentKind::code);
    private static final List<String> RISK_LEVELS = codes(RiskLevel.values(), RiskLevel::code);

    /** The fields of the objects read most, in an array each (not a varargs array per object read). */
    private static final String[] CONTROL_LEVEL_FIELDS = {"code", "rank"};
    private static final String[] RISK_POINT_FIELDS = {"id", "name", "kind", "owningUnit", "zone", "version", "hazards"};
    private static final String[] HAZARD_FIELDS = {"id", "description", "category", "accidentTypes", "causes",
        "consequences", "measures", "assessments", "reassessment"};
    private static final String[] MEASURE_FIELDS = {"id", "category", "description", "controlLevel", "responsibleUnit",
        "inspectionStandard"};
    private static final String[] ASSESSMENT_FIELDS = {"id", "method", "scheme", "kind", "input", "score", "grade",
        "assessor", "assessedAt"};
    private static final String[] GRADE_FIELDS = {"code", "name", "level", "action"};

    /** Called for each assessment read, with its pointer; returns the assessment to keep (or null if rejected). */
    interface AssessmentCheck {
        @Nullable Assessment check(CharSequence pointer, Assessment assessment);

        /**
         * Called instead of {@link #check} for an assessment with a problem of its own (a malformed score,
         * grade, kind, …) whose method, scheme and input could be read, so that the problems of its
         * factors are reported too.
         */
        default void checkInput(CharSequence pointer, MethodId method, SchemeId scheme, AssessmentInput input) {
        }
    }

    /**
     * Told of every id and every reference as it is read, whether or not the value around it turns out valid,
     * so that checks across values (repeated ids, units and schemes that must exist) hide behind no other
     * problem.
     */
    interface Refs {
        /**
         * An id of a kind ("risk point", "hazard", …) that must be unique in the document, at the field
         * {@code field} of the value at {@code parent} (the pointer is built only when needed).
         */
        void id(String kind, String id, CharSequence parent, String field);

        /** A reference to an organisational unit at a field of the value at {@code parent}. */
        void unit(OrgUnitId unit, CharSequence parent, String field);

        /** A reference to a grading scheme by an assessment, at a field of the value at {@code parent}. */
        void scheme(SchemeId scheme, CharSequence parent, String field);
    }

    private static final Refs NO_REFS = new Refs() {
        @Override
        public void id(String kind, String id, CharSequence parent, String field) {
        }

        @Override
        public void unit(OrgUnitId unit, CharSequence parent, String field) {
        }

        @Override
        public void scheme(SchemeId scheme, CharSequence parent, String field) {
        }
    };

    final Problems problems;
    private final boolean lenient;
    private final AssessmentCheck check;
    private Refs refs = NO_REFS;
    /** Values read, shared by their text (see {@link #shared}). */
    private final Map<String, MethodId> methods = new HashMap<>();
    private final Map<String, SchemeId> schemes = new HashMap<>();
    private final Map<String, HazardCategory> categories = new HashMap<>();
    private final Map<String, ControlLevel> levels = new HashMap<>();
    /**
     * Where each id was first seen in the list being read, re-used from one risk point or hazard to the
     * next instead of a new map each (a reader reads one value at a time; hazards nest in risk points,
     * hence a map per level).
     */
    private final Map<HazardId, Integer> seenHazards = new HashMap<>();
    private final Map<AccidentType, Integer> seenTypes = new EnumMap<>(AccidentType.class);
    private final Map<ControlMeasureId, Integer> seenMeasures = new HashMap<>();
    private final Map<AssessmentId, Integer> seenAssessments = new HashMap<>();

    ModelReader(Problems problems, boolean lenient, AssessmentCheck check) {
        this.problems = problems;
        this.lenient = lenient;
        this.check = check;
    }

    ModelReader(Problems problems, boolean lenient) {
        this(problems, lenient, (p, a) -> a);
    }

    /** Where ids and references are reported. */
    Refs refs() {
        return refs;
    }

    /** The check each assessment read goes through. */
    AssessmentCheck check() {
        return check;
    }

    /** Reports ids and references to {@code r} from now on. */
    ModelReader withRefs(Refs r) {
        this.refs = r;
        return this;
    }

    /**
     * Runs a read, turning a refusal by the model itself (a rule no check here anticipated) into a problem
     * at the pointer, so that no exception but {@link JsonImportException} leaves an import.
     */
    static <T> @Nullable T guarded(Problems problems, CharSequence ptr, java.util.function.Supplier<@Nullable T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | ValidationException e) {
            problems.add(ptr, "(value)", "a value the model accepts; it refused this one: " + e.getMessage());
            return null;
        }
    }

    // ---- organisation ----------------------------------------------------------------------------

    @Nullable Organization organization(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!object(n, ptr, "an organisation object with a units array", "units")) {
            return null;
        }
        JsonNode units = n.path("units");
        List<OrgUnit> list = new ArrayList<>();
        Map<OrgUnitId, Integer> index = new HashMap<>();
        if (array(units, Problems.child(ptr, "units"), "an array of organisational units")) {
            for (int i = 0; i < units.size(); i++) {
                OrgUnit u = orgUnit(units.get(i), Problems.child(Problems.child(ptr, "units"), i));
                if (u != null) {
                    index.putIfAbsent(u.id(), i);
                    list.add(u);
                }
            }
        }
        if (problems.structural() > before) {
            return null;
        }
        try {
            return Organization.of(list);
        } catch (ValidationException e) {
            Pattern p = Pattern.compile("units\\[(.*)\\]\\.(id|parent|level)");
            for (Violation v : e.violations()) {
                Matcher m = p.matcher(v.path());
                String at = Problems.child(ptr, "units");
                Integer first = null;
                if (m.matches()) {
                    Integer i = "id".equals(m.group(2)) ? Integer.valueOf(m.group(1)) : index.get(OrgUnitId.of(m.group(1)));
                    at = Problems.child(Problems.child(at, i == null ? 0 : i), m.group(2));
                    if ("id".equals(m.group(2)) && i != null && i < list.size()) {
                        first = index.get(list.get(i).id());
                        first = first != null && first.intValue() != i.intValue() ? first : null;
                    }
                }
                if (first != null) {
                    problems.repeated(at, v.value(), v.allowed(), Problems.child(Problems.child(Problems.child(ptr, "units"),
                            first), "id"));
                } else {
                    problems.add(at, v.value(), v.allowed());
                }
            }
            return null;
        }
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    @Nullable OrgUnit orgUnit(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!object(n, ptr, "an organisational unit object", "id", "name", "level", "parent")) {
            return null;
        }
        OrgUnitId id = id(n, "id", ptr, OrgUnitId::of);
        String name = text(n, "name", ptr, true);
        ControlLevel level = controlLevel(n.path("level"), Problems.child(ptr, "level"));
        OrgUnitId parent = n.has("parent") ? id(n, "parent", ptr, OrgUnitId::of) : null;
        if (problems.structural() > before) {
            return null;
        }
        if (parent != null && parent.equals(id)) {
            problems.add(Problems.child(ptr, "parent"), n.get("parent"), "the id of another unit (a unit cannot be its own parent)");
            return null;
        }
        return new OrgUnit(id, name, level, Optional.ofNullable(parent));
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    @Nullable ControlLevel controlLevel(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!object(n, ptr, "a control level object {\"code\", \"rank\"}", CONTROL_LEVEL_FIELDS)) {
            return null;
        }
        String code = string(n, "code", ptr);
        Integer rank = integer(n, "rank", ptr, 0, 99);
        if (problems.structural() > before) {
            return null;
        }
        ControlLevel known = levels.get(code);
        if (known != null && known.rank() == rank) {
            return known;
        }
        if (!isLevelCode(code)) {
            problems.add(Problems.child(ptr, "code"), n.get("code"), "1-40 lower-case letters, digits and hyphens");
            return null;
        }
        ControlLevel made = ControlLevel.of(code, rank);
        shared(levels, code, made);
        return made;
    }

    // ---- risk register ---------------------------------------------------------------------------

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    @Nullable RiskPoint riskPoint(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!object(n, ptr, "a risk point object", RISK_POINT_FIELDS)) {
            return null;
        }
        RiskPointId id = id(n, "id", ptr, RiskPointId::of);
        if (id != null) {
            refs.id("risk point", id.value(), ptr, "id");
        }
        String name = text(n, "name", ptr, true);
        RiskPointKind kind = code(n, "kind", ptr, RiskPointKind::fromCode, RISK_POINT_KINDS);
        OrgUnitId owner = id(n, "owningUnit", ptr, OrgUnitId::of);
        if (owner != null) {
            refs.unit(owner, ptr, "owningUnit");
        }
        MapZoneId zone = n.has("zone") ? id(n, "zone", ptr, MapZoneId::of) : null;
        Long version = longValue(n, "version", ptr, 0, Long.MAX_VALUE);
        List<Hazard> hazards = new ArrayList<>();
        Ptr hp = Ptr.of(ptr, "hazards");
        JsonNode hs = n.path("hazards");
        if (array(hs, hp, "an array of hazards")) {
            Map<HazardId, Integer> seen = seenHazards;
            seen.clear();
            for (int i = 0; i < hs.size(); i++) {
                Hazard h = hazard(hs.get(i), Ptr.of(hp, i));
                if (h != null) {
                    Integer first = seen.putIfAbsent(h.id(), i);
                    if (first != null) {
                        problems.repeated(Problems.child(Problems.child(hp, i), "id"), h.id(),
                                "an id not used by another hazard of the risk point", Problems.child(Problems.child(hp, first), "id"));
                    }
                    hazards.add(h);
                }
            }
        }
        if (problems.structural() > before) {
            return null;
        }
        return RiskPoint.loaded(id, name, kind, owner, Optional.ofNullable(zone), hazards, version);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    @Nullable Hazard hazard(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!object(n, ptr, "a hazard object", HAZARD_FIELDS)) {
            return null;
        }
        HazardId id = id(n, "id", ptr, HazardId::of);
        if (id != null) {
            refs.id("hazard", id.value(), ptr, "id");
        }
        String description = text(n, "description", ptr, true);
        HazardCategory category = null;
        String category0 = string(n, "category", ptr);
        if (category0 != null) {
            try {
                category = categories.get(category0);
                if (category == null) {
                    category = HazardCategory.of(category0);
                    shared(categories, category0, category);
                }
            } catch (IllegalArgumentException e) {
                problems.add(Problems.child(ptr, "category"), n.get("category"),
                        "a GB/T 13861 code of 1, 2, 4 or 6 digits starting with 1-4, e.g. 21 or 2101");
            }
        }
        Set<AccidentType> types = EnumSet.noneOf(AccidentType.class);
        Ptr tp = Ptr.of(ptr, "accidentTypes");
        JsonNode ts = n.path("accidentTypes");
        if (array(ts, tp, "a non-empty array of accident type codes")) {
            List<String> allowed = ACCIDENT_TYPES;
            if (ts.isEmpty()) {
                problems.add(tp, ts, "at least one accident type code of " + allowed);
            }
            Map<AccidentType, Integer> seen = seenTypes;
            seen.clear();
            for (int i = 0; i < ts.size(); i++) {
                JsonNode tv = ts.get(i);
                // the pointer is built only for a problem
                AccidentType t = tv.isString() && allowed.contains(tv.stringValue()) ? AccidentType.fromCode(tv.stringValue())
                        : codeValue(tv, Problems.child(tp, i), AccidentType::fromCode, allowed);
                if (t != null) {
                    Integer first = seen.putIfAbsent(t, i);
                    if (first != null) {
                        problems.repeated(Problems.child(tp, i), ts.get(i), "each accident type at most once",
                                Problems.child(tp, first));
                    }
                    types.add(t);
                }
            }
        }
        String causes = text(n, "causes", ptr, false);
        String consequences = text(n, "consequences", ptr, false);
        List<ControlMeasure> measures = new ArrayList<>();
        Ptr mp = Ptr.of(ptr, "measures");
        JsonNode ms = n.path("measures");
        if (array(ms, mp, "an array of control measures")) {
            Map<ControlMeasureId, Integer> seen = seenMeasures;
            seen.clear();
            for (int i = 0; i < ms.size(); i++) {
                ControlMeasure m = controlMeasure(ms.get(i), Ptr.of(mp, i));
                if (m != null) {
                    Integer first = seen.putIfAbsent(m.id(), i);
                    if (first != null) {
                        problems.repeated(Problems.child(Problems.child(mp, i), "id"), m.id(),
                                "an id not used by another measure of the hazard", Problems.child(Problems.child(mp, first), "id"));
                    }
                    measures.add(m);
                }
            }
        }
        List<Assessment> assessments = new ArrayList<>();
        Ptr ap = Ptr.of(ptr, "assessments");
        JsonNode as = n.path("assessments");
        if (array(as, ap, "an array of assessments")) {
            Map<AssessmentId, Integer> seen = seenAssessments;
            seen.clear();
            for (int i = 0; i < as.size(); i++) {
                Ptr p = Ptr.of(ap, i);
                Assessment a = assessment(as.get(i), p);
                if (a != null) {
                    Integer first = seen.putIfAbsent(a.id(), i);
                    if (first != null) {
                        problems.repeated(Problems.child(p, "id"), a.id(), "an id not used by another assessment of the hazard",
                                Problems.child(Problems.child(ap, first), "id"));
                    }
                    a = check.check(p, a);
                    if (a != null) {
                        assessments.add(a);
                    }
                }
            }
        }
        ReassessmentFlag flag = n.has("reassessment") ? reassessmentFlag(n.get("reassessment"), Ptr.of(ptr, "reassessment")) : null;
        if (problems.structural() > before) {
            return null;
        }
        return Hazard.loaded(id, description, category, types, causes, consequences, measures, assessments,
                Optional.ofNullable(flag));
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    @Nullable ControlMeasure controlMeasure(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!object(n, ptr, "a control measure object", MEASURE_FIELDS)) {
            return null;
        }
        ControlMeasureId id = id(n, "id", ptr, ControlMeasureId::of);
        if (id != null) {
            refs.id("control measure", id.value(), ptr, "id");
        }
        MeasureCategory category = code(n, "category", ptr, MeasureCategory::fromCode,
                MEASURE_CATEGORIES);
        String description = text(n, "description", ptr, true);
        ControlLevel level = controlLevel(n.path("controlLevel"), Ptr.of(ptr, "controlLevel"));
        OrgUnitId unit = id(n, "responsibleUnit", ptr, OrgUnitId::of);
        if (unit != null) {
            refs.unit(unit, ptr, "responsibleUnit");
        }
        String standard = text(n, "inspectionStandard", ptr, true);
        if (problems.structural() > before) {
            return null;
        }
        return new ControlMeasure(id, category, description, level, unit, standard);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    @Nullable Assessment assessment(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!object(n, ptr, "an assessment object", ASSESSMENT_FIELDS)) {
            return null;
        }
        AssessmentId id = id(n, "id", ptr, AssessmentId::of);
        if (id != null) {
            refs.id("assessment", id.value(), ptr, "id");
        }
        MethodId method = codeId(n, "method", ptr, methods, MethodId::of);
        SchemeId scheme = codeId(n, "scheme", ptr, schemes, SchemeId::of);
        if (scheme != null) {
            refs.scheme(scheme, ptr, "scheme");
        }
        AssessmentKind kind = code(n, "kind", ptr, AssessmentKind::fromCode,
                ASSESSMENT_KINDS);
        long beforeInput = problems.structural();
        AssessmentInput input = input(n.path("input"), Ptr.of(ptr, "input"));
        boolean inputOk = problems.structural() == beforeInput;
        Score score = score(n.path("score"), Ptr.of(ptr, "score"));
        Grade grade = grade(n.path("grade"), Ptr.of(ptr, "grade"));
        ActorId assessor = id(n, "assessor", ptr, ActorId::of);
        Instant at = instant(n, "assessedAt", ptr);
        if (problems.structural() > before) {
            if (method != null && scheme != null && inputOk && input != null) {
                check.checkInput(ptr, method, scheme, input);
            }
            return null;
        }
        return new Assessment(id, method, scheme, input, score, grade, kind, assessor, at);
    }

    @Nullable AssessmentInput input(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!n.isObject()) {
            problems.add(ptr, n, "an object of factor values such as {\"L\": 3, \"E\": 6, \"C\": 15}");
            return null;
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!isFactorKey(e.getKey())) {
                problems.add(Problems.child(ptr, e.getKey()), e.getKey(), "a factor key: a letter then up to 31 letters, digits or '_'");
                continue;
            }
            BigDecimal d = exact(e.getValue());
            if (d == null) {
                d = decimal(e.getValue(), Problems.child(ptr, e.getKey()));
            }
            if (d != null) {
                values.put(e.getKey(), d);
            }
        }
        if (problems.structural() > before) {
            return null;
        }
        return AssessmentInput.of(values);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    @Nullable Score score(JsonNode n, CharSequence ptr) {
        if (n.isNumber() || !n.isObject()) {
            BigDecimal d = decimal(n, ptr);
            return d == null ? null : Score.of(d);
        }
        long before = problems.structural();
        if (!object(n, ptr, "a score: a JSON number, or a matrix cell {\"value\", \"row\", \"column\"}", "value", "row", "column")) {
            return null;
        }
        BigDecimal value = decimal(n.path("value"), Problems.child(ptr, "value"));
        Integer row = integer(n, "row", ptr, 1, 1000);
        Integer column = integer(n, "column", ptr, 1, 1000);
        if (problems.structural() > before) {
            return null;
        }
        return Score.ofCell(row, column, value);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    @Nullable Grade grade(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!object(n, ptr, "a grade object {\"code\", \"name\", \"level\", \"action\"}", GRADE_FIELDS)) {
            return null;
        }
        String code = text(n, "code", ptr, true);
        String name = text(n, "name", ptr, true);
        RiskLevel level = code(n, "level", ptr, RiskLevel::fromCode, RISK_LEVELS);
        String action = string(n, "action", ptr);
        if (problems.structural() > before) {
            return null;
        }
        return new Grade(code, name, level, action);
    }

    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    @Nullable ReassessmentFlag reassessmentFlag(JsonNode n, CharSequence ptr) {
        long before = problems.structural();
        if (!object(n, ptr, "a reassessment flag object {\"reason\", \"source\", \"flaggedAt\"}", "reason", "source", "flaggedAt")) {
            return null;
        }
        String reason = text(n, "reason", ptr, true);
        String source = text(n, "source", ptr, true);
        Instant at = instant(n, "flaggedAt", ptr);
        if (problems.structural() > before) {
            return null;
        }
        return new ReassessmentFlag(reason, source, at);
    }

    // ---- primitives ------------------------------------------------------------------------------

    /** Checks that n is an object whose fields are all listed (unless lenient). */
    boolean object(JsonNode n, CharSequence ptr, String what, String... fields) {
        if (!n.isObject()) {
            problems.add(ptr, n, what);
            return false;
        }
        if (!lenient) {
            for (String name : n.propertyNames()) {
                if (!listed(fields, name)) {
                    problems.add(Problems.child(ptr, name), n.get(name), "only the fields " + Arrays.asList(fields)
                            + " (unknown fields are refused; ImportOptions.lenient() ignores them)");
                }
            }
        }
        return true;
    }

    /** Whether {@code name} is one of {@code fields} (the parser hands out the same instance for a name it saw). */
    private static boolean listed(String[] fields, String name) {
        for (String f : fields) {
            if (f == name) {
                return true;
            }
        }
        for (String f : fields) {
            if (f.equals(name)) {
                return true;
            }
        }
        return false;
    }

    boolean array(JsonNode n, CharSequence ptr, String what) {
        if (!n.isArray()) {
            problems.add(ptr, n, what);
            return false;
        }
        return true;
    }

    /** A required string field of well-formed Unicode, or null with a problem. */
    @Nullable String string(JsonNode obj, String field, CharSequence ptr) {
        JsonNode v = obj.path(field);
        if (!v.isString()) {
            problems.add(Problems.child(ptr, field), v, STRING);
            return null;
        }
        String s = v.stringValue();
        // the pointer is built only for a problem: most text is well-formed
        return badUnicode(s, false) < 0 ? s : unicode(s, Problems.child(ptr, field), false);
    }

    /**
     * A required text field of well-formed Unicode; when notBlank (names, descriptions), blank text and
     * non-characters are problems too.
     */
    @Nullable String text(JsonNode obj, String field, CharSequence ptr, boolean notBlank) {
        JsonNode v = obj.path(field);
        if (!v.isString()) {
            problems.add(Problems.child(ptr, field), v, notBlank ? NOT_BLANK : STRING);
            return null;
        }
        String s = v.stringValue();
        if (notBlank && s.isBlank()) {
            problems.add(Problems.child(ptr, field), v, NOT_BLANK);
            return null;
        }
        return badUnicode(s, notBlank) < 0 ? s : unicode(s, Problems.child(ptr, field), notBlank);
    }

    /** The text, or null with a problem if it holds an unpaired surrogate or (for names) a non-character. */
    @Nullable String unicode(String s, CharSequence ptr, boolean name) {
        int bad = badUnicode(s, name);
        if (bad < 0) {
            return s;
        }
        problems.add(ptr, escape(s, bad), (name ? UNICODE_NAME : UNICODE_TEXT) + "; found " + describe(s, bad)
                + " at index " + bad);
        return null;
    }

    /**
     * The index of the first unpaired surrogate in {@code s}, or (when {@code nonCharacters}) of the first
     * non-character; -1 if none. The same rule as the spi's text checks, which a test holds them to.
     */
    static int badUnicode(String s, boolean nonCharacters) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < Character.MIN_SURROGATE) {
                continue; // below U+D800: neither a surrogate nor a non-character (U+FDD0 and up)
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return i;
                }
                if (nonCharacters && isNonCharacter(Character.toCodePoint(c, s.charAt(i + 1)))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || nonCharacters && isNonCharacter(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a code point is one of Unicode's 66 non-characters. */
    static boolean isNonCharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE && cp <= Character.MAX_CODE_POINT;
    }

    private static boolean unpaired(String s, int i) {
        char c = s.charAt(i);
        return Character.isLowSurrogate(c) || Character.isHighSurrogate(c)
                && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1)));
    }

    private static String describe(String s, int i) {
        return unpaired(s, i) ? String.format("an unpaired surrogate \\u%04X", (int) s.charAt(i))
                : String.format("the non-character U+%04X", s.codePointAt(i));
    }

    /**
     * The text quoted as JSON would show it, with every control character, unpaired surrogate and
     * non-character as <code>&#92;uXXXX</code>; long text is cut to a window around index {@code around}.
     */
    static String escape(String s, int around) {
        int from = around;
        StringBuilder before = new StringBuilder();
        while (from > 0 && before.length() < 24) {
            int start = from - 1;
            if (start > 0 && Character.isLowSurrogate(s.charAt(start)) && Character.isHighSurrogate(s.charAt(start - 1))) {
                start--;
            }
            before.insert(0, escapeText(s.substring(start, from), true));
            from = start;
        }
        StringBuilder sb = new StringBuilder("\"");
        if (from > 0) {
            sb.append('…');
        }
        sb.append(before);
        int to = around;
        int limit = sb.length() + 40;
        while (to < s.length() && sb.length() < limit) {
            int end = to + 1;
            if (end < s.length() && Character.isHighSurrogate(s.charAt(to)) && Character.isLowSurrogate(s.charAt(end))) {
                end++;
            }
            escapeTo(sb, s.substring(to, end), true);
            to = end;
        }
        if (to < s.length()) {
            sb.append('…');
        }
        return sb.append('"').toString();
    }

    /**
     * The text with every unpaired surrogate and non-character, and (when {@code controls}) every control
     * character, written as <code>&#92;uXXXX</code>, and quotes and backslashes escaped when controls are.
     */
    static String escapeText(String s, boolean controls) {
        return escapeTo(new StringBuilder(s.length() + 8), s, controls).toString();
    }

    private static StringBuilder escapeTo(StringBuilder sb, String s, boolean controls) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && !unpaired(s, i)) {
                int cp = s.codePointAt(i);
                if (isNonCharacter(cp)) {
                    sb.append(String.format("\\u%04X\\u%04X", (int) c, (int) s.charAt(i + 1)));
                } else {
                    sb.appendCodePoint(cp);
                }
                i++;
            } else if (Character.isSurrogate(c) || isNonCharacter(c) || controls && Character.isISOControl(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else if (controls && (c == '"' || c == '\\')) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb;
    }

    <T> @Nullable T id(JsonNode obj, String field, CharSequence ptr, Function<String, T> make) {
        JsonNode v = obj.path(field);
        if (v.isString() && badUnicode(v.stringValue(), true) < 0) {
            try {
                return make.apply(v.stringValue());
            } catch (IllegalArgumentException | ValidationException e) {
                // reported below, with the pointer built only now
            }
        }
        return idValue(v, Problems.child(ptr, field), make);
    }

    <T> @Nullable T idValue(JsonNode v, CharSequence ptr, Function<String, T> make) {
        if (!v.isString()) {
            problems.add(ptr, v, ID_ALLOWED);
            return null;
        }
        String s = v.stringValue();
        int bad = badUnicode(s, true);
        if (bad >= 0) {
            problems.add(ptr, escape(s, bad), ID_ALLOWED + "; found " + describe(s, bad) + " at index " + bad);
            return null;
        }
        try {
            return make.apply(s);
        } catch (IllegalArgumentException | ValidationException e) {
            problems.add(ptr, v, ID_ALLOWED);
            return null;
        }
    }

    <T> @Nullable T codeId(JsonNode obj, String field, CharSequence ptr, Function<String, T> make) {
        JsonNode v = obj.path(field);
        if (!v.isString() || !isCodeId(v.stringValue())) {
            problems.add(Problems.child(ptr, field), v, CODE_ID_ALLOWED);
            return null;
        }
        return make.apply(v.stringValue());
    }

    /** As {@link #codeId(JsonNode, String, String, Function)}, sharing the values read (see {@link #shared}). */
    <T> @Nullable T codeId(JsonNode obj, String field, CharSequence ptr, Map<String, T> cache, Function<String, T> make) {
        JsonNode v = obj.path(field);
        if (v.isString()) {
            T known = cache.get(v.stringValue());
            if (known != null) {
                return known;
            }
        }
        T made = codeId(obj, field, ptr, make);
        if (made != null) {
            shared(cache, v.stringValue(), made);
        }
        return made;
    }

    /**
     * Keeps a value read for later reads of the same text: a document names the same few methods, schemes,
     * hazard categories and control levels thousands of times, and the model's constructors check them with
     * regular expressions. At most {@link #SHARED_MAX} keys are kept per kind, so memory stays bounded whatever
     * the document; the values are immutable and equal to what a new read would make, so sharing changes nothing.
     */
    private static <T> void shared(Map<String, T> cache, String key, T value) {
        if (cache.size() < SHARED_MAX) {
            cache.put(key, value);
        }
    }

    /** Whether {@code s} matches {@code [A-Z0-9][A-Z0-9_.-]{0,63}} (char by char: read for every assessment). */
    static boolean isCodeId(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || i > 0 && (c == '_' || c == '.' || c == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} matches {@code [A-Za-z][A-Za-z0-9_]{0,31}}, the rule of a factor key. */
    static boolean isFactorKey(String s) {
        int n = s.length();
        if (n == 0 || n > 32) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '_');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} matches {@code [a-z0-9][a-z0-9-]{0,39}}, the rule of a control level's code. */
    static boolean isLevelCode(String s) {
        int n = s.length();
        if (n == 0 || n > 40) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    <T> @Nullable T code(JsonNode obj, String field, CharSequence ptr, Function<String, T> fromCode, List<String> allowed) {
        JsonNode v = obj.path(field);
        if (v.isString() && allowed.contains(v.stringValue())) {
            return fromCode.apply(v.stringValue());
        }
        return codeValue(v, Problems.child(ptr, field), fromCode, allowed);
    }

    <T> @Nullable T codeValue(JsonNode v, CharSequence ptr, Function<String, T> fromCode, List<String> allowed) {
        if (v.isString() && allowed.contains(v.stringValue())) {
            return fromCode.apply(v.stringValue());
        }
        problems.add(ptr, v, "one of " + allowed);
        return null;
    }

    static <E> List<String> codes(E[] values, Function<E, String> code) {
        List<String> out = new ArrayList<>(values.length);
        for (E e : values) {
            out.add(code.apply(e));
        }
        return List.copyOf(out);
    }

    @Nullable Integer integer(JsonNode obj, String field, CharSequence ptr, int min, int max) {
        JsonNode v = obj.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            problems.add(Problems.child(ptr, field), v, "an integer from " + min + " to " + max);
            return null;
        }
        return v.intValue();
    }

    @Nullable Long longValue(JsonNode obj, String field, CharSequence ptr, long min, long max) {
        JsonNode v = obj.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            problems.add(Problems.child(ptr, field), v, "an integer from " + min + " to " + max);
            return null;
        }
        return v.longValue();
    }

    /** An exact decimal from a JSON number, bounded in precision and scale. */
    @Nullable BigDecimal decimal(JsonNode v, CharSequence ptr) {
        BigDecimal d = exact(v);
        if (d == null) {
            problems.add(ptr, v, DECIMAL);
        }
        return d;
    }

    /** The decimal of {@link #decimal}, or null (and no problem) when the value is not one. */
    static @Nullable BigDecimal exact(JsonNode v) {
        if (!v.isNumber()) {
            return null;
        }
        BigDecimal d;
        try {
            d = v.decimalValue();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return exact(d);
    }

    /** The decimal of {@link #decimal} for a number read as {@code d}, or null when out of its bounds. */
    static @Nullable BigDecimal exact(BigDecimal d) {
        BigDecimal s;
        try {
            s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        long integerDigits = (long) s.precision() - s.scale();
        if (integerDigits > MAX_PRECISION || s.scale() > MAX_SCALE || s.precision() > MAX_PRECISION) {
            return null;
        }
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    @Nullable Instant instant(JsonNode obj, String field, CharSequence ptr) {
        JsonNode v = obj.path(field);
        if (v.isString()) {
            try {
                return IsoTimes.parseInstant(v.stringValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(Problems.child(ptr, field), v, INSTANT);
        return null;
    }

    @Nullable LocalDate date(JsonNode obj, String field, CharSequence ptr) {
        JsonNode v = obj.path(field);
        if (v.isString()) {
            try {
                return IsoTimes.parseDate(v.stringValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(Problems.child(ptr, field), v, DATE);
        return null;
    }
}
