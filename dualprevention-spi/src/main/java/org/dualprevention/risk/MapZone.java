package org.dualprevention.risk;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.OrgUnitId;

/**
 * A zone of the site plan for the four-colour risk map (风险四色分布图): an id, a name, a simple polygon in
 * site-plan coordinates and, optionally, the organisation unit that owns the zone.
 *
 * <p>Coordinates are those of the host's site plan (for example metres from a corner, or pixels of a
 * scanned plan); x grows to the right and y grows downwards, as in SVG. The polygon has at least three
 * points with finite coordinates and is closed implicitly (the last point joins the first). It should
 * be simple (not self-intersecting); this is not checked. Risk points are placed in a zone through
 * {@link RiskPoint#zone()}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param id the zone's id
 * @param name the zone's name, never blank, e.g. "罐区" or "Tank farm"
 * @param polygon the corners in order, at least three
 * @param owningUnit the unit that owns the zone, if any
 * @since 0.1
 */
public record MapZone(MapZoneId id, String name, List<MapZone.Point> polygon, Optional<OrgUnitId> owningUnit) {
    /** Validates and copies the components. */
    public MapZone {
        Objects.requireNonNull(id, "id");
        name = Checks.notBlank(name, "name");
        polygon = List.copyOf(Objects.requireNonNull(polygon, "polygon"));
        Checks.checkArgument(polygon.size() >= 3, "MapZone [%s] polygon has [%s] points; allowed: at least 3",
                id, polygon.size());
        Objects.requireNonNull(owningUnit, "owningUnit");
    }

    /**
     * A polygonal zone.
     *
     * @param id id
     * @param name name
     * @param polygon corners in order, at least three
     * @param owningUnit owning unit, if any
     * @return the zone
     */
    public static MapZone of(MapZoneId id, String name, List<Point> polygon, Optional<OrgUnitId> owningUnit) {
        return new MapZone(id, name, polygon, owningUnit);
    }

    /**
     * A rectangular zone with its top-left corner at ({@code x}, {@code y}).
     *
     * @param id id
     * @param name name
     * @param x left edge
     * @param y top edge
     * @param width width, positive
     * @param height height, positive
     * @param owningUnit owning unit, if any
     * @return the zone, its corners in clockwise order from the top-left
     */
    public static MapZone rectangle(MapZoneId id, String name, double x, double y, double width, double height,
            Optional<OrgUnitId> owningUnit) {
        Checks.checkArgument(width > 0 && Double.isFinite(width), "MapZone [%s] width [%s] must be positive", id, width);
        Checks.checkArgument(height > 0 && Double.isFinite(height), "MapZone [%s] height [%s] must be positive", id,
                height);
        return new MapZone(id, name, List.of(new Point(x, y), new Point(x + width, y), new Point(x + width, y + height),
                new Point(x, y + height)), owningUnit);
    }

    /**
     * The smallest x of the polygon.
     *
     * @return the left edge of the bounding box
     */
    public double minX() {
        return polygon.stream().mapToDouble(Point::x).min().orElseThrow();
    }

    /**
     * The smallest y of the polygon.
     *
     * @return the top edge of the bounding box
     */
    public double minY() {
        return polygon.stream().mapToDouble(Point::y).min().orElseThrow();
    }

    /**
     * The largest x of the polygon.
     *
     * @return the right edge of the bounding box
     */
    public double maxX() {
        return polygon.stream().mapToDouble(Point::x).max().orElseThrow();
    }

    /**
     * The largest y of the polygon.
     *
     * @return the bottom edge of the bounding box
     */
    public double maxY() {
        return polygon.stream().mapToDouble(Point::y).max().orElseThrow();
    }

    /**
     * The mean of the corners, a simple anchor for labels inside convex zones.
     *
     * @return the vertex centroid
     */
    public Point anchor() {
        double sx = 0;
        double sy = 0;
        for (Point p : polygon) {
            sx += p.x();
            sy += p.y();
        }
        return new Point(sx / polygon.size(), sy / polygon.size());
    }

    /**
     * A point on the site plan.
     *
     * <p>This class is immutable and thread-safe and must be treated as a value type.
     *
     * @param x horizontal coordinate, finite
     * @param y vertical coordinate (downwards), finite
     * @since 0.1
     */
    public record Point(double x, double y) {
        /** Validates the coordinates. */
        public Point {
            Checks.checkArgument(Double.isFinite(x) && Double.isFinite(y),
                    "site-plan point [%s, %s] is not allowed; allowed: finite coordinates", x, y);
        }
    }
}
