package org.dualprevention.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.dualprevention.internal.IsoTimes;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
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

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.base.ParserBase;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast path of {@link RegisterDocument#read}: reads each risk point with the {@link JsonParser} straight into
 * the model (no tree), in one pass, holding what it read, and delivers it only at the end if nothing failed. It
 * accepts a document only when the tree reader ({@link StreamingImport} with {@link ModelReader}) would accept it
 * and deliver the same values: it makes the same checks (the same id, unit and scheme checks across the document
 * through the pass's {@link ModelReader.Refs}, the same recomputation through its {@link ModelReader.AssessmentCheck},
 * the same header reading, the same per-item limits), and <b>gives up</b> at the first thing it does not expect:
 * a problem of any kind, a member repeated, unknown or missing, a value of another type, a document of another
 * version (a migration), a lenient import, malformed JSON or UTF-8, a breached limit. Then {@link #run} returns
 * null and the caller runs the tree reader, which finds and reports every problem exactly as before; so the error
 * of a refused document is the tree reader's, word for word, and the sink has received nothing.
 *
 * <p>Memory stays bounded: the parser refuses what {@link JsonLimits} refuses, each risk point is counted against
 * the per-item limits while it is read (values at every token, bytes after every string and at its end, as
 * {@link ItemReader} counts them), and the risk points read are held only up to {@value #HOLD_BYTES} bytes of their
 * JSON. A larger document is validated by this pass without holding, then read again and delivered as it is read
 * (the two passes of the tree reader, each faster). Duplicate members are found by a bit per known member (the
 * parser's own detection, a set per object, is off); the header's two members are read as trees, refusing
 * repeated names.
 */
final class RegisterStream {
    /** The most JSON bytes of risk points held for delivery at the end of the one pass. */
    static final long HOLD_BYTES = 16L << 20;

    /** Gives up the fast path; the tree reader decides. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();
    private static final JsonFactory DEFAULT_FACTORY = factory(JsonLimits.defaults());
    /** The mapper whose node factory reads the header trees (as the tree reader's passes do). */
    private static final JsonMapper NODES = DualPreventionJson.streamingMapper(JsonLimits.defaults());

    private static final PropertyNameMatcher TOP = names("format", "version", "organization", "gradingSchemes",
            "riskPoints");
    private static final PropertyNameMatcher RISK_POINT = names("id", "name", "kind", "owningUnit", "zone", "version",
            "hazards");
    private static final PropertyNameMatcher HAZARD = names("id", "description", "category", "accidentTypes", "causes",
            "consequences", "measures", "assessments", "reassessment");
    private static final PropertyNameMatcher MEASURE = names("id", "category", "description", "controlLevel",
            "responsibleUnit", "inspectionStandard");
    private static final PropertyNameMatcher LEVEL = names("code", "rank");
    private static final PropertyNameMatcher ASSESSMENT = names("id", "method", "scheme", "kind", "input", "score",
            "grade", "assessor", "assessedAt");
    private static final PropertyNameMatcher GRADE = names("code", "name", "level", "action");
    private static final PropertyNameMatcher CELL = names("value", "row", "column");
    private static final PropertyNameMatcher FLAG = names("reason", "source", "flaggedAt");

    /** The codes of the enumerations, matched in the parser's characters (read only after construction). */
    private static final CharTable<RiskPointKind> KINDS = codes(RiskPointKind.values(), RiskPointKind::code);
    private static final CharTable<AccidentType> TYPES = codes(AccidentType.values(), AccidentType::code);
    private static final CharTable<MeasureCategory> CATEGORIES = codes(MeasureCategory.values(), MeasureCategory::code);
    private static final CharTable<AssessmentKind> ASSESSMENT_KINDS = codes(AssessmentKind.values(), AssessmentKind::code);
    private static final CharTable<RiskLevel> LEVELS = codes(RiskLevel.values(), RiskLevel::code);
    /** The most keys each table of values read keeps (as {@link ModelReader} shares at most 1024 per kind). */
    private static final int SHARED_MAX = 1024;

    private final StreamingImport<RegisterHeader, RiskPoint> importer;
    private final long holdBytes;
    private final ImportOptions options;
    private final JsonLimits limits;
    private final JsonFactory factory;
    private final ItemReader trees = new ItemReader(NODES.getNodeFactory(), true);
    /**
     * Values read, shared by their text, as {@link ModelReader} shares them (at most 1024 keys per kind), and
     * found again in the parser's characters without making a string: the ids of methods and schemes, hazard
     * categories, control levels, units, zones, assessors and the texts of grades. Each was checked when first
     * read (or, for units, zones and assessors, by the id's own constructor), so a value found here passed the
     * same checks as its text would now.
     */
    private final CharTable<MethodId> methods = new CharTable<>(SHARED_MAX);
    private final CharTable<SchemeId> schemes = new CharTable<>(SHARED_MAX);
    private final CharTable<HazardCategory> hazardCategories = new CharTable<>(SHARED_MAX);
    private final CharTable<ControlLevel> controlLevels = new CharTable<>(SHARED_MAX);
    private final CharTable<OrgUnitId> units = new CharTable<>(SHARED_MAX);
    private final CharTable<MapZoneId> zones = new CharTable<>(SHARED_MAX);
    private final CharTable<ActorId> assessors = new CharTable<>(SHARED_MAX);
    private final CharTable<String> gradeTexts = new CharTable<>(SHARED_MAX);
    /**
     * The grades built last, found again by the identity of their texts (shared through {@link #gradeTexts}) and
     * their level: a grade equal to one built from the same checked texts, without building and checking it again.
     */
    private final Grade[] grades = new Grade[8];
    private int nextGrade;
    /** The pointer of the assessment being read, for the warnings of its recomputation. */
    private final Where where = new Where();
    /**
     * The factor values read, by their number text (which decides the token type, and so the decimal): each the
     * decimal {@link #decimal} made of that text, with a number of its own for {@link #inputs}. At most 1024 texts.
     */
    private final CharTable<Factor> factors = new CharTable<>(SHARED_MAX);
    private int nextFactor;
    /**
     * The inputs read, by their factor keys and the numbers of their values in {@link #factors}, in order: the
     * input {@link AssessmentInput#of} made of the same keys and values (a value type, so shared). At most
     * {@value #INPUTS_MAX} inputs of at most {@value #INPUT_KEYS} factors.
     */
    private final Map<InputKey, AssessmentInput> inputs = new HashMap<>();
    private final InputKey probe = new InputKey(new String[INPUT_KEYS], new int[INPUT_KEYS]);
    private final Factor[] inputFactors = new Factor[INPUT_KEYS];
    /** The most factors of an input kept in {@link #inputs}; an input with more is read into a map as it comes. */
    static final int INPUT_KEYS = 8;
    /** The most inputs {@link #inputs} keeps. */
    static final int INPUTS_MAX = 4096;

    // the pass being read
    private @Nullable JsonParser parser;
    private ModelReader.@Nullable Refs refs;
    private ModelReader.@Nullable AssessmentCheck check;
    private long values;
    private long start;

    RegisterStream(StreamingImport<RegisterHeader, RiskPoint> importer, ImportOptions options) {
        this(importer, options, HOLD_BYTES);
    }

    /** With another bound on the bytes held (tests of the two-pass delivery of a larger document). */
    RegisterStream(StreamingImport<RegisterHeader, RiskPoint> importer, ImportOptions options, long holdBytes) {
        this.holdBytes = holdBytes;
        this.importer = importer;
        this.options = options;
        this.limits = options.limits();
        this.factory = limits.equals(JsonLimits.defaults()) ? DEFAULT_FACTORY : factory(limits);
    }

    /** The streaming mapper's parser settings, without its duplicate detection (a bit per member does it here). */
    private static JsonFactory factory(JsonLimits limits) {
        return JsonFactory.builder()
                .streamReadConstraints(limits.toConstraints())
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static PropertyNameMatcher names(String... names) {
        return BinaryNameMatcher.construct(List.of(names));
    }

    private static <E> CharTable<E> codes(E[] values, Function<E, String> code) {
        Map<String, E> out = new HashMap<>();
        for (E e : values) {
            out.put(code.apply(e), e);
        }
        return CharTable.of(out);
    }

    /** A risk point read, with what it used of the item limits (for the batches, as the tree reader makes them). */
    private record Held(RiskPoint item, long values, long bytes) {
    }

    /**
     * Imports the document if it is valid and this reader reads all of it.
     *
     * @return the report, the sink having received everything; null if this reader gave up, the sink having
     *     received nothing (the tree reader must then import the document)
     */
    @Nullable ImportReport run(DocumentSource source, DocumentSink<RegisterHeader, RiskPoint> sink) {
        if (options.isLenient()) {
            return null;
        }
        StreamingImport<RegisterHeader, RiskPoint>.Pass first = importer.openPass(options, NODES);
        List<Held> held = new ArrayList<>();
        Outcome one = pass(source, first, held, null);
        if (one == null || !first.problems.isEmpty() || one.header == null) {
            return null;
        }
        if (one.held) {
            StreamingImport.Delivery<RegisterHeader, RiskPoint> delivery = new StreamingImport.Delivery<>(sink,
                    options.batchSize(), limits);
            for (Held h : held) {
                delivery.add(one.header, h.item, h.values, h.bytes);
            }
            ImportReport report = new ImportReport(RegisterDocument.FORMAT, RegisterDocument.CURRENT_VERSION,
                    RegisterDocument.CURRENT_VERSION, one.items, first.warnings.list());
            delivery.finish(one.header, report);
            return report;
        }
        StreamingImport<RegisterHeader, RiskPoint>.Pass second = importer.openPass(options, NODES);
        StreamingImport.Delivery<RegisterHeader, RiskPoint> delivery = new StreamingImport.Delivery<>(sink,
                options.batchSize(), limits);
        Outcome two = pass(source, second, null, delivery);
        if (two == null || !second.problems.isEmpty() || two.header == null) {
            throw new IllegalStateException("The document changed between the validating and the importing pass; "
                    + "a DocumentSource must return the same bytes each time"
                    + (second.problems.isEmpty() ? "" : ": " + second.problems.list()));
        }
        ImportReport report = new ImportReport(RegisterDocument.FORMAT, RegisterDocument.CURRENT_VERSION,
                RegisterDocument.CURRENT_VERSION, two.items, first.warnings.list());
        delivery.finish(two.header, report);
        return report;
    }

    /** What a pass read: the header, the number of risk points, and whether all of them are held. */
    private static final class Outcome {
        @Nullable RegisterHeader header;
        long items;
        boolean held = true;
    }

    /**
     * One pass: holds the risk points in {@code held} while they fit in {@link #HOLD_BYTES}, or hands them to
     * {@code delivery}; null if it gave up.
     */
    private @Nullable Outcome pass(DocumentSource source, StreamingImport<RegisterHeader, RiskPoint>.Pass pass,
            @Nullable List<Held> held, StreamingImport.@Nullable Delivery<RegisterHeader, RiskPoint> delivery) {
        refs = pass.reader.refs();
        check = importer.streamingCheck(pass);
        Outcome out = new Outcome();
        out.held = held != null;
        try (CheckedInput in = new CheckedInput(source.open());
                JsonParser p = factory.createParser(ObjectReadContext.empty(), in)) {
            parser = p;
            document(p, pass, out, held, delivery);
            if (in.badAt() >= 0) {
                return null;
            }
            return out;
        } catch (GiveUp | ItemReader.TooLarge | ItemReader.Duplicate | JacksonException | IOException e) {
            return null;
        } catch (IllegalArgumentException | org.dualprevention.ValidationException e) {
            // a value the model refused: the tree reader reports it where it is
            return null;
        } finally {
            parser = null;
        }
    }

    private void document(JsonParser p, StreamingImport<RegisterHeader, RiskPoint>.Pass pass, Outcome out,
            @Nullable List<Held> held, StreamingImport.@Nullable Delivery<RegisterHeader, RiskPoint> delivery) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
        ItemReader.Budget header = new ItemReader.Budget(limits, "the header");
        Map<String, JsonNode> headerFields = new LinkedHashMap<>();
        long heldBytes = 0;
        int seen = 0;
        while (true) {
            int i = p.nextNameMatch(TOP);
            if (i == PropertyNameMatcher.MATCH_END_OBJECT) {
                break;
            }
            if (i < 0 || (seen & 1 << i) != 0 || i >= 2 && (seen & 3) != 3 || (seen & 16) != 0) {
                throw GIVE_UP; // an unknown or repeated member, or one out of the streaming order
            }
            seen |= 1 << i;
            header.value();
            p.nextToken();
            if (i == 0) {
                JsonNode n = trees.read(p, header);
                if (!n.isString() || !RegisterDocument.FORMAT.equals(n.stringValue())) {
                    throw GIVE_UP;
                }
            } else if (i == 1) {
                JsonNode n = trees.read(p, header);
                if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() != RegisterDocument.CURRENT_VERSION) {
                    throw GIVE_UP; // another version: a migration, or a refusal
                }
                pass.sourceVersion = RegisterDocument.CURRENT_VERSION;
            } else if (i < 4) {
                headerFields.put(i == 2 ? "organization" : "gradingSchemes", trees.read(p, header));
            } else {
                if ((seen & 12) != 12) {
                    throw GIVE_UP;
                }
                RegisterHeader h = importer.headerOf(pass, headerFields);
                if (h == null || !pass.problems.isEmpty()) {
                    throw GIVE_UP;
                }
                pass.header = h;
                out.header = h;
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw GIVE_UP;
                }
                long index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    values = 0;
                    start = offset(p.currentTokenLocation());
                    RiskPoint item = riskPoint(p, index);
                    long bytes = offset(p.currentLocation()) - start;
                    if (bytes > limits.maxItemLength() || pass.problems.count() > 0) {
                        throw GIVE_UP;
                    }
                    if (delivery != null) {
                        delivery.add(h, item, values, bytes);
                    } else if (held != null && out.held) {
                        heldBytes += bytes;
                        if (heldBytes > holdBytes) {
                            out.held = false;
                            held.clear();
                        } else {
                            held.add(new Held(item, values, bytes));
                        }
                    }
                    index++;
                    pass.items++;
                }
                out.items = index;
            }
        }
        if (seen != 31 || p.nextToken() != null) {
            throw GIVE_UP;
        }
    }

    // ---- the values of a risk point -------------------------------------------------------------

    private static long offset(TokenStreamLocation l) {
        long b = l.getByteOffset();
        return b >= 0 ? b : Math.max(0, l.getCharOffset());
    }

    /** Counts one value against the item's limit (a name, a scalar, an array or object). */
    private void count() {
        if (++values > limits.maxItemValues()) {
            throw GIVE_UP;
        }
    }

    /** Moves to the value of the member just matched (counting the name and the value). */
    private JsonToken value(JsonParser p) {
        values += 2;
        if (values > limits.maxItemValues()) {
            throw GIVE_UP;
        }
        return p.nextToken();
    }

    /** The bit of a member, refusing one seen before in the object. */
    private static int once(int seen, int i) {
        if (i < 0 || (seen & 1 << i) != 0) {
            throw GIVE_UP; // an unknown, repeated or odd member
        }
        return seen | 1 << i;
    }

    /** The string the parser is on, its bytes counted as {@link ItemReader} counts them. */
    private String string(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_STRING) {
            throw GIVE_UP;
        }
        String s = p.getString();
        within(p, s.length());
        return s;
    }

    /** Counts the bytes of the string token of {@code chars} characters the parser is on, as {@link #string} does. */
    private void within(JsonParser p, int chars) {
        long max = limits.maxItemLength();
        if (p instanceof ParserBase) {
            long from = ((ParserBase) p).getTokenCharacterOffset() - start;
            if (from >= 0 && from + 6L * chars + 4 <= max) {
                return;
            }
        }
        if (offset(p.currentLocation()) - start > max) {
            throw GIVE_UP;
        }
    }

    /**
     * The value of the string the parser is on if {@code table} holds its text (matched in the parser's own
     * characters, making no string), its bytes counted as {@link #string} counts them; null if not held.
     */
    private <T> @Nullable T lookUp(JsonParser p, JsonToken t, CharTable<T> table) {
        if (t != JsonToken.VALUE_STRING) {
            throw GIVE_UP;
        }
        char[] chars = p.getStringCharacters();
        int len = p.getStringLength();
        T found = table.get(chars, p.getStringOffset(), len);
        if (found != null) {
            within(p, len);
        }
        return found;
    }

    /**
     * Text the model's constructor checks again with the same rule (an id's, a name's or a description's
     * Unicode and blank checks, which throw and so give up): only its type and bytes are checked here.
     */
    private String checkedByModel(JsonParser p, JsonToken t) {
        return string(p, t);
    }

    /** An id of a kind with few values (units, zones, assessors), shared through {@code table}. */
    private <T> T sharedId(JsonParser p, JsonToken t, CharTable<T> table, Function<String, T> make) {
        T known = lookUp(p, t, table);
        if (known != null) {
            return known;
        }
        String s = string(p, t);
        T made = make.apply(s); // the id's constructor checks its text (Checks.idValue), refusing bad Unicode
        table.put(s, made);
        return made;
    }

    /** The text of a grade, shared through {@link #gradeTexts} (the grade's constructor checks it). */
    private String gradeText(JsonParser p, JsonToken t) {
        String known = lookUp(p, t, gradeTexts);
        if (known != null) {
            return known;
        }
        String s = string(p, t);
        gradeTexts.put(s, s);
        return s;
    }

    /** Required text: well-formed; when notBlank (names, descriptions), not blank and without non-characters. */
    private String text(JsonParser p, JsonToken t, boolean notBlank) {
        String s = string(p, t);
        if (notBlank && s.isBlank() || ModelReader.badUnicode(s, notBlank) >= 0) {
            throw GIVE_UP;
        }
        return s;
    }

    /** An id: the id's constructor ({@code Checks.idValue}) refuses bad Unicode, as the tree reader does. */
    private <T> T id(JsonParser p, JsonToken t, Function<String, T> make) {
        return make.apply(string(p, t));
    }

    private <T> T codeId(JsonParser p, JsonToken t, CharTable<T> cache, Function<String, T> make) {
        T known = lookUp(p, t, cache);
        if (known != null) {
            return known;
        }
        String s = string(p, t);
        if (!ModelReader.isCodeId(s)) {
            throw GIVE_UP;
        }
        T made = make.apply(s);
        cache.put(s, made);
        return made;
    }

    private <E> E code(JsonParser p, JsonToken t, CharTable<E> codes) {
        E e = lookUp(p, t, codes);
        if (e == null) {
            throw GIVE_UP;
        }
        return e;
    }

    private static long integer(JsonParser p, JsonToken t, long min, long max) {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw GIVE_UP;
        }
        long v = p.getLongValue();
        if (v < min || v > max) {
            throw GIVE_UP;
        }
        return v;
    }

    /** An exact decimal as {@link ModelReader#decimal} reads it. */
    private static BigDecimal decimal(JsonParser p, JsonToken t) {
        BigDecimal d;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                // what ModelReader.exact makes of an int or a long: the value at scale 0 (at most 19 digits)
                return BigDecimal.valueOf(p.getLongValue());
            }
            d = new BigDecimal(p.getBigIntegerValue());
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            try {
                d = p.getDecimalValue();
            } catch (NumberFormatException | ArithmeticException e) {
                throw GIVE_UP;
            }
        } else {
            throw GIVE_UP;
        }
        BigDecimal exact = ModelReader.exact(d);
        if (exact == null) {
            throw GIVE_UP;
        }
        return exact;
    }

    private static Instant instant(String s) {
        try {
            return IsoTimes.parseInstant(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw GIVE_UP;
        }
    }

    private static void object(JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            throw GIVE_UP;
        }
    }

    private static void array(JsonToken t) {
        if (t != JsonToken.START_ARRAY) {
            throw GIVE_UP;
        }
    }

    private ModelReader.Refs refs() {
        ModelReader.Refs r = refs;
        if (r == null) {
            throw new IllegalStateException("no pass");
        }
        return r;
    }

    @SuppressWarnings("NullAway") // a required member left null is refused by the bits check first
    private RiskPoint riskPoint(JsonParser p, long index) {
        object(p.currentToken());
        count();
        where.point = index;
        RiskPointId id = null;
        String name = null;
        RiskPointKind kind = null;
        OrgUnitId owner = null;
        MapZoneId zone = null;
        long version = 0;
        List<Hazard> hazards = null;
        int seen = 0;
        int i;
        while ((i = p.nextNameMatch(RISK_POINT)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            seen = once(seen, i);
            JsonToken t = value(p);
            switch (i) {
                case 0:
                    id = id(p, t, RiskPointId::of);
                    refs().id("risk point", id.value(), "", "id");
                    break;
                case 1:
                    name = checkedByModel(p, t);
                    break;
                case 2:
                    kind = code(p, t, KINDS);
                    break;
                case 3:
                    owner = sharedId(p, t, units, OrgUnitId::of);
                    refs().unit(owner, "", "owningUnit");
                    break;
                case 4:
                    zone = sharedId(p, t, zones, MapZoneId::of);
                    break;
                case 5:
                    version = integer(p, t, 0, Long.MAX_VALUE);
                    break;
                default:
                    array(t);
                    hazards = new ArrayList<>();
                    int h = 0;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        count();
                        where.hazard = h++;
                        hazards.add(hazard(p, t));
                    }
                    break;
            }
        }
        if ((seen | 1 << 4) != 0x7F) {
            throw GIVE_UP; // a required member missing
        }
        return RiskPoint.loaded(id, name, kind, owner, Optional.ofNullable(zone), hazards, version);
    }

    @SuppressWarnings("NullAway") // a required member left null is refused by the bits check first
    private Hazard hazard(JsonParser p, JsonToken first) {
        object(first);
        HazardId id = null;
        String description = null;
        HazardCategory category = null;
        Set<AccidentType> types = null;
        String causes = null;
        String consequences = null;
        List<ControlMeasure> measures = null;
        List<Assessment> assessments = null;
        ReassessmentFlag flag = null;
        int seen = 0;
        int i;
        while ((i = p.nextNameMatch(HAZARD)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            seen = once(seen, i);
            JsonToken t = value(p);
            switch (i) {
                case 0:
                    id = id(p, t, HazardId::of);
                    refs().id("hazard", id.value(), "", "id");
                    break;
                case 1:
                    description = checkedByModel(p, t);
                    break;
                case 2: {
                    category = lookUp(p, t, hazardCategories);
                    if (category == null) {
                        String c = text(p, t, false);
                        category = HazardCategory.of(c);
                        hazardCategories.put(c, category);
                    }
                    break;
                }
                case 3:
                    array(t);
                    types = EnumSet.noneOf(AccidentType.class);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        count();
                        if (!types.add(code(p, t, TYPES))) {
                            throw GIVE_UP;
                        }
                    }
                    if (types.isEmpty()) {
                        throw GIVE_UP;
                    }
                    break;
                case 4:
                    causes = checkedByModel(p, t);
                    break;
                case 5:
                    consequences = checkedByModel(p, t);
                    break;
                case 6:
                    array(t);
                    measures = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        count();
                        measures.add(measure(p, t));
                    }
                    break;
                case 7: {
                    array(t);
                    assessments = new ArrayList<>();
                    int a = 0;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        count();
                        where.assessment = a++;
                        Assessment read = assessment(p, t);
                        ModelReader.AssessmentCheck c = check;
                        Assessment kept = c == null ? read : c.check(where, read);
                        if (kept != null) {
                            assessments.add(kept);
                        }
                    }
                    break;
                }
                default:
                    flag = flag(p, t);
                    break;
            }
        }
        if ((seen | 1 << 8) != 0x1FF) {
            throw GIVE_UP;
        }
        return Hazard.loaded(id, description, category, types, causes, consequences, measures, assessments,
                Optional.ofNullable(flag));
    }

    @SuppressWarnings("NullAway") // a required member left null is refused by the bits check first
    private ControlMeasure measure(JsonParser p, JsonToken first) {
        object(first);
        ControlMeasureId id = null;
        MeasureCategory category = null;
        String description = null;
        ControlLevel level = null;
        OrgUnitId unit = null;
        String standard = null;
        int seen = 0;
        int i;
        while ((i = p.nextNameMatch(MEASURE)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            seen = once(seen, i);
            JsonToken t = value(p);
            switch (i) {
                case 0:
                    id = id(p, t, ControlMeasureId::of);
                    refs().id("control measure", id.value(), "", "id");
                    break;
                case 1:
                    category = code(p, t, CATEGORIES);
                    break;
                case 2:
                    description = checkedByModel(p, t);
                    break;
                case 3:
                    level = controlLevel(p, t);
                    break;
                case 4:
                    unit = sharedId(p, t, units, OrgUnitId::of);
                    refs().unit(unit, "", "responsibleUnit");
                    break;
                default:
                    standard = checkedByModel(p, t);
                    break;
            }
        }
        if (seen != 0x3F) {
            throw GIVE_UP;
        }
        return new ControlMeasure(id, category, description, level, unit, standard);
    }

    @SuppressWarnings("NullAway") // a required member left null is refused by the bits check first
    private ControlLevel controlLevel(JsonParser p, JsonToken first) {
        object(first);
        String code = null;
        ControlLevel known = null;
        int rank = 0;
        int seen = 0;
        int i;
        while ((i = p.nextNameMatch(LEVEL)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            seen = once(seen, i);
            JsonToken t = value(p);
            if (i == 0) {
                known = lookUp(p, t, controlLevels);
                code = known != null ? known.code() : text(p, t, false);
            } else {
                rank = (int) integer(p, t, 0, 99);
            }
        }
        if (seen != 3) {
            throw GIVE_UP;
        }
        if (known != null && known.rank() == rank) {
            return known;
        }
        if (!ModelReader.isLevelCode(code)) {
            throw GIVE_UP;
        }
        ControlLevel made = ControlLevel.of(code, rank);
        controlLevels.put(code, made);
        return made;
    }

    @SuppressWarnings("NullAway") // a required member left null is refused by the bits check first
    private Assessment assessment(JsonParser p, JsonToken first) {
        object(first);
        AssessmentId id = null;
        MethodId method = null;
        SchemeId scheme = null;
        AssessmentKind kind = null;
        AssessmentInput input = null;
        Score score = null;
        Grade grade = null;
        ActorId assessor = null;
        Instant at = null;
        int seen = 0;
        int i;
        while ((i = p.nextNameMatch(ASSESSMENT)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            seen = once(seen, i);
            JsonToken t = value(p);
            switch (i) {
                case 0:
                    id = id(p, t, AssessmentId::of);
                    refs().id("assessment", id.value(), "", "id");
                    break;
                case 1:
                    method = codeId(p, t, methods, MethodId::of);
                    break;
                case 2:
                    scheme = codeId(p, t, schemes, SchemeId::of);
                    refs().scheme(scheme, "", "scheme");
                    break;
                case 3:
                    kind = code(p, t, ASSESSMENT_KINDS);
                    break;
                case 4:
                    input = input(p, t);
                    break;
                case 5:
                    score = score(p, t);
                    break;
                case 6:
                    grade = grade(p, t);
                    break;
                case 7:
                    assessor = sharedId(p, t, assessors, ActorId::of);
                    break;
                default:
                    at = instant(string(p, t));
                    break;
            }
        }
        if (seen != 0x1FF) {
            throw GIVE_UP;
        }
        return new Assessment(id, method, scheme, input, score, grade, kind, assessor, at);
    }

    /**
     * The input object, as {@link AssessmentInput#of} makes it of its members in order (each key a factor key, none
     * repeated, each value a decimal as {@link #decimal} reads it). The values are found by their number text in
     * {@link #factors}, and an input whose keys and values were read before is the input made then.
     */
    private AssessmentInput input(JsonParser p, JsonToken first) {
        object(first);
        InputKey key = probe;
        Map<String, BigDecimal> many = null; // past INPUT_KEYS members: the plain map, as it comes
        int n = 0;
        String name;
        while ((name = p.nextName()) != null) {
            JsonToken t = value(p);
            if (!ModelReader.isFactorKey(name)) {
                throw GIVE_UP; // a bad key
            }
            if (many != null) {
                if (many.put(name, decimal(p, t)) != null) {
                    throw GIVE_UP; // a repeated key
                }
                continue;
            }
            Factor f = factor(p, t);
            for (int j = 0; j < n; j++) {
                if (key.keys[j].equals(name)) {
                    throw GIVE_UP; // a repeated key
                }
            }
            if (n == INPUT_KEYS) {
                many = new LinkedHashMap<>();
                for (int j = 0; j < n; j++) {
                    many.put(key.keys[j], inputFactors[j].value);
                }
                many.put(name, f.value);
                continue;
            }
            key.keys[n] = name;
            key.ids[n] = f.id;
            inputFactors[n] = f;
            n++;
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw GIVE_UP;
        }
        if (many != null) {
            return AssessmentInput.of(many);
        }
        key.size = n;
        AssessmentInput known = inputs.get(key);
        if (known != null) {
            return known;
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            values.put(key.keys[j], inputFactors[j].value);
        }
        AssessmentInput made = AssessmentInput.of(values);
        if (inputs.size() < INPUTS_MAX) {
            inputs.put(key.copy(), made);
        }
        return made;
    }

    /** The value of the number the parser is on, found by its text in {@link #factors} or read and kept there. */
    private Factor factor(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw GIVE_UP;
        }
        char[] chars = p.getStringCharacters();
        int off = p.getStringOffset();
        int len = p.getStringLength();
        Factor known = factors.get(chars, off, len);
        if (known != null) {
            return known;
        }
        String text = new String(chars, off, len);
        Factor made = new Factor(decimal(p, t), nextFactor++);
        factors.put(text, made);
        return made;
    }

    /** A factor value read, with its number in {@link #factors}. */
    private record Factor(BigDecimal value, int id) {
    }

    /**
     * The factor keys of an input and the numbers of its values in {@link #factors}, in order: equal keys mean
     * equal inputs. The reader's probe is filled in place; a copy is kept.
     */
    static final class InputKey {
        final String[] keys;
        final int[] ids;
        int size;

        InputKey(String[] keys, int[] ids) {
            this.keys = keys;
            this.ids = ids;
        }

        InputKey copy() {
            InputKey c = new InputKey(Arrays.copyOf(keys, size), Arrays.copyOf(ids, size));
            c.size = size;
            return c;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            if (!(o instanceof InputKey)) {
                return false;
            }
            InputKey k = (InputKey) o;
            if (k.size != size) {
                return false;
            }
            for (int i = 0; i < size; i++) {
                if (k.ids[i] != ids[i] || !k.keys[i].equals(keys[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = size;
            for (int i = 0; i < size; i++) {
                h = 31 * (31 * h + keys[i].hashCode()) + ids[i];
            }
            return h;
        }
    }

    @SuppressWarnings("NullAway") // a required member left null is refused by the bits check first
    private Score score(JsonParser p, JsonToken first) {
        if (first != JsonToken.START_OBJECT) {
            return Score.of(decimal(p, first));
        }
        BigDecimal value = null;
        int row = 0;
        int column = 0;
        int seen = 0;
        int i;
        while ((i = p.nextNameMatch(CELL)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            seen = once(seen, i);
            JsonToken t = value(p);
            if (i == 0) {
                value = decimal(p, t);
            } else if (i == 1) {
                row = (int) integer(p, t, 1, 1000);
            } else {
                column = (int) integer(p, t, 1, 1000);
            }
        }
        if (seen != 7) {
            throw GIVE_UP;
        }
        return Score.ofCell(row, column, value);
    }

    @SuppressWarnings("NullAway") // a required member left null is refused by the bits check first
    private Grade grade(JsonParser p, JsonToken first) {
        object(first);
        String code = null;
        String name = null;
        RiskLevel level = null;
        String action = null;
        int seen = 0;
        int i;
        while ((i = p.nextNameMatch(GRADE)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            seen = once(seen, i);
            JsonToken t = value(p);
            switch (i) {
                case 0:
                    code = gradeText(p, t);
                    break;
                case 1:
                    name = gradeText(p, t);
                    break;
                case 2:
                    level = code(p, t, LEVELS);
                    break;
                default:
                    action = gradeText(p, t);
                    break;
            }
        }
        if (seen != 0xF) {
            throw GIVE_UP;
        }
        for (Grade g : grades) {
            if (g != null && g.code() == code && g.name() == name && g.level() == level && g.action() == action) {
                return g; // the same texts (by identity) and level: an equal grade, already checked
            }
        }
        Grade made = new Grade(code, name, level, action);
        grades[nextGrade] = made;
        nextGrade = (nextGrade + 1) % grades.length;
        return made;
    }

    @SuppressWarnings("NullAway") // a required member left null is refused by the bits check first
    private ReassessmentFlag flag(JsonParser p, JsonToken first) {
        object(first);
        String reason = null;
        String source = null;
        Instant at = null;
        int seen = 0;
        int i;
        while ((i = p.nextNameMatch(FLAG)) != PropertyNameMatcher.MATCH_END_OBJECT) {
            seen = once(seen, i);
            JsonToken t = value(p);
            if (i == 0) {
                reason = checkedByModel(p, t);
            } else if (i == 1) {
                source = checkedByModel(p, t);
            } else {
                at = instant(string(p, t));
            }
        }
        if (seen != 7) {
            throw GIVE_UP;
        }
        return new ReassessmentFlag(reason, source, at);
    }

    /**
     * The JSON Pointer of the assessment being read, built only when read (a warning of its recomputation). It
     * changes as the reading goes on, so it is read at once or not at all (the recomputation does so).
     */
    private static final class Where implements CharSequence {
        long point;
        int hazard;
        int assessment;

        @Override
        public String toString() {
            return "/riskPoints/" + point + "/hazards/" + hazard + "/assessments/" + assessment;
        }

        @Override
        public int length() {
            return toString().length();
        }

        @Override
        public char charAt(int index) {
            return toString().charAt(index);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return toString().subSequence(from, to);
        }
    }
}
