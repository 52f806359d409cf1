package org.dualprevention.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.engine.Providers;
import org.dualprevention.json.DocumentSink;
import org.dualprevention.json.DocumentSource;
import org.dualprevention.json.DualPreventionJson;
import org.dualprevention.json.ImportOptions;
import org.dualprevention.json.RegisterDocument;
import org.dualprevention.json.RegisterHeader;
import org.dualprevention.json.ScoringProviders;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's sample register: Huaxin Fine Chemicals, a fictitious small fine-chemicals plant written for
 * the dualprevention examples. It makes solvent-based resins: methanol and toluene are received by road
 * tanker, stored in a tank farm, reacted in two jacketed reactors, and the product is drummed and stored in
 * a warehouse. A boiler house supplies steam; a maintenance shop does hot work and lifting.
 *
 * <p>The register (organisation, risk points with their hazards and control measures, and one residual
 * assessment per hazard with LEC, LS or the 5×5 matrix) is the library's own register document
 * ({@value RegisterDocument#FORMAT}, see {@code docs/json.md}) in {@value #RESOURCE}, read with
 * {@link RegisterDocument#read}: the whole document is validated and every score and grade recomputed with
 * the engine's methods and schemes before anything is delivered. A register document holds no site plan,
 * so the zones of the risk map are defined here ({@link #ZONES}, in metres).
 *
 * <p>The register is bilingual: the document is written in English, and {@value #TRANSLATION_ZH} holds the
 * Chinese name or text of every unit, zone, risk point, hazard and measure; {@link #plant(Providers)} reads it
 * in Chinese, {@link #plant(Providers, String)} in either language.
 *
 * @param organization the organisation
 * @param zones the zones of the site plan
 * @param riskPoints the risk points with their hazards, measures and assessments, version 0 (not yet stored)
 */
public record SampleRegister(Organization organization, List<MapZone> zones, List<RiskPoint> riskPoints) {

    /** The resource holding the plant's register document. */
    public static final String RESOURCE = "/org/dualprevention/examples/demo/plant-register.json";

    /** The Chinese names and texts of the register and of its zones, by {@code <id>.<field>}. */
    public static final String TRANSLATION_ZH = "/org/dualprevention/examples/demo/plant-register_zh.properties";

    /** The plant's site plan: the seven zones of the risk map, in metres. */
    public static final List<MapZone> ZONES = List.of(
            MapZone.rectangle(MapZoneId.of("Z-TANK"), "Tank farm", 20, 20, 120, 80, unit("TNK")),
            MapZone.rectangle(MapZoneId.of("Z-LOAD"), "Tanker loading bay", 150, 20, 60, 50, unit("TNK")),
            MapZone.of(MapZoneId.of("Z-SYN"), "Synthesis unit",
                    corners(230, 20, 380, 20, 380, 120, 300, 140, 230, 120), unit("SYN")),
            MapZone.rectangle(MapZoneId.of("Z-WHS"), "Drum warehouse", 20, 120, 120, 70, unit("WHS")),
            MapZone.rectangle(MapZoneId.of("Z-UTL"), "Boiler and power house", 150, 85, 70, 65, unit("UTL")),
            MapZone.of(MapZoneId.of("Z-MNT"), "Maintenance shop",
                    corners(240, 160, 380, 160, 380, 230, 280, 230, 240, 200), unit("MNT")),
            MapZone.rectangle(MapZoneId.of("Z-CTRL"), "Control room and offices", 150, 165, 70, 65, unit("HX")));

    /** Copies the components. */
    public SampleRegister {
        Objects.requireNonNull(organization, "organization");
        zones = List.copyOf(zones);
        riskPoints = List.copyOf(riskPoints);
    }

    /**
     * Reads the shipped plant register, recomputing its scores and grades with the given providers.
     *
     * @param providers the engine's methods and schemes, e.g. {@code dp.providers()}
     * @return the register
     * @throws org.dualprevention.json.JsonImportException listing every problem if the document is not valid
     */
    public static SampleRegister plant(Providers providers) {
        return plant(providers, "zh");
    }

    /**
     * Reads the shipped plant register in a language: {@code zh} lays the Chinese texts of
     * {@value #TRANSLATION_ZH} over the (English) document before the import, {@code en} reads it as it is.
     * Ids, factors and scores are the same in both.
     *
     * @param providers the engine's methods and schemes, e.g. {@code dp.providers()}
     * @param lang {@code zh} or {@code en}
     * @return the register
     * @throws IllegalArgumentException if the language is neither
     */
    public static SampleRegister plant(Providers providers, String lang) {
        Objects.requireNonNull(providers, "providers");
        if (!Texts.LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("lang [" + lang + "] is not allowed; allowed: " + Texts.LANGUAGES);
        }
        byte[] document = resource();
        if (lang.equals("zh")) {
            Map<String, String> zh = chinese();
            document = translate(document, zh);
            return read(DocumentSource.of(document), new ScoringProviders(providers::method, providers::scheme),
                    ZONES.stream().map(z -> MapZone.of(z.id(), text(zh, z.id().value() + ".name"), z.polygon(),
                            z.owningUnit())).collect(Collectors.toList()));
        }
        return read(DocumentSource.of(document), new ScoringProviders(providers::method, providers::scheme), ZONES);
    }

    /**
     * The Chinese names and texts of the register and its zones.
     *
     * @return the texts by {@code <id>.<field>}
     */
    public static Map<String, String> chinese() {
        return Texts.load(TRANSLATION_ZH.substring(TRANSLATION_ZH.lastIndexOf('/') + 1));
    }

    /**
     * The English names and texts of the register and its zones: what the Chinese translation replaces.
     *
     * @return the texts by {@code <id>.<field>}, in document order, the zones last
     */
    public static Map<String, String> english() {
        Map<String, String> out = texts(resource());
        ZONES.forEach(z -> out.put(z.id().value() + ".name", z.name()));
        return out;
    }

    private static Map<String, String> texts(byte[] document) {
        Map<String, String> out = new LinkedHashMap<>();
        visit(DualPreventionJson.mapper().readTree(document), (node, key) -> out.put(key, node.get(key.substring(
                key.lastIndexOf('.') + 1)).asString()));
        return out;
    }

    private static byte[] translate(byte[] document, Map<String, String> texts) {
        JsonMapper mapper = DualPreventionJson.mapper();
        JsonNode tree = mapper.readTree(document);
        visit(tree, (node, key) -> node.put(key.substring(key.lastIndexOf('.') + 1), text(texts, key)));
        return mapper.writeValueAsBytes(tree);
    }

    private static String text(Map<String, String> texts, String key) {
        String t = texts.get(key);
        if (t == null) {
            throw new IllegalStateException(TRANSLATION_ZH + " has no text [" + key + "]");
        }
        return t;
    }

    private static void visit(JsonNode root, java.util.function.BiConsumer<ObjectNode, String> each) {
        for (JsonNode u : root.get("organization").get("units")) {
            each.accept((ObjectNode) u, u.get("id").asString() + ".name");
        }
        for (JsonNode p : root.get("riskPoints")) {
            each.accept((ObjectNode) p, p.get("id").asString() + ".name");
            for (JsonNode h : p.get("hazards")) {
                for (String f : List.of("description", "causes", "consequences")) {
                    each.accept((ObjectNode) h, h.get("id").asString() + "." + f);
                }
                for (JsonNode m : h.get("measures")) {
                    for (String f : List.of("description", "inspectionStandard")) {
                        each.accept((ObjectNode) m, m.get("id").asString() + "." + f);
                    }
                }
            }
        }
    }

    /**
     * Reads a register document.
     *
     * @param source the document
     * @param scoring the methods and schemes that recompute its scores and grades
     * @param zones the site plan that goes with it
     * @return the register
     * @throws org.dualprevention.json.JsonImportException listing every problem if the document is not valid
     */
    public static SampleRegister read(DocumentSource source, ScoringProviders scoring, List<MapZone> zones) {
        List<RiskPoint> points = new ArrayList<>();
        List<Organization> organization = new ArrayList<>(1);
        RegisterDocument.read(source, scoring, ImportOptions.defaults(), new DocumentSink<RegisterHeader, RiskPoint>() {
            @Override
            public void begin(RegisterHeader header) {
                organization.add(header.organization());
            }

            @Override
            public void accept(List<RiskPoint> batch) {
                points.addAll(batch);
            }
        });
        return new SampleRegister(organization.get(0), zones, points);
    }

    private static byte[] resource() {
        try (InputStream in = SampleRegister.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every hazard of every risk point, in register order */
    public List<Hazard> hazards() {
        List<Hazard> out = new ArrayList<>();
        riskPoints.forEach(p -> out.addAll(p.hazards()));
        return out;
    }

    /** @return every assessment of every hazard, in register order */
    public List<Assessment> assessments() {
        List<Assessment> out = new ArrayList<>();
        hazards().forEach(h -> out.addAll(h.assessments()));
        return out;
    }

    private static Optional<OrgUnitId> unit(String id) {
        return Optional.of(OrgUnitId.of(id));
    }

    private static List<MapZone.Point> corners(double... xy) {
        List<MapZone.Point> out = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            out.add(new MapZone.Point(xy[i], xy[i + 1]));
        }
        return out;
    }
}
