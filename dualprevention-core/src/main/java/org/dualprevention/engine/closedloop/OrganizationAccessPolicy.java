package org.dualprevention.engine.closedloop;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.AccessDecision;
import org.dualprevention.danger.AccessRequest;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.spi.AccessPolicy;

/**
 * The default {@link AccessPolicy}: decides by organisation units and control levels (DOMAIN.md §4.3,
 * §5.2), ignoring roles.
 *
 * <ol>
 *   <li>The actor's unit must be in the organisation.</li>
 *   <li>Reporting: anyone (every employee may report, 随手拍).</li>
 *   <li>Every other action says how far the actor's unit may be from the hidden danger's unit
 *       ({@link AccessClass.Reach}): the people who do the work (starting, submitting, rectifying on the spot,
 *       extending the deadline) may be in its unit, above it or below it; decisions (verifying, withdrawing,
 *       planning, accepting, rejecting) belong to its unit or a higher one.</li>
 *   <li>For a major hidden danger (graded major, or being verified as major), the actions whose
 *       {@link AccessClass#majorLevelForMajor()} says so (all but starting and submitting) need an actor at the
 *       major level or above (default {@link ControlLevel#COMPANY}): the principal organises its governance
 *       (16号令 Art. 15) and the company accepts it.</li>
 *   <li>An approver that the command names (of a deadline extension) is decided about as the action's
 *       definition says: their unit in the organisation (the library knows an actor by their unit), at or above
 *       the hidden danger's unit, and for a major hidden danger at the major level.</li>
 * </ol>
 * The access class of each action is part of its definition; {@link TransitionTable#toMarkdown()} lists them.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class OrganizationAccessPolicy implements AccessPolicy {
    private final Organization organization;
    private final ControlLevel majorLevel;

    private OrganizationAccessPolicy(Organization organization, ControlLevel majorLevel) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.majorLevel = Objects.requireNonNull(majorLevel, "majorLevel");
    }

    /**
     * The policy over an organisation, with major hidden dangers handled at company level.
     *
     * @param organization the organisation
     * @return the policy
     */
    public static OrganizationAccessPolicy of(Organization organization) {
        return new OrganizationAccessPolicy(organization, ControlLevel.COMPANY);
    }

    /**
     * A copy that handles major hidden dangers at another level (that level or above).
     *
     * @param level the level
     * @return the copy
     */
    public OrganizationAccessPolicy withMajorLevel(ControlLevel level) {
        return new OrganizationAccessPolicy(organization, level);
    }

    @Override
    public AccessDecision decide(AccessRequest request) {
        Objects.requireNonNull(request, "request");
        Actor actor = request.actor();
        Optional<OrgUnit> actorUnit = organization.unit(actor.unit());
        if (actorUnit.isEmpty()) {
            return AccessDecision.deny("the actor's unit [" + actor.unit() + "] is not in the organisation");
        }
        if (request.target().isEmpty()) {
            return AccessDecision.allow();
        }
        HiddenDanger target = request.target().get();
        OrgUnitId dangerUnit = target.unit();
        if (!organization.contains(dangerUnit)) {
            return AccessDecision.deny("the hidden danger's unit [" + dangerUnit + "] is not in the organisation");
        }
        boolean above = within(organization, dangerUnit, actor.unit());
        boolean below = within(organization, actor.unit(), dangerUnit);
        ActionDefinition<?> definition = ClosedLoopActions.of(request.action());
        AccessClass access = definition.access();
        if (!access.reach().allows(above, below)) {
            return AccessDecision.deny("the actor's unit [" + actor.unit() + "] is not " + access.reach().relation()
                    + " the hidden danger's unit [" + dangerUnit + "]");
        }
        Optional<HiddenDangerGrade> majorGrade = Optional.of(HiddenDangerGrade.MAJOR);
        boolean major = target.grade().equals(majorGrade) || definition.gradeGivenBy(request.command()).equals(majorGrade);
        if (major && access.majorLevelForMajor() && majorLevel.isAbove(actorUnit.get().level())) {
            return AccessDecision.deny(request.action() + " of a MAJOR hidden danger needs an actor at level ["
                    + majorLevel + "] or above; the actor's unit [" + actor.unit() + "] is at level ["
                    + actorUnit.get().level() + "]");
        }
        Optional<Actor> approver = definition.approverOf(request.command());
        Optional<AccessClass> approverAccess = definition.approverAccess();
        if (approver.isPresent() && approverAccess.isPresent()) {
            return approver(request, approver.get(), approverAccess.get(), dangerUnit, major);
        }
        return AccessDecision.allow();
    }

    /** The approver a command names (DOMAIN.md §5.2): known by a unit of the organisation, within reach, at level. */
    private AccessDecision approver(AccessRequest request, Actor approver, AccessClass access, OrgUnitId dangerUnit,
            boolean major) {
        Optional<OrgUnit> unit = organization.unit(approver.unit());
        if (unit.isEmpty()) {
            return AccessDecision.deny("the approver [" + approver.id() + "] is not a known actor: their unit ["
                    + approver.unit() + "] is not in the organisation");
        }
        boolean above = within(organization, dangerUnit, approver.unit());
        boolean below = within(organization, approver.unit(), dangerUnit);
        if (!access.reach().allows(above, below)) {
            return AccessDecision.deny("the approver [" + approver.id() + "] may not approve " + request.action()
                    + ": their unit [" + approver.unit() + "] is not " + access.reach().relation()
                    + " the hidden danger's unit [" + dangerUnit + "]");
        }
        if (major && access.majorLevelForMajor() && majorLevel.isAbove(unit.get().level())) {
            return AccessDecision.deny(request.action() + " of a MAJOR hidden danger needs an approver at level ["
                    + majorLevel + "] or above; the approver [" + approver.id() + "] is in unit [" + approver.unit()
                    + "] at level [" + unit.get().level() + "]");
        }
        return AccessDecision.allow();
    }

    /**
     * {@link Organization#isWithin}, walking the parents without building the list of ancestors
     * ({@link Organization#selfAndAncestors} copies it twice; the policy asks twice per command): the same answer,
     * and the same {@link IllegalArgumentException} for a unit not in the organisation.
     */
    static boolean within(Organization organization, OrgUnitId unit, OrgUnitId ancestor) {
        OrgUnit cur = organization.require(unit);
        while (true) {
            if (cur.id().equals(ancestor)) {
                return true;
            }
            Optional<OrgUnitId> parent = cur.parent();
            if (parent.isEmpty()) {
                return false;
            }
            cur = organization.require(parent.get());
        }
    }

    @Override
    public String toString() {
        return "OrganizationAccessPolicy[majorLevel=" + majorLevel + "]";
    }
}
