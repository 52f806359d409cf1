package org.dualprevention.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.jdbc.CorruptRecordException;
import org.jspecify.annotations.Nullable;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.internal.IsoTimes;
import org.dualprevention.organization.ActorId;
import org.dualprevention.spi.AuditLog;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;

/**
 * The append-only audit log in {@code dp_audit_entry}: one row per entry, every component in its own
 * column (the instant as its ISO-8601 text, exactly as hashed), keyed by (hidden danger, sequence).
 *
 * @since 0.1
 */
public final class JdbcAuditLog implements AuditLog {
    private static final String INSERT = "INSERT INTO dp_audit_entry (danger_id, seq, actor_id, at_text, action,"
            + " state_before, state_after, data, previous_hash, hash, entry_format, state_hash, key_id, tenant_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The SELECT of one page of a chain: tenant, hidden danger id, sequence after, limit. */
    public static final String ENTRIES = "SELECT seq, actor_id, at_text, action, state_before, state_after,"
            + " data, previous_hash, hash, entry_format, state_hash, key_id FROM dp_audit_entry"
            + " WHERE tenant_id = ? AND danger_id = ? AND seq > ? ORDER BY seq LIMIT ?";

    private final Transactions tx;

    /**
     * Creates the log.
     *
     * @param tx transactions
     */
    public JdbcAuditLog(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Appends entries (inside the caller's transaction); a duplicate (hidden danger, sequence) is a
     * {@link VersionConflict}.
     *
     * @param c connection in a transaction
     * @param entries entries
     * @throws SQLException on failure
     */
    static void insert(Connection c, String tenant, Collection<AuditEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int n = 0;
            for (AuditEntry e : entries) {
                ps.setString(1, e.dangerId().value());
                ps.setLong(2, e.sequence());
                ps.setString(3, e.actor().value());
                ps.setString(4, e.at().toString());
                ps.setString(5, e.action().code());
                if (e.stateBefore().isPresent()) {
                    ps.setString(6, e.stateBefore().get().code());
                } else {
                    ps.setNull(6, Types.VARCHAR);
                }
                ps.setString(7, e.stateAfter().code());
                ps.setString(8, e.data());
                ps.setString(9, e.previousHash());
                ps.setString(10, e.hash());
                ps.setInt(11, e.format());
                if (e.stateHash().isPresent()) {
                    ps.setString(12, e.stateHash().get());
                } else {
                    ps.setNull(12, Types.CHAR);
                }
                if (e.keyId().isPresent()) {
                    ps.setString(13, e.keyId().get());
                } else {
                    ps.setNull(13, Types.VARCHAR);
                }
                ps.setString(14, tenant);
                if (entries.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                    if (++n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            if (entries.size() > 1 && n % 500 != 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            if (entries.size() == 1 && Transactions.isDuplicateKey(e)) {
                throw new VersionConflict();
            }
            throw e;
        }
    }

    /** The columns of an entry as {@link #entry} reads them, each prefixed with an alias and a dot. */
    static String entryColumns(String alias) {
        return String.join(", ", java.util.Arrays.stream(new String[] {"seq", "actor_id", "at_text", "action", "state_before",
                "state_after", "data", "previous_hash", "hash", "entry_format", "state_hash", "key_id"})
                .map(c -> alias + "." + c).toArray(String[]::new));
    }

    static AuditEntry entry(HiddenDangerId danger, ResultSet rs, int first) throws SQLException {
        long seq = rs.getLong(first);
        String d = danger.value();
        ActorId actor = parse(d, seq, "actor_id", rs.getString(first + 1), ActorId::of, "an actor id");
        Instant at = parse(d, seq, "at_text", rs.getString(first + 2), IsoTimes::parseInstant, "an ISO-8601 instant");
        HiddenDangerAction action = parse(d, seq, "action", rs.getString(first + 3), HiddenDangerAction::fromCode,
                "an action code");
        String before = rs.getString(first + 4);
        Optional<HiddenDangerState> stateBefore = before == null ? Optional.empty()
                : Optional.of(parse(d, seq, "state_before", before, HiddenDangerState::fromCode, "a state code"));
        HiddenDangerState stateAfter = parse(d, seq, "state_after", rs.getString(first + 5), HiddenDangerState::fromCode,
                "a state code");
        String data = rs.getString(first + 6);
        String previous = rs.getString(first + 7);
        String hash = rs.getString(first + 8);
        int format = rs.getInt(first + 9);
        Optional<String> stateHash = Optional.ofNullable(rs.getString(first + 10)).map(String::trim);
        Optional<String> keyId = Optional.ofNullable(rs.getString(first + 11));
        try {
            return new AuditEntry(danger, seq, actor, at, action, stateBefore, stateAfter, data,
                    previous == null ? "" : previous.trim(), hash == null ? "" : hash.trim(), format, stateHash, keyId);
        } catch (RuntimeException e) {
            throw CorruptRecordException.unreadable(d, seq, "previous_hash/hash/entry_format/state_hash", previous + " / "
                    + hash + " / " + format + " / " + stateHash.orElse(null), "a valid audit entry (" + e.getMessage() + ")", e);
        }
    }

    /** Parses one column of an entry; a value that cannot be read names the hidden danger, entry and column. */
    private static <T> T parse(String danger, long seq, String column, @Nullable String text,
            java.util.function.Function<String, T> parser, String expected) {
        if (text == null) {
            throw CorruptRecordException.unreadable(danger, seq, column, null, expected, null);
        }
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw CorruptRecordException.unreadable(danger, seq, column, text, expected, e);
        }
    }

    /**
     * The audit chains of several hidden dangers, each up to a version.
     *
     * @param c connection
     * @param versions hidden danger id to the stored version
     * @return id to its entries 1 to version, in order
     * @throws SQLException on failure
     */
    static Map<String, List<AuditEntry>> chains(Connection c, String tenant, Map<String, Long> versions)
            throws SQLException {
        Map<String, List<AuditEntry>> out = new HashMap<>();
        List<String> ids = new ArrayList<>(versions.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            Sql.Where w = new Sql.Where().in("danger_id", ids.subList(from, Math.min(ids.size(), from + 500)));
            w.and("tenant_id = ?", tenant);
            try (PreparedStatement ps = c.prepareStatement("SELECT danger_id, seq, actor_id, at_text, action, state_before,"
                    + " state_after, data, previous_hash, hash, entry_format, state_hash, key_id FROM dp_audit_entry" + w.sql() + " ORDER BY danger_id, seq")) {
                w.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (rs.getLong(2) <= Objects.requireNonNull(versions.get(id), id)) {
                            out.computeIfAbsent(id, k -> new ArrayList<>()).add(entry(HiddenDangerId.of(id), rs, 2));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Page<AuditEntry> entries(HiddenDangerId danger, PageRequest page) {
        Objects.requireNonNull(danger, "danger");
        Objects.requireNonNull(page, "page");
        long after;
        Optional<String[]> token = Sql.untoken(page.after(), 1);
        try {
            after = token.map(t -> Long.parseLong(t[0])).orElse(0L);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page token [" + page.after().orElseThrow() + "] is not a position of an audit log", e);
        }
        return tx.read("read the audit log of [" + danger + "]", c -> {
            List<AuditEntry> out = new ArrayList<>();
            boolean more = false;
            try (PreparedStatement ps = c.prepareStatement(ENTRIES)) {
                ps.setString(1, tx.tenant());
                ps.setString(2, danger.value());
                ps.setLong(3, after);
                ps.setInt(4, page.limit() + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (out.size() == page.limit()) {
                            more = true;
                            break;
                        }
                        out.add(entry(danger, rs, 1));
                    }
                }
            }
            Optional<String> next = more ? Optional.of(Sql.token(Long.toString(out.get(out.size() - 1).sequence())))
                    : Optional.empty();
            return Page.of(out, next);
        });
    }
}
