package org.dualprevention.examples.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.engine.Providers;
import org.dualprevention.json.DocumentSink;
import org.dualprevention.json.DocumentSource;
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
 * @param organization the organisation
 * @param zones the zones of the site plan
 * @param riskPoints the risk points with their hazards, measures and assessments, version 0 (not yet stored)
 */
public record SampleRegister(Organization organization, List<MapZone> zones, List<RiskPoint> riskPoints) {

    /** The resource holding the plant's register document. */
    public static final String RESOURCE = "/org/dualprevention/examples/demo/plant-register.json";

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
        Objects.requireNonNull(providers, "providers");
        byte[] document;
        try (InputStream in = SampleRegister.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(DocumentSource.of(document), new ScoringProviders(providers::method, providers::scheme), ZONES);
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
