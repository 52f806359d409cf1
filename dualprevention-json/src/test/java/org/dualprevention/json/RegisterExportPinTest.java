package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import java.math.BigDecimal;
import java.util.Map;

import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.Score;

import org.dualprevention.json.support.NonClosingOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the register export byte for byte: {@link RegisterDocument#write} must write exactly what the writer of
 * 2026-12-05 wrote (copied below, unchanged but for its names, as the reference) for seeded generated registers.
 * A change of the export's bytes must be deliberate: change the reference with it, and say so in the changelog.
 */
class RegisterExportPinTest {
    @TestFactory
    Stream<DynamicTest> exportIsByteIdenticalToTheReferenceWriter() {
        return LongStream.range(0, 400).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Gen.Register r = new Gen(seed).register();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            Reference.write(expected, r.header(), r.riskPoints());
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            RegisterDocument.write(actual, r.header(), r.riskPoints());
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), () -> "seed " + seed + ":\nexpected "
                    + expected.toString(StandardCharsets.UTF_8) + "\nactual   " + actual.toString(StandardCharsets.UTF_8));
        }));
    }

    /** Decimals of every shape (negative scales, tiny and huge values) are written as the reference writes them. */
    @Test
    void decimalsAreWrittenAsTheReferenceWritesThem() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(20261206L);
        for (int i = 0; i < 20_000; i++) {
            long seed = rnd.nextLong();
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            java.math.BigInteger unscaled = java.math.BigInteger.valueOf(r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L)
                    >> r.nextInt(40));
            BigDecimal made = new BigDecimal(unscaled, r.nextInt(-12, 30));
            BigDecimal d = r.nextBoolean() && made.signum() != 0 ? made.stripTrailingZeros() : made;
            if (r.nextBoolean()) {
                d.toString(); // a BigDecimal that has formatted itself once already
            }
            assertEquals(text(g -> Reference.decimal(g, d)), text(g -> ModelWriter.decimal(g, d)), "seed " + seed + ": " + d);
        }
    }

    private static String text(java.util.function.Consumer<JsonGenerator> write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = DualPreventionJson.mapper().createGenerator(out)) {
            write.accept(g);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The writer of RegisterDocument and ModelWriter as of 2026-12-05, the reference of the bytes. */
    private static final class Reference {
        private static final String FORMAT = "dualprevention.register";
        private static final int CURRENT_VERSION = 1;
        private static final JsonMapper WRITER = DualPreventionJson.mapper();

        static void write(OutputStream out, RegisterHeader header, Iterable<RiskPoint> riskPoints) {
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(riskPoints, "riskPoints");
            try (JsonGenerator g = WRITER.createGenerator(new NonClosingOutputStream(out))) {
                g.writeStartObject();
                g.writeStringProperty("format", FORMAT);
                g.writeNumberProperty("version", CURRENT_VERSION);
                g.writeName("organization");
                organization(g, header.organization());
                g.writeArrayPropertyStart("gradingSchemes");
                for (GradingSchemeRef s : header.gradingSchemes()) {
                    g.writeStartObject();
                    g.writeStringProperty("id", s.id().value());
                    g.writeStringProperty("method", s.method().value());
                    g.writeStringProperty("name", s.name());
                    g.writeStringProperty("source", s.source());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayPropertyStart("riskPoints");
                for (RiskPoint r : riskPoints) {
                    riskPoint(g, r);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        static void organization(JsonGenerator g, Organization o) {
            g.writeStartObject();
            g.writeArrayPropertyStart("units");
            for (OrgUnit u : o.units()) {
                orgUnit(g, u);
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        static void orgUnit(JsonGenerator g, OrgUnit u) {
            g.writeStartObject();
            g.writeStringProperty("id", u.id().value());
            g.writeStringProperty("name", u.name());
            g.writeName("level");
            controlLevel(g, u.level());
            if (u.parent().isPresent()) {
                g.writeStringProperty("parent", u.parent().get().value());
            }
            g.writeEndObject();
        }

        static void controlLevel(JsonGenerator g, ControlLevel l) {
            g.writeStartObject();
            g.writeStringProperty("code", l.code());
            g.writeNumberProperty("rank", l.rank());
            g.writeEndObject();
        }

        static void riskPoint(JsonGenerator g, RiskPoint r) {
            g.writeStartObject();
            g.writeStringProperty("id", r.id().value());
            g.writeStringProperty("name", r.name());
            g.writeStringProperty("kind", r.kind().code());
            g.writeStringProperty("owningUnit", r.owningUnit().value());
            if (r.zone().isPresent()) {
                g.writeStringProperty("zone", r.zone().get().value());
            }
            g.writeNumberProperty("version", r.version());
            g.writeArrayPropertyStart("hazards");
            for (Hazard h : r.hazards()) {
                hazard(g, h);
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        static void hazard(JsonGenerator g, Hazard h) {
            g.writeStartObject();
            g.writeStringProperty("id", h.id().value());
            g.writeStringProperty("description", h.description());
            g.writeStringProperty("category", h.category().code());
            g.writeArrayPropertyStart("accidentTypes");
            for (AccidentType t : h.accidentTypes()) {
                g.writeString(t.code());
            }
            g.writeEndArray();
            g.writeStringProperty("causes", h.causes());
            g.writeStringProperty("consequences", h.consequences());
            g.writeArrayPropertyStart("measures");
            for (ControlMeasure m : h.measures()) {
                controlMeasure(g, m);
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("assessments");
            for (Assessment a : h.assessments()) {
                assessment(g, a);
            }
            g.writeEndArray();
            if (h.reassessment().isPresent()) {
                g.writeName("reassessment");
                reassessmentFlag(g, h.reassessment().get());
            }
            g.writeEndObject();
        }

        static void controlMeasure(JsonGenerator g, ControlMeasure m) {
            g.writeStartObject();
            g.writeStringProperty("id", m.id().value());
            g.writeStringProperty("category", m.category().code());
            g.writeStringProperty("description", m.description());
            g.writeName("controlLevel");
            controlLevel(g, m.controlLevel());
            g.writeStringProperty("responsibleUnit", m.responsibleUnit().value());
            g.writeStringProperty("inspectionStandard", m.inspectionStandard());
            g.writeEndObject();
        }

        static void assessment(JsonGenerator g, Assessment a) {
            g.writeStartObject();
            g.writeStringProperty("id", a.id().value());
            g.writeStringProperty("method", a.method().value());
            g.writeStringProperty("scheme", a.scheme().value());
            g.writeStringProperty("kind", a.kind().code());
            g.writeName("input");
            input(g, a.input());
            g.writeName("score");
            score(g, a.score());
            g.writeName("grade");
            grade(g, a.grade());
            g.writeStringProperty("assessor", a.assessor().value());
            g.writeStringProperty("assessedAt", instant(a.assessedAt()));
            g.writeEndObject();
        }

        static void input(JsonGenerator g, AssessmentInput in) {
            g.writeStartObject();
            for (Map.Entry<String, BigDecimal> e : in.values().entrySet()) {
                g.writeName(e.getKey());
                decimal(g, e.getValue());
            }
            g.writeEndObject();
        }

        static void score(JsonGenerator g, Score s) {
            if (!s.isCell()) {
                decimal(g, s.value());
                return;
            }
            g.writeStartObject();
            g.writeName("value");
            decimal(g, s.value());
            g.writeNumberProperty("row", s.row().orElseThrow());
            g.writeNumberProperty("column", s.column().orElseThrow());
            g.writeEndObject();
        }

        static void grade(JsonGenerator g, Grade gr) {
            g.writeStartObject();
            g.writeStringProperty("code", gr.code());
            g.writeStringProperty("name", gr.name());
            g.writeStringProperty("level", gr.level().code());
            g.writeStringProperty("action", gr.action());
            g.writeEndObject();
        }

        static void reassessmentFlag(JsonGenerator g, ReassessmentFlag f) {
            g.writeStartObject();
            g.writeStringProperty("reason", f.reason());
            g.writeStringProperty("source", f.source());
            g.writeStringProperty("flaggedAt", instant(f.flaggedAt()));
            g.writeEndObject();
        }

        /** Writes an exact decimal as a JSON number in plain notation, never through {@code double}. */
        static void decimal(JsonGenerator g, BigDecimal d) {
            g.writeNumber(d.toPlainString());
        }

        /**
         * Formats an instant exactly as {@link java.time.Instant#toString()} does (ISO-8601 in UTC, the fraction
         * in groups of three digits), without a {@code DateTimeFormatter} for years 0 to 9999, which made it a
         * third of the export time.
         */
        static String instant(java.time.Instant t) {
            long seconds = t.getEpochSecond();
            if (seconds < -62_167_219_200L || seconds >= 253_402_300_800L) {
                return t.toString();
            }
            long days = Math.floorDiv(seconds, 86_400L);
            int secs = (int) Math.floorMod(seconds, 86_400L);
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
            StringBuilder b = new StringBuilder(30);
            pad(b, d.getYear(), 4).append('-');
            pad(b, d.getMonthValue(), 2).append('-');
            pad(b, d.getDayOfMonth(), 2).append('T');
            pad(b, secs / 3600, 2).append(':');
            pad(b, secs / 60 % 60, 2).append(':');
            pad(b, secs % 60, 2);
            int nano = t.getNano();
            if (nano != 0) {
                b.append('.');
                if (nano % 1_000_000 == 0) {
                    pad(b, nano / 1_000_000, 3);
                } else if (nano % 1000 == 0) {
                    pad(b, nano / 1000, 6);
                } else {
                    pad(b, nano, 9);
                }
            }
            return b.append('Z').toString();
        }

        private static StringBuilder pad(StringBuilder b, int value, int width) {
            String s = Integer.toString(value);
            for (int i = s.length(); i < width; i++) {
                b.append('0');
            }
            return b.append(s);
        }
    }
}
