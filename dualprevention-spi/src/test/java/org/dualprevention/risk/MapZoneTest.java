package org.dualprevention.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dualprevention.organization.OrgUnitId;
import org.junit.jupiter.api.Test;

class MapZoneTest {
    @Test
    void rectangleHasFourCornersClockwiseAndItsBoundingBox() {
        MapZone z = MapZone.rectangle(MapZoneId.of("Z"), " Tank farm ", 10, 20, 30, 40, Optional.of(OrgUnitId.of("W")));
        assertEquals(List.of(new MapZone.Point(10, 20), new MapZone.Point(40, 20), new MapZone.Point(40, 60),
                new MapZone.Point(10, 60)), z.polygon());
        assertEquals("Tank farm", z.name());
        assertEquals(10, z.minX());
        assertEquals(20, z.minY());
        assertEquals(40, z.maxX());
        assertEquals(60, z.maxY());
        assertEquals(new MapZone.Point(25, 40), z.anchor());
    }

    @Test
    void polygonIsCopiedAndValidated() {
        List<MapZone.Point> pts = new ArrayList<>(List.of(new MapZone.Point(0, 0), new MapZone.Point(1, 0),
                new MapZone.Point(0, 1)));
        MapZone z = MapZone.of(MapZoneId.of("T"), "triangle", pts, Optional.empty());
        pts.clear();
        assertEquals(3, z.polygon().size());
        assertThrows(UnsupportedOperationException.class, () -> z.polygon().add(new MapZone.Point(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> MapZone.of(MapZoneId.of("T"), "two",
                List.of(new MapZone.Point(0, 0), new MapZone.Point(1, 1)), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> MapZone.of(MapZoneId.of("T"), " ",
                List.of(new MapZone.Point(0, 0), new MapZone.Point(1, 1), new MapZone.Point(1, 0)), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new MapZone.Point(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new MapZone.Point(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> MapZone.rectangle(MapZoneId.of("R"), "r", 0, 0, 0, 5, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> MapZone.rectangle(MapZoneId.of("R"), "r", 0, 0, 5, -1, Optional.empty()));
    }
}
