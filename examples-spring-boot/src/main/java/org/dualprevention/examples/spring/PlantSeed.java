package org.dualprevention.examples.spring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On first start (no organisation stored yet), stores a small plant: two workshops, three risk points with one
 * hazard each, assessed with LEC. A second start finds them and stores nothing.
 *
 * @since 0.2
 */
@Component
public class PlantSeed implements ApplicationRunner {
    /** The plant, the root unit. */
    public static final OrgUnitId PLANT = OrgUnitId.of("PLANT");
    /** The workshop whose people report in the examples. */
    public static final OrgUnitId WORKSHOP = OrgUnitId.of("WS-1");
    /** The zones of the map: the process area and the tank farm. */
    public static final List<MapZone> ZONES = List.of(
            MapZone.of(MapZoneId.of("Z-PROCESS"), "生产区", List.of(new MapZone.Point(0, 0), new MapZone.Point(60, 0),
                    new MapZone.Point(60, 40), new MapZone.Point(0, 40)), Optional.of(WORKSHOP)),
            MapZone.of(MapZoneId.of("Z-TANKS"), "罐区", List.of(new MapZone.Point(60, 0), new MapZone.Point(100, 0),
                    new MapZone.Point(100, 40), new MapZone.Point(60, 40)), Optional.of(PLANT)));

    private final DualPrevention dp;

    /**
     * The seed on the application's engine.
     *
     * @param dp the engine the starter configured
     */
    public PlantSeed(DualPrevention dp) {
        this.dp = dp;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (dp.storage().organization().load().isPresent()) {
            return;
        }
        dp.register().saveOrganization(Organization.of(List.of(
                OrgUnit.root(PLANT, "华信精细化工", ControlLevel.COMPANY),
                OrgUnit.child(WORKSHOP, "一车间", ControlLevel.DEPARTMENT, PLANT))));
        point("RP-REACTOR", "1号反应釜", RiskPointKind.EQUIPMENT, WORKSHOP, "Z-PROCESS", "H-REACTOR", "超温超压",
                HazardCategory.PHYSICAL, AccidentType.VESSEL_EXPLOSION, 3, 6, 15);
        point("RP-PUMP", "进料泵", RiskPointKind.EQUIPMENT, WORKSHOP, "Z-PROCESS", "H-PUMP", "联轴器无防护罩",
                HazardCategory.PHYSICAL, AccidentType.MACHINERY, 1, 6, 3);
        point("RP-TANK", "甲醇储罐", RiskPointKind.PLACE, PLANT, "Z-TANKS", "H-TANK", "储罐泄漏遇点火源",
                HazardCategory.CHEMICAL, AccidentType.FIRE, 3, 6, 40);
    }

    private void point(String id, String name, RiskPointKind kind, OrgUnitId unit, String zone, String hazard,
            String hazardName, HazardCategory category, AccidentType type, int l, int e, int c) {
        dp.register().addRiskPoint(RiskPoint.of(RiskPointId.of(id), name, kind, unit, Optional.of(MapZoneId.of(zone)))
                .withHazard(Hazard.of(HazardId.of(hazard), hazardName, category, List.of(type), hazardName,
                        type.displayName(Locale.CHINESE))));
        dp.register().assess(HazardId.of(hazard), AssessmentRequest.of(MethodId.of("LEC"),
                AssessmentInput.of(Map.of("L", l, "E", e, "C", c)), AssessmentKind.INHERENT, ActorId.of("seed")));
    }
}
