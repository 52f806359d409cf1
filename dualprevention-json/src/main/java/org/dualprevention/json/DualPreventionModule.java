package org.dualprevention.json;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.dualprevention.ValidationException;
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
import org.dualprevention.risk.HazardCategoryGroup;
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

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.Version;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The Jackson 3 module for every dualprevention model type. The model carries no Jackson annotation: each
 * type has an explicit serializer and deserializer here.
 *
 * <ul>
 *   <li>Typed ids ({@link RiskPointId}, {@link OrgUnitId}, {@link MethodId}, …) are JSON strings, also as
 *       map keys.</li>
 *   <li>Enums ({@link RiskLevel}, {@link AccidentType}, …) and {@link HazardCategory} are their stable
 *       {@code code()} strings, never names or ordinals.</li>
 *   <li>Instants are ISO-8601 strings in UTC ({@code 2024-05-01T08:30:00Z}).</li>
 *   <li>Scores and factor values are JSON numbers written from the exact {@code BigDecimal} in plain
 *       notation; a matrix score is {@code {"value", "row", "column"}}. Read them exactly by enabling
 *       {@code USE_BIG_DECIMAL_FOR_FLOATS}, as {@link DualPreventionJson#mapper()} does.</li>
 *   <li>Hidden-danger audit entries ({@code AuditEntry}) are objects whose {@code hash} is checked against
 *       their contents on reading; hidden-danger and inspection ids and enums are strings and codes. A
 *       {@code HiddenDanger} itself is not bound here: it is rebuilt by replaying its audit chain, as
 *       {@link HiddenDangerLedger} does.</li>
 *   <li>Inspection plans (with their schedule and items), inspection tasks (with their items and recorded
 *       results) and good practices are objects; dates are ISO-8601 dates, shift starts ISO-8601 local
 *       times, shift lengths ISO-8601 durations, evidence absolute URI strings.</li>
 *   <li>Objects are strict: an unknown, missing, ill-typed or disallowed field raises a
 *       {@link JsonImportException} listing every problem with its JSON Pointer.</li>
 *   <li>Each value is read within the item limits of {@link JsonLimits} (the defaults, or those given to
 *       {@link DualPreventionJson#mapper(JsonLimits)}); malformed JSON inside a value, a number beyond
 *       {@code BigDecimal}'s range and a breached limit raise a {@link JsonImportException} too.</li>
 * </ul>
 *
 * <p>Registered under {@code META-INF/services/tools.jackson.databind.JacksonModule} and
 * {@code provides tools.jackson.databind.JacksonModule}, so {@code findAndAddModules()} finds it; or add
 * it by hand: {@code JsonMapper.builder().addModule(new DualPreventionModule())}.
 *
 * @since 0.1
 */
public final class DualPreventionModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The module name reported to Jackson. */
    public static final String NAME = "dualprevention";

    /** The limits each value is read within; only used while the constructor registers the deserializers. */
    private final transient JsonLimits limits;

    /** Creates the module with every serializer and deserializer registered, reading within the default limits. */
    public DualPreventionModule() {
        this(JsonLimits.defaults());
    }

    /** Creates the module reading each value within the item limits of {@code limits}. */
    DualPreventionModule(JsonLimits limits) {
        super(NAME, Version.unknownVersion());
        this.limits = limits;
        idType(OrgUnitId.class, OrgUnitId::value, OrgUnitId::of);
        idType(ActorId.class, ActorId::value, ActorId::of);
        idType(RiskPointId.class, RiskPointId::value, RiskPointId::of);
        idType(HazardId.class, HazardId::value, HazardId::of);
        idType(ControlMeasureId.class, ControlMeasureId::value, ControlMeasureId::of);
        idType(AssessmentId.class, AssessmentId::value, AssessmentId::of);
        idType(MapZoneId.class, MapZoneId::value, MapZoneId::of);
        codeIdType(MethodId.class, MethodId::value, MethodId::of);
        codeIdType(SchemeId.class, SchemeId::value, SchemeId::of);
        codeType(RiskLevel.class, RiskLevel::code, RiskLevel::fromCode, RiskLevel.values());
        codeType(RiskPointKind.class, RiskPointKind::code, RiskPointKind::fromCode, RiskPointKind.values());
        codeType(AccidentType.class, AccidentType::code, AccidentType::fromCode, AccidentType.values());
        codeType(AssessmentKind.class, AssessmentKind::code, AssessmentKind::fromCode, AssessmentKind.values());
        codeType(MeasureCategory.class, MeasureCategory::code, MeasureCategory::fromCode, MeasureCategory.values());
        codeType(HazardCategoryGroup.class, HazardCategoryGroup::code, HazardCategoryGroup::fromCode,
                HazardCategoryGroup.values());
        value(HazardCategory.class, (g, v) -> g.writeString(v.code()), (r, n, p) -> {
            if (n.isString()) {
                try {
                    return HazardCategory.of(n.stringValue());
                } catch (IllegalArgumentException e) {
                    // reported below
                }
            }
            r.problems.add(p, n, "a GB/T 13861 code of 1, 2, 4 or 6 digits starting with 1-4, e.g. 21 or 2101");
            return null;
        });
        value(ControlLevel.class, ModelWriter::controlLevel, ModelReader::controlLevel);
        value(OrgUnit.class, ModelWriter::orgUnit, ModelReader::orgUnit);
        value(Organization.class, ModelWriter::organization, ModelReader::organization);
        value(RiskPoint.class, ModelWriter::riskPoint, ModelReader::riskPoint);
        value(Hazard.class, ModelWriter::hazard, ModelReader::hazard);
        value(ControlMeasure.class, ModelWriter::controlMeasure, ModelReader::controlMeasure);
        value(Assessment.class, ModelWriter::assessment, ModelReader::assessment);
        value(AssessmentInput.class, ModelWriter::input, ModelReader::input);
        value(Score.class, ModelWriter::score, ModelReader::score);
        value(Grade.class, ModelWriter::grade, ModelReader::grade);
        value(ReassessmentFlag.class, ModelWriter::reassessmentFlag, ModelReader::reassessmentFlag);
        ModelTypes.register(this);
    }

    /** Reads one value from a tree at a pointer, reporting problems to the reader; null when it has any. */
    interface TreeReader<T> {
        @Nullable T read(ModelReader reader, JsonNode node, String pointer);
    }

    <T> void value(Class<T> type, BiConsumer<JsonGenerator, T> writer, TreeReader<T> reader) {
        addSerializer(type, new Ser<>(type, writer));
        addDeserializer(type, new Deser<>(type, reader, limits));
    }

    <T> void idType(Class<T> type, Function<T, String> text, Function<String, T> make) {
        value(type, (g, v) -> g.writeString(text.apply(v)), (r, n, p) -> r.idValue(n, p, make));
        key(type, text, make, ModelReader.ID_ALLOWED);
    }

    <T> void codeIdType(Class<T> type, Function<T, String> text, Function<String, T> make) {
        value(type, (g, v) -> g.writeString(text.apply(v)), (r, n, p) -> {
            if (n.isString() && n.stringValue().matches("[A-Z0-9][A-Z0-9_.-]{0,63}")) {
                return make.apply(n.stringValue());
            }
            r.problems.add(p, n, ModelReader.CODE_ID_ALLOWED);
            return null;
        });
        key(type, text, make, ModelReader.CODE_ID_ALLOWED);
    }

    <E> void codeType(Class<E> type, Function<E, String> code, Function<String, E> fromCode, E[] values) {
        var allowed = ModelReader.codes(values, code);
        value(type, (g, v) -> g.writeString(code.apply(v)), (r, n, p) -> r.codeValue(n, p, fromCode, allowed));
    }

    private <T> void key(Class<T> type, Function<T, String> text, Function<String, T> make, String allowed) {
        addKeySerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator g, SerializationContext ctxt) {
                g.writeName(text.apply(value));
            }
        });
        addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) {
                try {
                    return make.apply(key);
                } catch (IllegalArgumentException | ValidationException e) {
                    Problems p = new Problems(1);
                    p.add("", key, allowed);
                    throw new JsonImportException(type.getSimpleName(), p.list());
                }
            }
        });
    }

    private static final class Ser<T> extends StdSerializer<T> {
        private final BiConsumer<JsonGenerator, T> writer;

        Ser(Class<T> type, BiConsumer<JsonGenerator, T> writer) {
            super(type);
            this.writer = writer;
        }

        @Override
        public void serialize(T value, JsonGenerator g, SerializationContext ctxt) {
            writer.accept(g, value);
        }
    }

    private static final class Deser<T> extends StdDeserializer<T> {
        private final Class<T> type;
        private final TreeReader<T> reader;
        private final JsonLimits limits;

        Deser(Class<T> type, TreeReader<T> reader, JsonLimits limits) {
            super(type);
            this.type = type;
            this.reader = reader;
            this.limits = limits;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            String at = p.streamReadContext().pathAsPointer().toString();
            JsonNode node;
            try {
                node = new ItemReader(ctxt.getNodeFactory()).read(p, new ItemReader.Budget(limits, "one " + type.getSimpleName()));
            } catch (ItemReader.TooLarge e) {
                Problems problems = new Problems(1);
                problems.add(at, e.value, e.allowed);
                throw new JsonImportException(type.getSimpleName(), problems.list());
            } catch (StreamReadException e) {
                Problems problems = new Problems(1);
                String where = p.streamReadContext() == null ? at : p.streamReadContext().pathAsPointer().toString();
                TokenStreamLocation l = e.getLocation();
                problems.add(where, l == null ? "(malformed JSON)" : "(malformed JSON at line " + l.getLineNr() + ", column "
                        + l.getColumnNr() + ")", "well-formed JSON within the limits; " + e.getOriginalMessage());
                throw new JsonImportException(type.getSimpleName(), problems.list());
            }
            Problems problems = new Problems(ImportOptions.DEFAULT_MAX_PROBLEMS);
            T value = ModelReader.guarded(problems, at, () -> reader.read(new ModelReader(problems, false), node, at));
            if (value == null || !problems.isEmpty()) {
                if (problems.isEmpty()) {
                    problems.add(at, node, "a " + type.getSimpleName());
                }
                throw new JsonImportException(type.getSimpleName(), problems.list());
            }
            return value;
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) {
            Problems problems = new Problems(1);
            problems.add("", "null", "a " + type.getSimpleName() + " (null is not allowed)");
            throw new JsonImportException(type.getSimpleName(), problems.list());
        }
    }
}
