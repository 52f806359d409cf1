package org.dualprevention.danger;

import java.util.Objects;
import org.dualprevention.AccessDeniedException;

/**
 * An {@link AccessPolicy}'s answer: allowed, or denied with a reason a person can read.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param allowed whether the actor may act
 * @param reason why not; empty when allowed
 * @since 0.1
 */
public record AccessDecision(boolean allowed, String reason) {
    private static final AccessDecision ALLOW = new AccessDecision(true, "");

    /** Checks that a denial has a reason and an allowance none. */
    public AccessDecision {
        Objects.requireNonNull(reason, "reason");
        if (allowed != reason.isEmpty()) {
            throw new IllegalArgumentException("a denial needs a reason, an allowance has none");
        }
    }

    /** @return an allowance */
    public static AccessDecision allow() {
        return ALLOW;
    }

    /**
     * A denial.
     *
     * @param reason why, e.g. "acceptance of a MAJOR hidden danger needs an actor at level [company]"
     * @return the denial
     */
    public static AccessDecision deny(String reason) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a denial needs a non-blank reason");
        }
        return new AccessDecision(false, reason);
    }

    /**
     * Throws when denied.
     *
     * @param request the request decided
     * @throws AccessDeniedException naming actor, action, target and reason, if denied
     */
    public void throwIfDenied(AccessRequest request) {
        if (!allowed) {
            throw new AccessDeniedException(request.actor().id().value(), request.action().name(), request.targetId(),
                    reason);
        }
    }
}
