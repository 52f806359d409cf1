package org.dualprevention.json;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.closedloop.AuditEntries;
import org.dualprevention.organization.ActorId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/** JSON shape of the hidden-danger types, both directions. */
final class DangerReader {
    static final String HASH = "64 lower-case hexadecimal digits (a SHA-256)";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private DangerReader() {
    }

    static void auditEntry(JsonGenerator g, AuditEntry e) {
        g.writeStartObject();
        g.writeStringProperty("dangerId", e.dangerId().value());
        g.writeNumberProperty("sequence", e.sequence());
        g.writeStringProperty("actor", e.actor().value());
        g.writeStringProperty("at", ModelWriter.instant(e.at()));
        g.writeStringProperty("action", e.action().code());
        if (e.stateBefore().isPresent()) {
            g.writeStringProperty("stateBefore", e.stateBefore().get().code());
        }
        g.writeStringProperty("stateAfter", e.stateAfter().code());
        g.writeStringProperty("data", e.data());
        g.writeStringProperty("previousHash", e.previousHash());
        g.writeStringProperty("hash", e.hash());
        if (e.format() != AuditEntry.FORMAT_1) {
            g.writeNumberProperty("format", e.format());
        }
        if (e.stateHash().isPresent()) {
            g.writeStringProperty("stateHash", e.stateHash().get());
        }
        if (e.keyId().isPresent()) {
            g.writeStringProperty("keyId", e.keyId().get());
        }
        g.writeEndObject();
    }

    /** Reads an entry and checks its own hash; the chain is checked by the caller. */
    @SuppressWarnings("NullAway") // a field read as null has counted a problem: the count check returns first
    static @Nullable AuditEntry auditEntry(ModelReader r, JsonNode n, String ptr) {
        Problems problems = r.problems;
        long before = problems.structural();
        if (!r.object(n, ptr, "an audit entry object", "dangerId", "sequence", "actor", "at", "action", "stateBefore",
                "stateAfter", "data", "previousHash", "hash", "format", "stateHash", "keyId")) {
            return null;
        }
        HiddenDangerId id = r.id(n, "dangerId", ptr, HiddenDangerId::of);
        Long sequence = r.longValue(n, "sequence", ptr, 1, Long.MAX_VALUE);
        ActorId actor = r.id(n, "actor", ptr, ActorId::of);
        Instant at = r.instant(n, "at", ptr);
        HiddenDangerAction action = r.code(n, "action", ptr, HiddenDangerAction::fromCode,
                ModelReader.codes(HiddenDangerAction.values(), HiddenDangerAction::code));
        HiddenDangerState before0 = n.has("stateBefore") ? r.code(n, "stateBefore", ptr, HiddenDangerState::fromCode,
                ModelReader.codes(HiddenDangerState.values(), HiddenDangerState::code)) : null;
        HiddenDangerState after = r.code(n, "stateAfter", ptr, HiddenDangerState::fromCode,
                ModelReader.codes(HiddenDangerState.values(), HiddenDangerState::code));
        String data = r.string(n, "data", ptr);
        String previous = hash(r, n, "previousHash", ptr);
        String hash = hash(r, n, "hash", ptr);
        int format = AuditEntry.FORMAT_1;
        if (n.has("format")) {
            Long f = r.longValue(n, "format", ptr, AuditEntry.FORMAT_1, AuditEntry.FORMAT_2);
            format = f == null ? AuditEntry.FORMAT_1 : f.intValue();
        }
        String stateHash = n.has("stateHash") ? hash(r, n, "stateHash", ptr) : null;
        String keyId = n.has("keyId") ? r.id(n, "keyId", ptr, k -> k) : null;
        if (format == AuditEntry.FORMAT_2 && !n.has("stateHash")) {
            problems.add(Problems.child(ptr, "stateHash"), null, "64 lower-case hexadecimal digits: an entry in format 2"
                    + " records the hash of the state it produces");
        }
        if (format == AuditEntry.FORMAT_1 && (n.has("stateHash") || n.has("keyId"))) {
            problems.add(Problems.child(ptr, "format"), n.path("format"), "2 for an entry with a stateHash or keyId");
        }
        if (problems.structural() > before) {
            return null;
        }
        AuditEntry e = new AuditEntry(id, sequence, actor, at, action, Optional.ofNullable(before0), after, data, previous,
                hash, format, Optional.ofNullable(stateHash), Optional.ofNullable(keyId));
        if (e.keyId().isEmpty() && !AuditEntries.computeHash(e).equals(hash)) {
            problems.add(Problems.child(ptr, "hash"), hash, "[" + AuditEntries.computeHash(e)
                    + "], the SHA-256 of the entry's canonical form (the entry was edited)");
            return null;
        }
        return e;
    }

    private static @Nullable String hash(ModelReader r, JsonNode n, String field, String ptr) {
        JsonNode v = n.path(field);
        if (!v.isString() || !HEX64.matcher(v.stringValue()).matches()) {
            r.problems.add(Problems.child(ptr, field), v, HASH);
            return null;
        }
        return v.stringValue();
    }
}
