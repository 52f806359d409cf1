package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardCategoryGroup;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Write then read is the identity for every model type, over many seeds. */
class ModuleRoundTripTest {
    private static final int SEEDS = 300;
    private final JsonMapper mapper = DualPreventionJson.mapper();

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
    Stream<DynamicTest> everyModelTypeRoundTrips() {
        return LongStream.range(0, SEEDS).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Gen g = new Gen(seed);
            Organization org = g.organization();
            roundTrip(seed, org, Organization.class);
            org.units().forEach(u -> roundTrip(seed, u, org.dualprevention.organization.OrgUnit.class));
            org.levels().forEach(l -> roundTrip(seed, l, ControlLevel.class));
            RiskPoint rp = g.riskPoint(org);
            roundTrip(seed, rp, RiskPoint.class);
            roundTrip(seed, rp.id(), RiskPointId.class);
            Hazard h = g.hazard(org);
            roundTrip(seed, h, Hazard.class);
            roundTrip(seed, h.id(), HazardId.class);
            roundTrip(seed, g.measure(org), org.dualprevention.risk.ControlMeasure.class);
            Assessment a = g.assessment();
            roundTrip(seed, a, Assessment.class);
            roundTrip(seed, a.input(), AssessmentInput.class);
            roundTrip(seed, a.assessor(), ActorId.class);
            roundTrip(seed, a.method(), MethodId.class);
            roundTrip(seed, a.scheme(), SchemeId.class);
            roundTrip(seed, g.score(), Score.class);
            roundTrip(seed, g.grade(), Grade.class);
            roundTrip(seed, g.flag(), org.dualprevention.risk.ReassessmentFlag.class);
            roundTrip(seed, g.category(), HazardCategory.class);
            roundTrip(seed, AssessmentInput.of(Map.of("X", g.decimal(), "y_1", g.decimal())), AssessmentInput.class);
        }));
    }

    @Test
    void everyEnumConstantIsItsCode() {
        List<Enum<?>> all = new ArrayList<>();
        all.addAll(List.of(RiskLevel.values()));
        all.addAll(List.of(AccidentType.values()));
        all.addAll(List.of(AssessmentKind.values()));
        all.addAll(List.of(MeasureCategory.values()));
        all.addAll(List.of(RiskPointKind.values()));
        all.addAll(List.of(HazardCategoryGroup.values()));
        for (Enum<?> e : all) {
            String code;
            try {
                code = (String) e.getClass().getMethod("code").invoke(e);
            } catch (ReflectiveOperationException ex) {
                throw new AssertionError(ex);
            }
            String json = mapper.writeValueAsString(e);
            assertEquals("\"" + code + "\"", json, e.getClass().getSimpleName() + "." + e.name());
            assertEquals(e, mapper.readValue(json, e.getDeclaringClass()));
        }
    }

    @Test
    void decimalsAreExactJsonNumbersWithoutDoubleRounding() {
        Score s = Score.of(new BigDecimal("120.000000000000000000001"));
        assertEquals("120.000000000000000000001", mapper.writeValueAsString(s));
        // 0.2 * 6 * 100 in double is 120.00000000000001; exactly 120 here
        Score lec = TestScoring.LEC.evaluate(AssessmentInput.of(Map.of("L", new BigDecimal("0.2"), "E", 6, "C", 100)));
        assertEquals("120", mapper.writeValueAsString(lec));
        assertEquals(Score.of(new BigDecimal("0.1")), mapper.readValue("0.10", Score.class));
        assertEquals("0.0000001", mapper.writeValueAsString(Score.of(new BigDecimal("1E-7"))));
        assertEquals("{\"value\":12,\"row\":3,\"column\":4}", mapper.writeValueAsString(Score.ofCell(3, 4, BigDecimal.valueOf(12))));
    }

    @Test
    void idsAreStringsAlsoAsMapKeys() {
        Map<RiskPointId, OrgUnitId> m = new LinkedHashMap<>();
        m.put(RiskPointId.of("rp/1"), OrgUnitId.of("u 1"));
        String json = mapper.writeValueAsString(m);
        assertEquals("{\"rp/1\":\"u 1\"}", json);
        assertEquals(m, mapper.readValue(json, new TypeReference<Map<RiskPointId, OrgUnitId>>() { }));
        assertEquals("\"2024-05-01T08:30:00Z\"", mapper.writeValueAsString(java.time.Instant.parse("2024-05-01T08:30:00Z")));
    }

    @Test
    void badValuesRaiseJsonImportExceptionWithPointers() {
        JsonImportException e = assertThrows(JsonImportException.class, () -> mapper.readValue(
                "{\"code\":\"\",\"name\":\"n\",\"level\":\"purple\",\"action\":1,\"extra\":true}", Grade.class));
        List<String> paths = e.violations().stream().map(v -> v.path()).toList();
        assertEquals(List.of("/extra", "/code", "/level", "/action"), paths, e.getMessage());
        assertTrue(e.violations().get(2).allowed().contains("major"), e.getMessage());
        assertThrows(JsonImportException.class, () -> mapper.readValue("\"MAJOR\"", RiskLevel.class));
        assertThrows(JsonImportException.class, () -> mapper.readValue("\"\"", RiskPointId.class));
        assertThrows(JsonImportException.class, () -> mapper.readValue("\"lec\"", MethodId.class));
        assertThrows(JsonImportException.class, () -> mapper.readValue("1e400", Score.class));
        JsonImportException nested = assertThrows(JsonImportException.class, () -> mapper.readValue(
                "{\"a\":[{\"code\":\"1\",\"name\":\"n\",\"level\":\"major\"}]}",
                new TypeReference<Map<String, List<Grade>>>() { }));
        assertEquals("/a/0/action", nested.violations().get(0).path(), nested.getMessage());
    }

    @Test
    void mapperFoundByServiceLoaderUsesTheModule() {
        JsonMapper found = JsonMapper.builder().findAndAddModules().build();
        assertEquals("\"major\"", found.writeValueAsString(RiskLevel.MAJOR));
        Consumer<String> unused = s -> { };
        unused.accept("");
    }
}
