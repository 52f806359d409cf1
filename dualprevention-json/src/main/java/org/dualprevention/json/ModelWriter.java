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

/**
 * Writes model values as JSON, field by field, in the canonical order of the JSON Schemas. The one place
 * that knows the JSON shape of a model type on the way out; {@link ModelReader} is its mirror.
 */
final class ModelWriter {
    private ModelWriter() {
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
        g.writeStringProperty("assessedAt", a.assessedAt().toString());
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
        g.writeStringProperty("flaggedAt", f.flaggedAt().toString());
        g.writeEndObject();
    }

    /** Writes an exact decimal as a JSON number in plain notation, never through {@code double}. */
    static void decimal(JsonGenerator g, BigDecimal d) {
        g.writeNumber(d.toPlainString());
    }
}
