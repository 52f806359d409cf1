package org.dualprevention.danger;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.ActorId;
import org.dualprevention.internal.Checks;

/**
 * A rectification plan with the five implementations (五落实: 责任、措施、资金、时限、预案): the person
 * responsible, the measures, the funds, the deadline and the contingency plan; for a major hidden
 * danger also the six-element {@link GovernanceScheme}.
 *
 * <p>Content rules (non-blank texts, funds not negative, a known currency, a deadline not before the day
 * of planning, the scheme for a major one) are checked by the {@link HiddenDangerAction#PLAN} guard, which
 * reports every violation at once with paths such as {@code plan.funds.amount}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param responsible 责任落实: the person responsible for the rectification
 * @param measures 措施落实: what will be done
 * @param funds 资金落实: money set aside
 * @param deadline 时限落实: the last day for the rectification, in the organisation's zone
 * @param contingencyPlan 预案落实: interim safety measures and the emergency plan until it is done
 * @param scheme the governance scheme, required for a major hidden danger
 * @since 0.1
 */
public record RectificationPlan(ActorId responsible, String measures, Funds funds, LocalDate deadline,
        String contingencyPlan, Optional<GovernanceScheme> scheme) {
    /** Checks the components are present. */
    public RectificationPlan {
        Objects.requireNonNull(responsible, "responsible");
        Checks.text(measures, "measures");
        Objects.requireNonNull(funds, "funds");
        Objects.requireNonNull(deadline, "deadline");
        Checks.text(contingencyPlan, "contingencyPlan");
        Objects.requireNonNull(scheme, "scheme");
    }

    /**
     * A plan for a general hidden danger (no governance scheme).
     *
     * @param responsible the person responsible
     * @param measures the measures
     * @param funds the funds
     * @param deadline the deadline
     * @param contingencyPlan the contingency plan
     * @return the plan
     */
    public static RectificationPlan of(ActorId responsible, String measures, Funds funds, LocalDate deadline,
            String contingencyPlan) {
        return new RectificationPlan(responsible, measures, funds, deadline, contingencyPlan, Optional.empty());
    }

    /**
     * A copy with a governance scheme (for a major hidden danger).
     *
     * @param governanceScheme the scheme
     * @return the copy
     */
    public RectificationPlan withScheme(GovernanceScheme governanceScheme) {
        return new RectificationPlan(responsible, measures, funds, deadline, contingencyPlan,
                Optional.of(governanceScheme));
    }
}
