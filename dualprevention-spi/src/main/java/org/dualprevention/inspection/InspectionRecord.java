package org.dualprevention.inspection;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.ActorId;

/**
 * The record of a done inspection task: who inspected, when, and one result per item.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param inspector who inspected
 * @param recordedAt when the record was made, from the engine's clock
 * @param results one result per item of the task, no item twice
 * @since 0.1
 */
public record InspectionRecord(ActorId inspector, Instant recordedAt, List<ItemResult> results) {
    /** Validates the components. */
    public InspectionRecord {
        Objects.requireNonNull(inspector, "inspector");
        Objects.requireNonNull(recordedAt, "recordedAt");
        results = List.copyOf(results);
        Set<InspectionItemId> seen = new HashSet<>();
        for (ItemResult r : results) {
            Checks.checkArgument(seen.add(r.item()), "item [%s] has two results", r.item());
        }
    }

    /** @return how many items failed */
    public long failedCount() {
        return results.stream().filter(r -> r.outcome() == ItemOutcome.FAILED).count();
    }
}
