package org.dualprevention.json;

import java.util.List;
import java.util.Objects;

import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;

/**
 * A hidden danger with its whole audit chain: the unit of the hidden-danger ledger. The danger is the
 * replay of the chain, so the two always agree.
 *
 * @param danger the current state of the hidden danger
 * @param entries its audit entries, from the REPORT (sequence 1) to the one its audit head names
 * @since 0.1
 */
public record HiddenDangerRecord(HiddenDanger danger, List<AuditEntry> entries) {
    /** Validates and copies the components. */
    public HiddenDangerRecord {
        Objects.requireNonNull(danger, "danger");
        entries = List.copyOf(entries);
    }
}
