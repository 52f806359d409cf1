package org.dualprevention.jdbc.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.incident.Incident;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.json.DualPreventionJson;
import org.dualprevention.json.IncidentJson;
import org.dualprevention.json.MajorHazardJson;
import org.dualprevention.learning.TypicalHiddenDanger;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.RiskPointKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code doc} column of the tables of schema version 6: major hazard installations and incidents in their
 * dualprevention-json form ({@link MajorHazardJson}, {@link IncidentJson}); re-check results and typical hidden
 * dangers, which have no public JSON form in this version, in a small form of this module
 * ({@code dualprevention-jdbc-recheck} and {@code dualprevention-jdbc-typical-hidden-danger}, format version 1).
 *
 * <p>Every write is checked by reading the document back: a value the document cannot hold faithfully is refused
 * before anything is stored, with the field, the value and what is allowed.
 */
final class IssueDocs {
    static final String RECHECK = "dualprevention-jdbc-recheck";
    static final String TYPICAL = "dualprevention-jdbc-typical-hidden-danger";

    private static final JsonMapper MAPPER = DualPreventionJson.mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IssueDocs() {
    }

    // ---------------------------------------------------------------- major hazard installations

    static String majorHazard(MajorHazardInstallation i) {
        String doc = text(MajorHazardJson.write(i, Optional.empty()), "major hazard installation [" + i.id() + "]");
        MajorHazardInstallation back;
        try {
            back = MajorHazardJson.read(tree(doc, "major hazard installation [" + i.id() + "]"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("major hazard installation [" + i.id() + "] cannot be stored: "
                    + e.getMessage(), e);
        }
        requireSame("major hazard installation [" + i.id() + "]", i, back);
        return doc;
    }

    static MajorHazardInstallation majorHazard(String doc, String where) {
        try {
            return MajorHazardJson.read(tree(doc, where));
        } catch (RuntimeException e) {
            throw corrupt(where, e);
        }
    }

    // ---------------------------------------------------------------- incidents

    static String incident(Incident i) {
        String doc = text(IncidentJson.write(i), "incident [" + i.id() + "]");
        Incident back;
        try {
            back = IncidentJson.read(tree(doc, "incident [" + i.id() + "]"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("incident [" + i.id() + "] cannot be stored: " + e.getMessage(), e);
        }
        requireSame("incident [" + i.id() + "]", i, back);
        return doc;
    }

    static Incident incident(String doc, String where) {
        try {
            return IncidentJson.read(tree(doc, where));
        } catch (RuntimeException e) {
            throw corrupt(where, e);
        }
    }

    // ---------------------------------------------------------------- re-check results

    static String recheck(RecheckId id, RecheckResult r) {
        ObjectNode o = NODES.objectNode();
        o.put("format", RECHECK);
        o.put("formatVersion", 1);
        o.put("danger", id.danger().value());
        o.put("round", id.round());
        o.put("passed", r.passed());
        o.put("checkedBy", r.checkedBy().value());
        o.put("checkedOn", r.checkedOn().toString());
        o.put("note", r.note());
        String doc = text(o, "look-back re-check [" + id + "]");
        requireSame("look-back re-check [" + id + "]", r, recheck(doc, "look-back re-check [" + id + "]"));
        return doc;
    }

    static RecheckResult recheck(String doc, String where) {
        try {
            JsonNode n = tree(doc, where);
            format(n, RECHECK, where);
            return new RecheckResult(bool(n, "passed", where), ActorId.of(str(n, "checkedBy", where)),
                    LocalDate.parse(str(n, "checkedOn", where)), str(n, "note", where));
        } catch (RuntimeException e) {
            throw corrupt(where, e);
        }
    }

    static RecheckId recheckId(String doc, String where) {
        try {
            JsonNode n = tree(doc, where);
            JsonNode round = n.path("round");
            if (!round.isIntegralNumber() || !round.canConvertToInt()) {
                throw new IllegalArgumentException("round [" + n.get("round") + "]; allowed: a whole number, 1 or more");
            }
            return new RecheckId(HiddenDangerId.of(str(n, "danger", where)), round.asInt());
        } catch (RuntimeException e) {
            throw corrupt(where, e);
        }
    }

    // ---------------------------------------------------------------- typical hidden dangers

    static String typical(TypicalHiddenDanger t) {
        ObjectNode o = NODES.objectNode();
        o.put("format", TYPICAL);
        o.put("formatVersion", 1);
        o.put("source", t.source().value());
        o.put("title", t.title());
        o.put("description", t.description());
        t.riskPointKind().ifPresent(k -> o.put("riskPointKind", k.code()));
        t.hazardCategory().ifPresent(c -> o.put("hazardCategory", c.code()));
        o.put("markedBy", t.markedBy().value());
        o.put("markedAt", t.markedAt().toString());
        o.put("lesson", t.lesson());
        String doc = text(o, "typical hidden danger [" + t.source() + "]");
        requireSame("typical hidden danger [" + t.source() + "]", t, typical(doc, "typical hidden danger [" + t.source() + "]"));
        return doc;
    }

    static TypicalHiddenDanger typical(String doc, String where) {
        try {
            JsonNode n = tree(doc, where);
            format(n, TYPICAL, where);
            Optional<RiskPointKind> kind = n.has("riskPointKind")
                    ? Optional.of(RiskPointKind.fromCode(str(n, "riskPointKind", where))) : Optional.empty();
            Optional<HazardCategory> category = n.has("hazardCategory")
                    ? Optional.of(new HazardCategory(str(n, "hazardCategory", where))) : Optional.empty();
            return new TypicalHiddenDanger(HiddenDangerId.of(str(n, "source", where)), str(n, "title", where),
                    str(n, "description", where), kind, category, ActorId.of(str(n, "markedBy", where)),
                    Instant.parse(str(n, "markedAt", where)), str(n, "lesson", where));
        } catch (RuntimeException e) {
            throw corrupt(where, e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void requireSame(String what, Object value, Object back) {
        if (!value.equals(back)) {
            throw new IllegalArgumentException(what + " cannot be stored faithfully: its document reads back as ["
                    + back + "] instead of [" + value + "]");
        }
    }

    private static void format(JsonNode n, String format, String where) {
        if (!format.equals(n.path("format").asString(""))
                || !n.path("formatVersion").isIntegralNumber() || n.path("formatVersion").asInt() != 1) {
            throw new IllegalArgumentException(where + ": format [" + n.get("format") + "] version ["
                    + n.get("formatVersion") + "]; allowed: " + format + " version 1");
        }
    }

    private static String str(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(where + ": field [" + field + "] is [" + v + "]; allowed: text");
        }
        return v.asString();
    }

    private static boolean bool(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new IllegalArgumentException(where + ": field [" + field + "] is [" + v + "]; allowed: true or false");
        }
        return v.asBoolean();
    }

    /** The text of a document about to be stored; a value it cannot hold (e.g. a number of 10,000 digits) is refused. */
    private static String text(JsonNode node, String what) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(what + " cannot be stored: its JSON document cannot be written ("
                    + e.getOriginalMessage() + "); allowed: numbers of at most 1000 digits, text of well-formed Unicode", e);
        }
    }

    private static JsonNode tree(String doc, String where) {
        Objects.requireNonNull(doc, "doc");
        try {
            return MAPPER.readTree(doc);
        } catch (JacksonException e) {
            throw new JdbcStorageException("The document of " + where + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static JdbcStorageException corrupt(String where, RuntimeException e) {
        if (e instanceof JdbcStorageException j) {
            return j;
        }
        return new JdbcStorageException("The stored document of " + where + " cannot be read: " + e.getMessage(), e);
    }
}
