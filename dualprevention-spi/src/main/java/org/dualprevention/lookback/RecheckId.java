package org.dualprevention.lookback;

import java.util.Objects;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.internal.Checks;

/**
 * The id of a re-check: the hidden danger and the round (1 for the first period of its grade, 2 for the
 * second, …).
 *
 * @param danger the closed hidden danger
 * @param round the round, 1 or more
 * @since 0.2
 */
public record RecheckId(HiddenDangerId danger, int round) implements Comparable<RecheckId> {
    /** Validates the components. */
    public RecheckId {
        Objects.requireNonNull(danger, "danger");
        Checks.checkArgument(round >= 1, "round [%s] must be 1 or more", round);
    }

    @Override
    public int compareTo(RecheckId o) {
        int c = danger.value().compareTo(o.danger.value());
        return c != 0 ? c : Integer.compare(round, o.round);
    }

    /** Renders as {@code danger#round}. */
    @Override
    public String toString() {
        return danger + "#" + round;
    }
}
