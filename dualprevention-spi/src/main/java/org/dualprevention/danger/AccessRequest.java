package org.dualprevention.danger;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.Actor;

/**
 * What an {@link AccessPolicy} decides on: an actor wants to apply a command to a hidden danger.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param command the command, carrying the actor and its data (e.g. the grade of a verification)
 * @param target the hidden danger as stored now; empty for a command that creates one (the report)
 * @since 0.1
 */
public record AccessRequest(HiddenDangerCommand command, Optional<HiddenDanger> target) {
    /** Checks the components. */
    public AccessRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(target, "target");
        if (target.isEmpty() != command.createdId().isPresent()) {
            throw new IllegalArgumentException("a target is required for every action but REPORT, and none for REPORT");
        }
    }

    /**
     * A request to report a new hidden danger.
     *
     * @param report the report command
     * @return the request
     */
    public static AccessRequest report(HiddenDangerCommand.Report report) {
        return new AccessRequest(report, Optional.empty());
    }

    /**
     * A request to apply a command to a stored hidden danger.
     *
     * @param command the command
     * @param target the hidden danger
     * @return the request
     */
    public static AccessRequest of(HiddenDangerCommand command, HiddenDanger target) {
        return new AccessRequest(command, Optional.of(target));
    }

    /** @return who acts */
    public Actor actor() {
        return command.actor();
    }

    /** @return the action */
    public HiddenDangerAction action() {
        return command.action();
    }

    /** @return the target's id, or the id being reported */
    public String targetId() {
        return target.map(t -> t.id().value()).orElseGet(() -> command.createdId().orElseThrow().value());
    }
}
