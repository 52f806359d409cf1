package org.dualprevention.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.ValidationException;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.GradedControlPolicy;
import org.dualprevention.spi.LevelCombination;

/**
 * The graded-control register (分级管控): for a set of risk points in an organisation, which units
 * control which hazards. It answers "which hazards must this unit control" ({@link #controlledBy})
 * and "who controls this hazard" ({@link #controlOf}).
 *
 * <h2>Rules</h2>
 * For a hazard {@code H} on a risk point owned by unit {@code O}, with combined level {@code L}
 * (from the {@link LevelCombination}) and responsible level {@code T = policy.responsibleLevel(L)}:
 * <ol>
 *   <li><b>Owner.</b> {@code O} always controls {@code H} ({@link ControlBasis#OWNER}).</li>
 *   <li><b>Graded level, cascading down.</b> The <em>top responsible unit</em> is the first unit of
 *       {@code O}'s chain ({@code O}, its parent, …, the root) whose level is at or above {@code T}:
 *       the unit of level {@code T} when the chain has one; the next higher one when level {@code T}
 *       is merged away (从严从高, control is never pushed below the policy's level); the root when the
 *       chain has no unit that high; {@code O} itself when {@code O} is at or above {@code T}. That
 *       unit and every unit of the chain below it down to {@code O} control {@code H}
 *       ({@link ControlBasis#GRADED}). So a major hazard of a team's risk point is controlled by the
 *       team, its workshop, its department and the company; a low one by the team alone; a low one of a
 *       post's risk point by the post and its team. Levels compare by {@link ControlLevel#rank()}.</li>
 *   <li><b>Measures.</b> A unit named as {@link ControlMeasure#responsibleUnit()} of one of {@code H}'s
 *       measures controls {@code H} ({@link ControlBasis#MEASURE}), wherever it sits in the tree.</li>
 *   <li><b>Cascade below a measure.</b> If such a unit is an ancestor of {@code O}, every unit of the
 *       chain between it and {@code O} controls {@code H} too ({@link ControlBasis#CASCADE}):
 *       "上级负责管控的风险，下级必须负责管控".</li>
 * </ol>
 * Consequences, stated so nobody has to guess:
 * <ul>
 *   <li>Units below the owner (e.g. the posts of a team owning the risk point) are not assigned by the
 *       graded rule; the library never guesses which subordinate is meant. Name them in a measure.</li>
 *   <li>A risk point owned above its responsible level (a low hazard on a workshop's risk point, with
 *       no team in the chain) is controlled by its owner alone: control is never dropped, only raised.</li>
 *   <li>A hazard never assessed has no level and no responsible level; its owner and the units named
 *       by its measures control it until it is assessed.</li>
 * </ul>
 *
 * <h2>Validation</h2>
 * {@link #of} reports every inconsistency in one {@link ValidationException}: duplicate risk point
 * ids, owning or responsible units not in the organisation, a measure whose {@code controlLevel} is not
 * the level of its responsible unit, and a policy whose levels clash with the organisation's levels
 * (same code with another rank, or same rank with another code).
 *
 * <p>This class is immutable and thread-safe. It is a snapshot: build a new one after risk points change.
 *
 * @since 0.1
 */
public final class GradedControl {
    private final Organization organization;
    private final List<HazardControl> controls;
    private final Map<RiskPointId, Map<HazardId, HazardControl>> byHazard;

    private GradedControl(Organization organization, List<HazardControl> controls) {
        this.organization = organization;
        this.controls = List.copyOf(controls);
        Map<RiskPointId, Map<HazardId, HazardControl>> index = new LinkedHashMap<>();
        for (HazardControl c : this.controls) {
            index.computeIfAbsent(c.riskPoint(), k -> new LinkedHashMap<>()).put(c.hazard(), c);
        }
        this.byHazard = index;
    }

    /**
     * A register under the default policy ({@link GradedControlPolicy#defaults()}) and combination rule
     * ({@link LevelCombination#MOST_SEVERE}).
     *
     * @param organization the organisation tree
     * @param riskPoints the risk points
     * @return the register
     * @throws ValidationException listing every inconsistency
     */
    public static GradedControl of(Organization organization, Collection<RiskPoint> riskPoints) {
        return of(organization, riskPoints, GradedControlPolicy.defaults(), LevelCombination.MOST_SEVERE);
    }

    /**
     * A register under a given policy and combination rule.
     *
     * @param organization the organisation tree
     * @param riskPoints the risk points
     * @param policy which control level is responsible for each risk level
     * @param combination how several assessments of one hazard combine into its level
     * @return the register
     * @throws ValidationException listing every inconsistency
     */
    public static GradedControl of(Organization organization, Collection<RiskPoint> riskPoints,
            GradedControlPolicy policy, LevelCombination combination) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(riskPoints, "riskPoints");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(combination, "combination");
        List<RiskPoint> points = List.copyOf(riskPoints);
        validate(organization, points, policy);
        List<HazardControl> out = new ArrayList<>();
        for (RiskPoint p : points) {
            for (Hazard h : p.hazards()) {
                out.add(control(organization, p, h, policy, combination));
            }
        }
        return new GradedControl(organization, out);
    }

    private static void validate(Organization org, List<RiskPoint> points, GradedControlPolicy policy) {
        ValidationException.Collector v = new ValidationException.Collector("graded control register");
        Map<String, ControlLevel> orgLevelsByCode = new LinkedHashMap<>();
        Map<Integer, ControlLevel> orgLevelsByRank = new LinkedHashMap<>();
        for (ControlLevel l : org.levels()) {
            orgLevelsByCode.putIfAbsent(l.code(), l);
            orgLevelsByRank.putIfAbsent(l.rank(), l);
        }
        for (RiskLevel r : RiskLevel.values()) {
            String path = "policy.responsibleLevel(" + r.code() + ")";
            ControlLevel c = policy.responsibleLevel(r);
            if (c == null) {
                v.add(path, null, "a control level");
                continue;
            }
            ControlLevel sameCode = orgLevelsByCode.get(c.code());
            ControlLevel sameRank = orgLevelsByRank.get(c.rank());
            v.addIf(sameCode != null && !sameCode.equals(c), path, c + "@" + c.rank(),
                    "the organisation's level [" + c.code() + "] has rank " + (sameCode == null ? "" : sameCode.rank()));
            v.addIf(sameRank != null && !sameRank.equals(c), path, c + "@" + c.rank(),
                    "the organisation's level of rank " + c.rank() + " is [" + (sameRank == null ? "" : sameRank.code())
                            + "]");
        }
        Set<RiskPointId> seen = new java.util.HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            RiskPoint p = points.get(i);
            v.addIf(!seen.add(p.id()), "riskPoints[" + i + "].id", p.id(), "a risk point id not used by another");
            String rp = "riskPoints[" + p.id() + "]";
            v.addIf(!org.contains(p.owningUnit()), rp + ".owningUnit", p.owningUnit(), "a unit of the organisation");
            for (Hazard h : p.hazards()) {
                for (ControlMeasure m : h.measures()) {
                    String mp = rp + ".hazards[" + h.id() + "].measures[" + m.id() + "]";
                    Optional<OrgUnit> unit = org.unit(m.responsibleUnit());
                    if (unit.isEmpty()) {
                        v.add(mp + ".responsibleUnit", m.responsibleUnit(), "a unit of the organisation");
                    } else if (!unit.get().level().equals(m.controlLevel())) {
                        v.add(mp + ".controlLevel", m.controlLevel(), "the level of responsible unit ["
                                + m.responsibleUnit() + "]: [" + unit.get().level() + "]");
                    }
                }
            }
        }
        v.throwIfAny();
    }

    private static HazardControl control(Organization org, RiskPoint p, Hazard h, GradedControlPolicy policy,
            LevelCombination combination) {
        Optional<RiskLevel> level = Objects.requireNonNull(combination.levelOf(h), "combination result");
        Optional<ControlLevel> top = level.map(policy::responsibleLevel);
        Map<OrgUnitId, Set<ControlBasis>> bases = new LinkedHashMap<>();
        Map<OrgUnitId, List<ControlMeasureId>> measures = new LinkedHashMap<>();

        List<OrgUnit> chain = org.selfAndAncestors(p.owningUnit()); // owner first, root last
        basis(bases, p.owningUnit(), ControlBasis.OWNER);
        if (top.isPresent()) {
            int topIndex = chain.size() - 1;
            for (int i = 0; i < chain.size(); i++) {
                if (chain.get(i).level().rank() <= top.get().rank()) {
                    topIndex = i;
                    break;
                }
            }
            for (int i = 0; i <= topIndex; i++) {
                basis(bases, chain.get(i).id(), ControlBasis.GRADED);
            }
        }
        for (ControlMeasure m : h.measures()) {
            basis(bases, m.responsibleUnit(), ControlBasis.MEASURE);
            measures.computeIfAbsent(m.responsibleUnit(), k -> new ArrayList<>()).add(m.id());
        }
        int highest = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (bases.containsKey(chain.get(i).id())) {
                highest = i;
            }
        }
        for (int i = 0; i < highest; i++) {
            bases.computeIfAbsent(chain.get(i).id(), k -> EnumSet.of(ControlBasis.CASCADE));
        }

        List<Controller> controllers = new ArrayList<>();
        for (Map.Entry<OrgUnitId, Set<ControlBasis>> e : bases.entrySet()) {
            controllers.add(new Controller(org.require(e.getKey()), e.getValue(),
                    measures.getOrDefault(e.getKey(), List.of())));
        }
        controllers.sort(Comparator.comparingInt((Controller c) -> c.unit().level().rank())
                .thenComparing(c -> c.unit().id()));
        return new HazardControl(p.id(), h.id(), p.owningUnit(), level, top, controllers);
    }

    private static void basis(Map<OrgUnitId, Set<ControlBasis>> bases, OrgUnitId unit, ControlBasis basis) {
        bases.computeIfAbsent(unit, k -> EnumSet.noneOf(ControlBasis.class)).add(basis);
    }

    /** @return the organisation this register was built for */
    public Organization organization() {
        return organization;
    }

    /** @return every hazard's control, in the order of the risk points and their hazards */
    public List<HazardControl> all() {
        return controls;
    }

    /**
     * Who controls one hazard.
     *
     * @param riskPoint the risk point
     * @param hazard the hazard on it
     * @return the hazard's control
     * @throws IllegalArgumentException if the hazard is not in this register
     */
    public HazardControl controlOf(RiskPointId riskPoint, HazardId hazard) {
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(hazard, "hazard");
        HazardControl c = byHazard.getOrDefault(riskPoint, Map.of()).get(hazard);
        if (c == null) {
            throw new IllegalArgumentException("hazard [" + hazard + "] on risk point [" + riskPoint
                    + "] is not in this graded control register");
        }
        return c;
    }

    /**
     * Which hazards a unit must control.
     *
     * @param unit a unit of the organisation
     * @return the hazards' controls, in register order; empty if none
     * @throws IllegalArgumentException if the unit is not in the organisation
     */
    public List<HazardControl> controlledBy(OrgUnitId unit) {
        organization.require(unit);
        return controls.stream().filter(c -> c.isControlledBy(unit)).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public String toString() {
        return "GradedControl[" + controls.size() + " hazards]";
    }
}
