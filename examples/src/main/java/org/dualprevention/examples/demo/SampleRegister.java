package org.dualprevention.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;

/**
 * The demo's sample register, read from a small pipe-separated text format (described at the top of
 * {@code plant-register.txt}): the organisation, the zones of the site plan, the risk points with their
 * hazards and control measures, and one assessment per hazard.
 *
 * @param organization the organisation
 * @param zones the zones of the site plan
 * @param riskPoints the risk points, not yet assessed
 * @param assessments the assessment of each hazard, in register order
 */
public record SampleRegister(Organization organization, List<MapZone> zones, List<RiskPoint> riskPoints,
        Map<HazardId, AssessmentRequest> assessments) {

    /** The resource holding the plant's register. */
    public static final String RESOURCE = "/org/dualprevention/examples/demo/plant-register.txt";

    /** Copies the components. */
    public SampleRegister {
        zones = List.copyOf(zones);
        riskPoints = List.copyOf(riskPoints);
        assessments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assessments));
    }

    /**
     * Reads the shipped plant register.
     *
     * @param assessor who assessed the hazards
     * @return the register
     */
    public static SampleRegister plant(ActorId assessor) {
        try (InputStream in = SampleRegister.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return read(in, assessor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a register in the text format.
     *
     * @param in the text, UTF-8
     * @param assessor who assessed the hazards
     * @return the register
     * @throws IOException if reading fails
     * @throws IllegalArgumentException naming the line of the first malformed record
     */
    public static SampleRegister read(InputStream in, ActorId assessor) throws IOException {
        Parser p = new Parser(assessor);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                p.line(t.split("\\|", -1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("register line " + n + " [" + t + "]: " + e.getMessage(), e);
            }
        }
        return p.finish();
    }

    private static final class Parser {
        private final ActorId assessor;
        private final List<OrgUnit> units = new ArrayList<>();
        private final List<MapZone> zones = new ArrayList<>();
        private final List<PointDraft> points = new ArrayList<>();
        private final Map<HazardId, AssessmentRequest> assessments = new LinkedHashMap<>();
        private Organization org;

        Parser(ActorId assessor) {
            this.assessor = assessor;
        }

        void line(String[] f) {
            switch (f[0]) {
                case "unit":
                    need(f, 5);
                    units.add(f[4].isBlank() ? OrgUnit.root(OrgUnitId.of(f[1]), f[2], level(f[3]))
                            : OrgUnit.child(OrgUnitId.of(f[1]), f[2], level(f[3]), OrgUnitId.of(f[4])));
                    break;
                case "zone":
                    need(f, 6);
                    zones.add(zone(f));
                    break;
                case "point":
                    need(f, 6);
                    points.add(new PointDraft(RiskPoint.of(RiskPointId.of(f[1]), f[5], RiskPointKind.valueOf(f[4]),
                            OrgUnitId.of(f[3]), Optional.of(MapZoneId.of(f[2])))));
                    break;
                case "hazard":
                    need(f, 8);
                    hazard(f);
                    break;
                case "m":
                    need(f, 5);
                    measure(f);
                    break;
                default:
                    throw new IllegalArgumentException("unknown record type [" + f[0]
                            + "]; allowed: unit, zone, point, hazard, m");
            }
        }

        private static void need(String[] f, int n) {
            if (f.length != n) {
                throw new IllegalArgumentException("expected " + n + " fields, found " + f.length);
            }
        }

        private static MapZone zone(String[] f) {
            Optional<OrgUnitId> owner = f[5].isBlank() ? Optional.empty() : Optional.of(OrgUnitId.of(f[5]));
            if (f[3].equals("rect")) {
                String[] v = f[4].split(",");
                return MapZone.rectangle(MapZoneId.of(f[1]), f[2], Double.parseDouble(v[0]), Double.parseDouble(v[1]),
                        Double.parseDouble(v[2]), Double.parseDouble(v[3]), owner);
            }
            if (f[3].equals("poly")) {
                List<MapZone.Point> corners = new ArrayList<>();
                for (String xy : f[4].split(";")) {
                    String[] v = xy.strip().split("\\s+");
                    corners.add(new MapZone.Point(Double.parseDouble(v[0]), Double.parseDouble(v[1])));
                }
                return MapZone.of(MapZoneId.of(f[1]), f[2], corners, owner);
            }
            throw new IllegalArgumentException("zone shape [" + f[3] + "] is not allowed; allowed: rect, poly");
        }

        private PointDraft currentPoint() {
            if (points.isEmpty()) {
                throw new IllegalArgumentException("a hazard needs a point above it");
            }
            return points.get(points.size() - 1);
        }

        private void hazard(String[] f) {
            Set<AccidentType> types = EnumSet.noneOf(AccidentType.class);
            for (String t : f[3].split(",")) {
                types.add(AccidentType.valueOf(t.strip()));
            }
            HazardId id = HazardId.of(f[1]);
            currentPoint().hazards.add(new HazardDraft(Hazard.of(id, f[4], HazardCategory.of(f[2]), types, f[5], f[6])));
            String[] a = f[7].strip().split("\\s+");
            Map<String, String> factors = new LinkedHashMap<>();
            for (int i = 1; i < a.length; i++) {
                String[] kv = a[i].split("=");
                factors.put(kv[0], kv[1]);
            }
            assessments.put(id, AssessmentRequest.of(MethodId.of(a[0]), AssessmentInput.ofText(factors),
                    AssessmentKind.RESIDUAL, assessor));
        }

        private void measure(String[] f) {
            PointDraft point = currentPoint();
            if (point.hazards.isEmpty()) {
                throw new IllegalArgumentException("a measure needs a hazard above it");
            }
            HazardDraft h = point.hazards.get(point.hazards.size() - 1);
            ControlLevel level = level(f[2]);
            ControlMeasureId id = ControlMeasureId.of(h.hazard.id().value() + "-M" + (h.measures.size() + 1));
            h.measures.add(new ControlMeasure(id, category(f[1]), f[3], level,
                    responsible(point.point.owningUnit(), level), f[4]));
        }

        private static ControlLevel level(String name) {
            switch (name) {
                case "COMPANY":
                    return ControlLevel.COMPANY;
                case "DEPARTMENT":
                    return ControlLevel.DEPARTMENT;
                case "WORKSHOP":
                    return ControlLevel.WORKSHOP;
                case "TEAM":
                    return ControlLevel.TEAM;
                case "POST":
                    return ControlLevel.POST;
                default:
                    throw new IllegalArgumentException("control level [" + name
                            + "] is not allowed; allowed: COMPANY, DEPARTMENT, WORKSHOP, TEAM, POST");
            }
        }

        private static MeasureCategory category(String code) {
            switch (code) {
                case "E":
                    return MeasureCategory.ENGINEERING;
                case "M":
                    return MeasureCategory.MANAGEMENT;
                case "T":
                    return MeasureCategory.TRAINING;
                case "P":
                    return MeasureCategory.PERSONAL_PROTECTION;
                case "R":
                    return MeasureCategory.EMERGENCY;
                default:
                    throw new IllegalArgumentException("measure category [" + code + "] is not allowed; allowed: E, M, T, P, R");
            }
        }

        /** The unit at the given level on the owner's line; the owner itself if the line has none. */
        private OrgUnitId responsible(OrgUnitId owner, ControlLevel level) {
            if (org == null) {
                org = Organization.of(units);
            }
            for (OrgUnit u : org.selfAndAncestors(owner)) {
                if (u.level() == level) {
                    return u.id();
                }
            }
            for (OrgUnitId below : org.selfAndDescendants(owner)) {
                if (org.require(below).level() == level) {
                    return below;
                }
            }
            return owner;
        }

        SampleRegister finish() {
            Organization organization = org != null ? org : Organization.of(units);
            List<RiskPoint> out = new ArrayList<>();
            for (PointDraft p : points) {
                List<Hazard> hs = new ArrayList<>();
                for (HazardDraft h : p.hazards) {
                    hs.add(h.hazard.withMeasures(h.measures));
                }
                out.add(p.point.withHazards(hs));
            }
            return new SampleRegister(organization, zones, out, assessments);
        }
    }

    private static final class PointDraft {
        final RiskPoint point;
        final List<HazardDraft> hazards = new ArrayList<>();

        PointDraft(RiskPoint point) {
            this.point = point;
        }
    }

    private static final class HazardDraft {
        final Hazard hazard;
        final List<ControlMeasure> measures = new ArrayList<>();

        HazardDraft(Hazard hazard) {
            this.hazard = hazard;
        }
    }
}
