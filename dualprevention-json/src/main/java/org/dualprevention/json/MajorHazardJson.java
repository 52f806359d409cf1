package org.dualprevention.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.Violation;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.SubstanceRef;
import org.dualprevention.hazmat.UnitKind;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a major hazard installation (DOMAIN.md §11), schema
 * {@code major-hazard-installation-1.schema.json} (resource {@link #SCHEMA_RESOURCE}, copy in
 * {@code docs/schema}):
 * <pre>{@code
 * {"format": "dualprevention-major-hazard-installation", "formatVersion": 1,
 *  "id": "tank-farm", "name": "罐区", "kind": "storage", "unit": "plant", "peopleWithin500m": 35,
 *  "riskPoints": ["tanks"], "holdings": [{"basis": "named", "substance": "methanol", "tonnes": 300}],
 *  "version": 1,
 *  "status": {"s": 1.4, "major": true, "alpha": 1.2, "r": 2.16, "grade": "grade-4", "tableEdition": "GB 18218-2018"}}
 * }</pre>
 * {@code status} is written for readers and ignored on reading: the engine derives it again from the
 * holdings and its own table. Reading reports every problem at once, with its JSON Pointer, as a
 * {@link JsonImportException}.
 *
 * @since 0.2
 */
public final class MajorHazardJson {
    /** The value of {@code format}. */
    public static final String FORMAT = "dualprevention-major-hazard-installation";
    /** The classpath resource of the schema. */
    public static final String SCHEMA_RESOURCE = "/org/dualprevention/json/schema/major-hazard-installation-1.schema.json";

    private static final Set<String> FIELDS = Set.of("format", "formatVersion", "id", "name", "kind", "unit",
            "peopleWithin500m", "riskPoints", "holdings", "version", "status");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MajorHazardJson() {
    }

    /**
     * Writes an installation and, optionally, its derived status.
     *
     * @param installation the installation
     * @param status its status as the engine derived it, or empty
     * @return the JSON object
     */
    public static ObjectNode write(MajorHazardInstallation installation, Optional<MajorHazardStatus> status) {
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(status, "status");
        ObjectNode o = NODES.objectNode();
        o.put("format", FORMAT);
        o.put("formatVersion", 1);
        o.put("id", installation.id().value());
        o.put("name", installation.name());
        o.put("kind", installation.kind().code());
        o.put("unit", installation.unit().value());
        o.put("peopleWithin500m", installation.peopleWithin500m());
        ArrayNode points = o.putArray("riskPoints");
        installation.riskPoints().forEach(p -> points.add(p.value()));
        ArrayNode holdings = o.putArray("holdings");
        for (Holding h : installation.holdings()) {
            ObjectNode hn = holdings.addObject();
            hn.put("basis", h.substance().basis().code());
            hn.put("substance", h.substance().key());
            hn.put("tonnes", h.tonnes());
        }
        o.put("version", installation.version());
        status.ifPresent(s -> {
            ObjectNode sn = o.putObject("status");
            sn.put("s", s.s());
            sn.put("major", s.major());
            sn.put("alpha", s.alpha());
            sn.put("r", s.r());
            s.grade().ifPresent(g -> sn.put("grade", g.code()));
            sn.put("tableEdition", s.tableEdition());
        });
        return o;
    }

    /**
     * Reads an installation, with the version it carries.
     *
     * @param node the JSON object
     * @return the installation
     * @throws JsonImportException naming every problem by JSON Pointer, the value found and what is allowed
     */
    public static MajorHazardInstallation read(JsonNode node) {
        Objects.requireNonNull(node, "node");
        List<Violation> v = new ArrayList<>();
        if (!node.isObject()) {
            v.add(Violation.of("", node.getNodeType(), "a JSON object"));
            throw new JsonImportException(FORMAT, v);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                v.add(Violation.of("/" + name, name, "one of " + new java.util.TreeSet<>(FIELDS)));
            }
        }
        String format = text(node, "format", v);
        if (format != null && !FORMAT.equals(format)) {
            v.add(Violation.of("/format", format, FORMAT));
        }
        if (node.path("formatVersion").asInt(-1) != 1 || !node.path("formatVersion").isIntegralNumber()) {
            v.add(Violation.of("/formatVersion", node.get("formatVersion"), "1"));
        }
        String id = text(node, "id", v);
        String name = text(node, "name", v);
        String kindCode = text(node, "kind", v);
        UnitKind kind = null;
        if (kindCode != null) {
            try {
                kind = UnitKind.ofCode(kindCode);
            } catch (IllegalArgumentException e) {
                v.add(Violation.of("/kind", kindCode, "production or storage"));
            }
        }
        String unit = text(node, "unit", v);
        JsonNode people = node.path("peopleWithin500m");
        if (!people.isIntegralNumber() || !people.canConvertToInt() || people.asInt() < 0) {
            v.add(Violation.of("/peopleWithin500m", node.get("peopleWithin500m"), "a whole number of people, 0 or more"));
        }
        JsonNode version = node.path("version");
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.asLong() < 0) {
            v.add(Violation.of("/version", node.get("version"), "a whole number, 0 or more"));
        }
        List<RiskPointId> points = new ArrayList<>();
        JsonNode pn = node.path("riskPoints");
        if (!pn.isArray()) {
            v.add(Violation.of("/riskPoints", node.get("riskPoints"), "an array of risk point ids"));
        } else {
            for (int i = 0; i < pn.size(); i++) {
                JsonNode p = pn.get(i);
                try {
                    RiskPointId rp = RiskPointId.of(p.isString() ? p.asString() : "");
                    if (points.contains(rp)) {
                        v.add(Violation.of("/riskPoints/" + i, rp, "each risk point once"));
                    } else {
                        points.add(rp);
                    }
                } catch (IllegalArgumentException e) {
                    v.add(Violation.of("/riskPoints/" + i, p, "a risk point id (non-blank text)"));
                }
            }
        }
        List<Holding> holdings = new ArrayList<>();
        JsonNode hn = node.path("holdings");
        if (!hn.isArray() || hn.isEmpty()) {
            v.add(Violation.of("/holdings", node.get("holdings"), "a non-empty array of holdings"));
        } else {
            for (int i = 0; i < hn.size(); i++) {
                holding(hn.get(i), "/holdings/" + i, v).ifPresent(holdings::add);
            }
        }
        if (!v.isEmpty()) {
            throw new JsonImportException(FORMAT, v);
        }
        try {
            return MajorHazardInstallation.of(InstallationId.of(Objects.requireNonNull(id)), Objects.requireNonNull(name),
                    Objects.requireNonNull(kind), OrgUnitId.of(Objects.requireNonNull(unit)), holdings, people.asInt(),
                    points).withVersion(version.asLong());
        } catch (IllegalArgumentException e) {
            throw new JsonImportException(FORMAT, List.of(Violation.of("", e.getMessage(), "a valid installation")));
        }
    }

    private static Optional<Holding> holding(JsonNode h, String at, List<Violation> v) {
        if (!h.isObject()) {
            v.add(Violation.of(at, h, "an object {basis, substance, tonnes}"));
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = h.properties().iterator(); it.hasNext();) {
            String name = it.next().getKey();
            if (!Set.of("basis", "substance", "tonnes").contains(name)) {
                v.add(Violation.of(at + "/" + name, name, "basis, substance, tonnes"));
            }
        }
        String basis = text(h, "basis", v, at);
        String key = text(h, "substance", v, at);
        JsonNode t = h.path("tonnes");
        SubstanceRef.Basis b = null;
        if (basis != null) {
            try {
                b = SubstanceRef.Basis.ofCode(basis);
            } catch (IllegalArgumentException e) {
                v.add(Violation.of(at + "/basis", basis, "named or category"));
            }
        }
        BigDecimal tonnes = null;
        if (!t.isNumber() || t.decimalValue().signum() <= 0) {
            v.add(Violation.of(at + "/tonnes", h.get("tonnes"), "a number of tonnes greater than 0"));
        } else {
            tonnes = t.decimalValue();
        }
        if (b == null || key == null || tonnes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Holding(new SubstanceRef(b, key), tonnes));
        } catch (IllegalArgumentException e) {
            v.add(Violation.of(at + "/substance", key, "a table key (non-blank text)"));
            return Optional.empty();
        }
    }

    private static @Nullable String text(JsonNode node, String field, List<Violation> v) {
        return text(node, field, v, "");
    }

    private static @Nullable String text(JsonNode node, String field, List<Violation> v, String at) {
        JsonNode f = node.get(field);
        if (f == null || !f.isString() || f.asString().isBlank()) {
            v.add(Violation.of(at + "/" + field, f, "non-blank text"));
            return null;
        }
        return f.asString();
    }
}
