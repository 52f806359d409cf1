package org.dualprevention.json;

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

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes model values as JSON, field by field, in the canonical order of the JSON Schemas. The one place
 * that knows the JSON shape of a model type on the way out; {@link ModelReader} is its mirror.
 */
final class ModelWriter {
    /*
     * The property names, encoded once: a generator copies their quoted UTF-8 bytes instead of encoding each name
     * at every write (as Jackson's own serializers do).
     */
    static final SerializableString N_ACCIDENT_TYPES = new SerializedString("accidentTypes");
    static final SerializableString N_ACTION = new SerializedString("action");
    static final SerializableString N_ASSESSED_AT = new SerializedString("assessedAt");
    static final SerializableString N_ASSESSMENTS = new SerializedString("assessments");
    static final SerializableString N_ASSESSOR = new SerializedString("assessor");
    static final SerializableString N_CATEGORY = new SerializedString("category");
    static final SerializableString N_CAUSES = new SerializedString("causes");
    static final SerializableString N_CODE = new SerializedString("code");
    static final SerializableString N_COLUMN = new SerializedString("column");
    static final SerializableString N_CONSEQUENCES = new SerializedString("consequences");
    static final SerializableString N_CONTROL_LEVEL = new SerializedString("controlLevel");
    static final SerializableString N_DESCRIPTION = new SerializedString("description");
    static final SerializableString N_FLAGGED_AT = new SerializedString("flaggedAt");
    static final SerializableString N_GRADE = new SerializedString("grade");
    static final SerializableString N_HAZARDS = new SerializedString("hazards");
    static final SerializableString N_ID = new SerializedString("id");
    static final SerializableString N_INPUT = new SerializedString("input");
    static final SerializableString N_INSPECTION_STANDARD = new SerializedString("inspectionStandard");
    static final SerializableString N_KIND = new SerializedString("kind");
    static final SerializableString N_LEVEL = new SerializedString("level");
    static final SerializableString N_MEASURES = new SerializedString("measures");
    static final SerializableString N_METHOD = new SerializedString("method");
    static final SerializableString N_NAME = new SerializedString("name");
    static final SerializableString N_OWNING_UNIT = new SerializedString("owningUnit");
    static final SerializableString N_PARENT = new SerializedString("parent");
    static final SerializableString N_RANK = new SerializedString("rank");
    static final SerializableString N_REASON = new SerializedString("reason");
    static final SerializableString N_REASSESSMENT = new SerializedString("reassessment");
    static final SerializableString N_RESPONSIBLE_UNIT = new SerializedString("responsibleUnit");
    static final SerializableString N_ROW = new SerializedString("row");
    static final SerializableString N_SCHEME = new SerializedString("scheme");
    static final SerializableString N_SCORE = new SerializedString("score");
    static final SerializableString N_SOURCE = new SerializedString("source");
    static final SerializableString N_UNITS = new SerializedString("units");
    static final SerializableString N_VALUE = new SerializedString("value");
    static final SerializableString N_VERSION = new SerializedString("version");
    static final SerializableString N_ZONE = new SerializedString("zone");

    private ModelWriter() {
    }

    /** Writes a string property under a pre-encoded name. */
    static void string(JsonGenerator g, SerializableString name, String value) {
        g.writeName(name);
        g.writeString(value);
    }

    /** Writes a number property under a pre-encoded name. */
    static void number(JsonGenerator g, SerializableString name, long value) {
        g.writeName(name);
        g.writeNumber(value);
    }

    static void organization(JsonGenerator g, Organization o) {
        g.writeStartObject();
        g.writeName(N_UNITS);
        g.writeStartArray();
        for (OrgUnit u : o.units()) {
            orgUnit(g, u);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void orgUnit(JsonGenerator g, OrgUnit u) {
        g.writeStartObject();
        string(g, N_ID, u.id().value());
        string(g, N_NAME, u.name());
        g.writeName(N_LEVEL);
        controlLevel(g, u.level());
        if (u.parent().isPresent()) {
            string(g, N_PARENT, u.parent().get().value());
        }
        g.writeEndObject();
    }

    static void controlLevel(JsonGenerator g, ControlLevel l) {
        g.writeStartObject();
        string(g, N_CODE, l.code());
        number(g, N_RANK, l.rank());
        g.writeEndObject();
    }

    static void riskPoint(JsonGenerator g, RiskPoint r) {
        g.writeStartObject();
        string(g, N_ID, r.id().value());
        string(g, N_NAME, r.name());
        string(g, N_KIND, r.kind().code());
        string(g, N_OWNING_UNIT, r.owningUnit().value());
        if (r.zone().isPresent()) {
            string(g, N_ZONE, r.zone().get().value());
        }
        number(g, N_VERSION, r.version());
        g.writeName(N_HAZARDS);
        g.writeStartArray();
        for (Hazard h : r.hazards()) {
            hazard(g, h);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void hazard(JsonGenerator g, Hazard h) {
        g.writeStartObject();
        string(g, N_ID, h.id().value());
        string(g, N_DESCRIPTION, h.description());
        string(g, N_CATEGORY, h.category().code());
        g.writeName(N_ACCIDENT_TYPES);
        g.writeStartArray();
        for (AccidentType t : h.accidentTypes()) {
            g.writeString(t.code());
        }
        g.writeEndArray();
        string(g, N_CAUSES, h.causes());
        string(g, N_CONSEQUENCES, h.consequences());
        g.writeName(N_MEASURES);
        g.writeStartArray();
        for (ControlMeasure m : h.measures()) {
            controlMeasure(g, m);
        }
        g.writeEndArray();
        g.writeName(N_ASSESSMENTS);
        g.writeStartArray();
        for (Assessment a : h.assessments()) {
            assessment(g, a);
        }
        g.writeEndArray();
        if (h.reassessment().isPresent()) {
            g.writeName(N_REASSESSMENT);
            reassessmentFlag(g, h.reassessment().get());
        }
        g.writeEndObject();
    }

    static void controlMeasure(JsonGenerator g, ControlMeasure m) {
        g.writeStartObject();
        string(g, N_ID, m.id().value());
        string(g, N_CATEGORY, m.category().code());
        string(g, N_DESCRIPTION, m.description());
        g.writeName(N_CONTROL_LEVEL);
        controlLevel(g, m.controlLevel());
        string(g, N_RESPONSIBLE_UNIT, m.responsibleUnit().value());
        string(g, N_INSPECTION_STANDARD, m.inspectionStandard());
        g.writeEndObject();
    }

    static void assessment(JsonGenerator g, Assessment a) {
        g.writeStartObject();
        string(g, N_ID, a.id().value());
        string(g, N_METHOD, a.method().value());
        string(g, N_SCHEME, a.scheme().value());
        string(g, N_KIND, a.kind().code());
        g.writeName(N_INPUT);
        input(g, a.input());
        g.writeName(N_SCORE);
        score(g, a.score());
        g.writeName(N_GRADE);
        grade(g, a.grade());
        string(g, N_ASSESSOR, a.assessor().value());
        g.writeName(N_ASSESSED_AT);
        instant(g, a.assessedAt());
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
        g.writeName(N_VALUE);
        decimal(g, s.value());
        number(g, N_ROW, s.row().orElseThrow());
        number(g, N_COLUMN, s.column().orElseThrow());
        g.writeEndObject();
    }

    static void grade(JsonGenerator g, Grade gr) {
        g.writeStartObject();
        string(g, N_CODE, gr.code());
        string(g, N_NAME, gr.name());
        string(g, N_LEVEL, gr.level().code());
        string(g, N_ACTION, gr.action());
        g.writeEndObject();
    }

    static void reassessmentFlag(JsonGenerator g, ReassessmentFlag f) {
        g.writeStartObject();
        string(g, N_REASON, f.reason());
        string(g, N_SOURCE, f.source());
        g.writeName(N_FLAGGED_AT);
        instant(g, f.flaggedAt());
        g.writeEndObject();
    }

    /** Writes an exact decimal as a JSON number in plain notation, never through {@code double}. */
    static void decimal(JsonGenerator g, BigDecimal d) {
        // toString() is the plain notation when the scale is not negative and the adjusted exponent is -6 or more,
        // and a BigDecimal keeps its toString(): a register's few distinct factor values are then formatted once
        boolean plain = d.scale() >= 0 && (long) d.precision() - 1 - d.scale() >= -6;
        g.writeNumber(plain ? d.toString() : d.toPlainString());
    }

    /**
     * Writes an instant as the string {@link #instant(java.time.Instant)} gives, from a buffer of the thread's
     * generator-sized scratch instead of a new string (an export writes one per assessment).
     */
    static void instant(JsonGenerator g, java.time.Instant t) {
        char[] b = SCRATCH.get();
        int n = instant(b, t);
        if (n < 0) {
            g.writeString(t.toString());
        } else {
            g.writeString(b, 0, n);
        }
    }

    private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[32]);

    /**
     * Formats an instant exactly as {@link java.time.Instant#toString()} does (ISO-8601 in UTC, the fraction
     * in groups of three digits), without a {@code DateTimeFormatter} for years 0 to 9999, which made it a
     * third of the export time.
     */
    static String instant(java.time.Instant t) {
        char[] b = new char[32];
        int n = instant(b, t);
        return n < 0 ? t.toString() : new String(b, 0, n);
    }

    /** Formats into {@code b} (at least 30 chars) as {@link #instant(java.time.Instant)}; its length, or -1 outside years 0 to 9999. */
    private static int instant(char[] b, java.time.Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < -62_167_219_200L || seconds >= 253_402_300_800L) {
            return -1;
        }
        long days = Math.floorDiv(seconds, 86_400L);
        int secs = (int) Math.floorMod(seconds, 86_400L);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(days);
        int i = pad(b, 0, d.getYear(), 4);
        b[i++] = '-';
        i = pad(b, i, d.getMonthValue(), 2);
        b[i++] = '-';
        i = pad(b, i, d.getDayOfMonth(), 2);
        b[i++] = 'T';
        i = pad(b, i, secs / 3600, 2);
        b[i++] = ':';
        i = pad(b, i, secs / 60 % 60, 2);
        b[i++] = ':';
        i = pad(b, i, secs % 60, 2);
        int nano = t.getNano();
        if (nano != 0) {
            b[i++] = '.';
            if (nano % 1_000_000 == 0) {
                i = pad(b, i, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                i = pad(b, i, nano / 1000, 6);
            } else {
                i = pad(b, i, nano, 9);
            }
        }
        b[i++] = 'Z';
        return i;
    }

    /** Writes {@code value} (0 ≤ value < 10^width) with leading zeros to {@code width} digits at {@code at}. */
    private static int pad(char[] b, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            b[k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
