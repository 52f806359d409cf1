package org.dualprevention.engine.closedloop;

import java.util.Objects;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerState;

/** TEST ONLY: {@link AuditEntries}'s canonical form as release 0.2 wrote it before issue 17, kept unchanged. */
final class LegacyAuditText {
    private LegacyAuditText() {
    }

    static String canonicalForm(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        AuditEntries.formatProblem(entry).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        StringBuilder sb = new StringBuilder(256 + entry.data().length());
        boolean v2 = entry.format() == AuditEntry.FORMAT_2;
        if (v2) {
            sb.append("format=2\n");
        }
        sb.append("dangerId=").append(LegacyCanonicalData.escape(entry.dangerId().value())).append('\n')
                .append("sequence=").append(entry.sequence()).append('\n')
                .append("actor=").append(LegacyCanonicalData.escape(entry.actor().value())).append('\n')
                .append("at=").append(entry.at()).append('\n')
                .append("action=").append(entry.action().code()).append('\n')
                .append("stateBefore=").append(entry.stateBefore().map(HiddenDangerState::code).orElse("")).append('\n')
                .append("stateAfter=").append(entry.stateAfter().code()).append('\n');
        if (v2) {
            sb.append("stateHash=").append(LegacyCanonicalData.escape(entry.stateHash().orElseThrow())).append('\n');
        }
        sb.append("data=").append(LegacyCanonicalData.escape(entry.data())).append('\n')
                .append("previousHash=").append(LegacyCanonicalData.escape(entry.previousHash())).append('\n');
        if (v2) {
            sb.append("keyId=").append(LegacyCanonicalData.escape(entry.keyId().orElse(""))).append('\n');
        }
        return sb.toString();
    }

}
