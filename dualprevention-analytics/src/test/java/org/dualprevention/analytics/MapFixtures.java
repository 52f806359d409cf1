package org.dualprevention.analytics;

import static org.dualprevention.analytics.Fixtures.T1;
import static org.dualprevention.analytics.Fixtures.W1;
import static org.dualprevention.analytics.Fixtures.W2;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;

/**
 * A site plan with three zones: the tank farm <b>Z1</b> (rectangle, W1), the workshop <b>Z2</b> (triangle,
 * W2), and an empty yard <b>Z3</b> whose name needs escaping.
 *
 * <ul>
 *   <li>P1 in Z1, owned by T1, assessed yellow (general); open major hidden danger h1 → effective red</li>
 *   <li>P2 in Z1, owned by W1, assessed blue; open general h2 with deadline 03-10, overdue on 03-20 → effective yellow</li>
 *   <li>P3 in Z2, owned by W2, assessed orange; h3 closed on the spot → effective orange</li>
 *   <li>P4 in Z2, owned by W2, never assessed; h4 open, not graded</li>
 *   <li>P5 without zone, owned by W2, assessed blue</li>
 *   <li>h5 of W2 without risk point, open; h6 of W1 on P2 withdrawn</li>
 * </ul>
 */
final class MapFixtures {
    static final LocalDate DATE = LocalDate.of(2026, 3, 20);
    static final RiskPointId P1 = RiskPointId.of("P1");
    static final RiskPointId P2 = RiskPointId.of("P2");
    static final RiskPointId P3 = RiskPointId.of("P3");
    static final RiskPointId P4 = RiskPointId.of("P4");
    static final RiskPointId P5 = RiskPointId.of("P5");
    static final MapZoneId Z1 = MapZoneId.of("Z1");
    static final MapZoneId Z2 = MapZoneId.of("Z2");
    static final MapZoneId Z3 = MapZoneId.of("Z3");
    static final HazardId H = HazardId.of("H");
    static final ControlMeasureId M = ControlMeasureId.of("M");

    private MapFixtures() {
    }

    static List<MapZone> zones() {
        return List.of(
                MapZone.rectangle(Z1, "Tank farm 罐区", 0, 0, 100, 50, Optional.of(W1)),
                MapZone.of(Z2, "Workshop", List.of(new MapZone.Point(100, 0), new MapZone.Point(200, 0),
                        new MapZone.Point(150, 80)), Optional.of(W2)),
                MapZone.rectangle(Z3, "Yard <A & B> \"east\"", 0, 60, 90, 40, Optional.empty()));
    }

    static RiskPoint point(RiskPointId id, String name, org.dualprevention.organization.OrgUnitId unit,
            Optional<MapZoneId> zone, Optional<RiskLevel> level) {
        Hazard h = Hazard.of(H, "hazard of " + id, HazardCategory.of("2201"), Set.of(AccidentType.FIRE,
                AccidentType.POISONING_ASPHYXIA), "", "")
                .withMeasure(new ControlMeasure(M, MeasureCategory.ENGINEERING, "gas detector", ControlLevel.TEAM, unit,
                        "detector works"));
        if (level.isPresent()) {
            h = h.withAssessment(new Assessment(AssessmentId.of("A-" + id), MethodId.of("LS"), SchemeId.of("LS-X"),
                    AssessmentInput.of(Map.of("L", 1, "S", 1)), Score.of("1"), Grade.of("g", "g", level.get()),
                    AssessmentKind.INHERENT, ActorId.of("assessor"), Instant.parse("2026-01-01T00:00:00Z")));
        }
        return RiskPoint.of(id, name, RiskPointKind.PLACE, unit, zone).withHazard(h);
    }

    static List<RiskPoint> points() {
        return List.of(
                point(P1, "LPG tank", T1, Optional.of(Z1), Optional.of(RiskLevel.GENERAL)),
                point(P2, "Pump", W1, Optional.of(Z1), Optional.of(RiskLevel.LOW)),
                point(P3, "Reactor", W2, Optional.of(Z2), Optional.of(RiskLevel.SIGNIFICANT)),
                point(P4, "Store", W2, Optional.of(Z2), Optional.empty()),
                point(P5, "Gate", W2, Optional.empty(), Optional.of(RiskLevel.LOW)));
    }

    static List<HiddenDanger> dangers() {
        LocalDate jan = LocalDate.of(2026, 1, 5);
        HiddenDanger h1 = Dangers.major(Dangers.reported("h1", T1, jan, Optional.of(P1)), jan);
        HiddenDanger h2 = Dangers.planned(Dangers.general(Dangers.reported("h2", W1, jan, Optional.of(P2)), jan), jan,
                LocalDate.of(2026, 3, 10));
        HiddenDanger h3 = Dangers.closedOnSpot(Dangers.reported("h3", W2, jan, Optional.of(P3)), jan);
        HiddenDanger h4 = Dangers.reported("h4", W2, jan, Optional.of(P4));
        HiddenDanger h5 = Dangers.reported("h5", W2, jan, Optional.empty());
        HiddenDanger h6 = Dangers.withdrawn(Dangers.reported("h6", W1, jan, Optional.of(P2)), jan);
        return List.of(h1, h2, h3, h4, h5, h6);
    }

    static RiskMap map() {
        return RiskMap.builder(Fixtures.ORG, DATE, org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy.create())
                .zones(zones()).riskPoints(points()).dangers(dangers()).build();
    }

    static Set<String> unused() {
        return Set.of(W1.value(), W2.value());
    }
}
