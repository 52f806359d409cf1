package org.dualprevention.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.spi.RecheckRepository;

/**
 * Results of look-back re-checks in {@code dp_recheck}, one per re-check (hidden danger, round), recorded once;
 * whether it passed and the day of the check are query columns beside the document. Rules RC1 to RC3.
 *
 * @since 0.2
 */
public final class JdbcRecheckRepository implements RecheckRepository {
    private static final String TABLE = "dp_recheck";
    /** The days a DATE column holds on every supported database (MySQL's DATE range). */
    private static final LocalDate FIRST_DAY = LocalDate.of(1000, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final Transactions tx;
    private final String doc;

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param dialect dialect
     */
    public JdbcRecheckRepository(Transactions tx, Dialect dialect) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.doc = dialect == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the day of the check is outside 1000-01-01 to 9999-12-31; nothing is
     *     stored
     */
    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void add(RecheckId id, RecheckResult result) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        if (result.checkedOn().isBefore(FIRST_DAY) || result.checkedOn().isAfter(LAST_DAY)) {
            throw new IllegalArgumentException("look-back re-check [" + id + "] field checkedOn [" + result.checkedOn()
                    + "] cannot be stored; allowed: " + FIRST_DAY + " to " + LAST_DAY);
        }
        String json = IssueDocs.recheck(id, result);
        try {
            tx.write("add the result of look-back re-check [" + id + "]", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                        + " (tenant_id, danger_id, recheck_round, passed, checked_on, doc) VALUES (?, ?, ?, ?, ?, " + doc + ")")) {
                    ps.setString(1, tx.tenant());
                    ps.setString(2, id.danger().value());
                    ps.setInt(3, id.round());
                    ps.setBoolean(4, result.passed());
                    ps.setObject(5, result.checkedOn(), Types.DATE);
                    ps.setString(6, json);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (Transactions.isDuplicateKey(e)) {
                        throw new VersionConflict();
                    }
                    throw e;
                }
                return null;
            });
        } catch (VersionConflict e) {
            throw new StaleVersionException("look-back re-check [" + id + "]", 0, 1);
        }
    }

    @Override
    public Optional<RecheckResult> find(RecheckId id) {
        Objects.requireNonNull(id, "id");
        Map<RecheckId, RecheckResult> found = list("find the result of look-back re-check [" + id + "]",
                " AND danger_id = ? AND recheck_round = ?", List.of(id.danger().value(), id.round()));
        return Optional.ofNullable(found.get(id));
    }

    @Override
    public Map<RecheckId, RecheckResult> findAll() {
        return list("find the results of look-back re-checks", " ORDER BY danger_id, recheck_round", List.of());
    }

    private Map<RecheckId, RecheckResult> list(String what, String condition, List<Object> params) {
        return tx.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT danger_id, recheck_round, passed, checked_on, doc FROM "
                    + TABLE + " WHERE tenant_id = ?" + condition)) {
                ps.setString(1, tx.tenant());
                for (int i = 0; i < params.size(); i++) {
                    Sql.bind(ps, i + 2, params.get(i), Types.VARCHAR);
                }
                Map<RecheckId, RecheckResult> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        read(rs, out);
                    }
                }
                return Collections.unmodifiableMap(out);
            }
        });
    }

    /** A row's result; the document must agree with the row's key and query columns. */
    private static void read(ResultSet rs, Map<RecheckId, RecheckResult> out) throws SQLException {
        String danger = rs.getString(1);
        int round = rs.getInt(2);
        boolean passed = rs.getBoolean(3);
        LocalDate on = rs.getObject(4, LocalDate.class);
        String json = rs.getString(5);
        String where = TABLE + " row [" + danger + "#" + round + "]";
        RecheckId id = IssueDocs.recheckId(json, where);
        RecheckResult r = IssueDocs.recheck(json, where);
        if (!id.danger().value().equals(danger) || id.round() != round || r.passed() != passed || !r.checkedOn().equals(on)) {
            throw new JdbcStorageException("The stored document of " + where + " is re-check [" + id + "] passed ["
                    + r.passed() + "] on [" + r.checkedOn() + "] but the row says passed [" + passed + "] checked_on [" + on
                    + "]; the row was changed outside the library");
        }
        out.put(id, r);
    }
}
