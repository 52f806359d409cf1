package org.dualprevention.spi;

import org.dualprevention.danger.AccessDecision;
import org.dualprevention.danger.AccessRequest;

/**
 * Decides whether an actor may apply a command to a hidden danger, by role and control level (who
 * verifies, who accepts a major hidden danger, …). The engine asks the policy after the transition
 * table allows the action and before the command's guards run; a denial changes nothing and becomes an
 * {@link org.dualprevention.AccessDeniedException}. Separation of duties (acceptor ≠ rectifier) is not the
 * policy's job: the closed loop enforces it itself ({@link org.dualprevention.danger.ClosedLoopSettings}).
 *
 * <h2>Contract</h2>
 * Implementations are thread-safe, deterministic for the same request, and do no I/O on the calling
 * thread beyond what the host accepts (a host typically backs a policy with data it already holds).
 * They return a decision, never {@code null}, and do not throw for a denial.
 *
 * <h2>Registration</h2>
 * Passed to the engine's builder explicitly. {@code OrganizationAccessPolicy} is the default, judging by
 * organisation units and control levels; {@link #allowAll()} switches checks off (tests, demos).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AccessPolicy {
    /**
     * Decides one request.
     *
     * @param request the actor, the command and the hidden danger
     * @return allow, or deny with a reason
     */
    AccessDecision decide(AccessRequest request);

    /** @return a policy that allows everything */
    static AccessPolicy allowAll() {
        return request -> {
            java.util.Objects.requireNonNull(request, "request");
            return AccessDecision.allow();
        };
    }
}
