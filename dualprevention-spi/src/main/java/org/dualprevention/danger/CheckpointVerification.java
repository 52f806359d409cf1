package org.dualprevention.danger;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying a store against a {@link Checkpoint} (core's {@code Checkpoints.verify}): the
 * checkpoint given, the one recomputed from the store as of the same instant, and whether they agree.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param expected the checkpoint given
 * @param found the checkpoint recomputed from the store as of {@code expected.asOf()}
 * @param problem what the store's history breaks, or empty when it agrees
 * @since 0.2
 */
public record CheckpointVerification(Checkpoint expected, Checkpoint found, Optional<String> problem) {
    /** Checks the components are present. */
    public CheckpointVerification {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(problem, "problem");
    }

    /** @return whether the store's history as of the checkpoint is the one the checkpoint recorded */
    public boolean isValid() {
        return problem.isEmpty();
    }

    /** Renders as {@code valid (…)} or {@code broken: …}. */
    @Override
    public String toString() {
        return problem.map(p -> "broken: " + p).orElse("valid (" + expected + ")");
    }
}
