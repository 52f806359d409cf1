package org.dualprevention.engine.closedloop;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.AccessDecision;
import org.dualprevention.danger.AccessRequest;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.spi.AccessPolicy;

/**
 * The default {@link AccessPolicy}: decides by organisation units and control levels (REFERENCE §4.3,
 * §5.2), ignoring roles.
 *
 * <ol>
 *   <li>The actor's unit must be in the organisation.</li>
 *   <li>{@code REPORT}: anyone (every employee may report, 随手拍).</li>
 *   <li>{@code START}, {@code SUBMIT}, {@code RECTIFY_ON_SPOT}, {@code EXTEND_DEADLINE}: the actor's unit is
 *       the hidden danger's unit, above it or below it (the people who do the work).</li>
 *   <li>{@code VERIFY}, {@code WITHDRAW}, {@code PLAN}, {@code ACCEPT}, {@code REJECT}: the actor's unit is the
 *       hidden danger's unit or above it (the unit responsible, or a higher one).</li>
 *   <li>For a major hidden danger (graded major, or being verified as major), every action but {@code REPORT},
 *       {@code START} and {@code SUBMIT} needs an actor at the major level or above (default
 *       {@link ControlLevel#COMPANY}): the principal organises its governance (16号令 Art. 15) and the company
 *       accepts it.</li>
 * </ol>
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
        boolean above = organization.isWithin(dangerUnit, actor.unit());
        boolean below = organization.isWithin(actor.unit(), dangerUnit);
        boolean worker;
        switch (request.action()) {
            case START:
            case SUBMIT:
            case RECTIFY_ON_SPOT:
            case EXTEND_DEADLINE:
                worker = true;
                break;
            default:
                worker = false;
                break;
        }
        if (worker ? !(above || below) : !above) {
            return AccessDecision.deny("the actor's unit [" + actor.unit() + "] is not "
                    + (worker ? "in the line of" : "at or above") + " the hidden danger's unit [" + dangerUnit + "]");
        }
        boolean major = target.grade().orElse(null) == HiddenDangerGrade.MAJOR
                || request.command() instanceof HiddenDangerCommand.Verify
                        && ((HiddenDangerCommand.Verify) request.command()).grade() == HiddenDangerGrade.MAJOR;
        boolean exempt;
        switch (request.action()) {
            case START:
            case SUBMIT:
                exempt = true;
                break;
            default:
                exempt = false;
                break;
        }
        if (major && !exempt && majorLevel.isAbove(actorUnit.get().level())) {
            return AccessDecision.deny(request.action() + " of a MAJOR hidden danger needs an actor at level ["
                    + majorLevel + "] or above; the actor's unit [" + actor.unit() + "] is at level ["
                    + actorUnit.get().level() + "]");
        }
        return AccessDecision.allow();
    }

    @Override
    public String toString() {
        return "OrganizationAccessPolicy[majorLevel=" + majorLevel + "]";
    }
}
