package org.dualprevention.danger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying a store against a {@link Checkpoint} (core's {@code Checkpoints.verify}): the
 * checkpoint given, the one recomputed from the store as of the same instant, whether they agree, and, when the
 * host kept the checkpoint's {@link CheckpointDetail}, which hidden dangers differ and how ({@link #findings()}).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param expected the checkpoint given
 * @param found the checkpoint recomputed from the store as of {@code expected.asOf()}
 * @param problem what the store's history breaks, or empty when it agrees
 * @param findings each hidden danger found changed (localised with a {@link CheckpointDetail}) or failing the host's
 *     keys, in id order; empty when valid or when the checkpoint alone cannot say which
 * @since 0.2
 */
public record CheckpointVerification(Checkpoint expected, Checkpoint found, Optional<String> problem,
        List<CheckpointFinding> findings) {
    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if there are findings but no problem
     */
    public CheckpointVerification {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(problem, "problem");
        findings = List.copyOf(findings);
        if (problem.isEmpty() && !findings.isEmpty()) {
            throw new IllegalArgumentException("a verification with [" + findings.size()
                    + "] findings has no problem; allowed: findings only with a problem");
        }
    }

    /**
     * A result without findings (the checkpoint alone does not say which hidden dangers changed).
     *
     * @param expected the checkpoint given
     * @param found the checkpoint recomputed
     * @param problem what the history breaks, or empty
     */
    public CheckpointVerification(Checkpoint expected, Checkpoint found, Optional<String> problem) {
        this(expected, found, problem, List.of());
    }

    /** @return whether the store's history as of the checkpoint is the one the checkpoint recorded */
    public boolean isValid() {
        return problem.isEmpty();
    }

    /**
     * The findings of one kind.
     *
     * @param kind the kind
     * @return the ids of the hidden dangers found so, in id order
     */
    public List<HiddenDangerId> dangers(CheckpointFinding.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        return findings.stream().filter(f -> f.kind() == kind).map(CheckpointFinding::dangerId).toList();
    }

    /** Renders as {@code valid (…)} or {@code broken: …}, then one line per finding. */
    @Override
    public String toString() {
        if (problem.isEmpty()) {
            return "valid (" + expected + ")";
        }
        StringBuilder sb = new StringBuilder("broken: ").append(problem.get());
        for (CheckpointFinding f : findings) {
            sb.append("\n  ").append(f);
        }
        return sb.toString();
    }
}
