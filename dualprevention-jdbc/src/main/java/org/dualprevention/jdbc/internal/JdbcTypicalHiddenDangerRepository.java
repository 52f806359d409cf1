package org.dualprevention.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.learning.TypicalHiddenDanger;
import org.dualprevention.spi.TypicalHiddenDangerRepository;

/**
 * The typical hidden-danger library in {@code dp_typical_danger}, one entry per hidden danger, added once; the
 * time it was marked is a query column beside the document. Rules TY1 to TY3.
 *
 * @since 0.2
 */
public final class JdbcTypicalHiddenDangerRepository implements TypicalHiddenDangerRepository {
    private static final String TABLE = "dp_typical_danger";

    private final Transactions tx;
    private final String doc;

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param dialect dialect
     */
    public JdbcTypicalHiddenDangerRepository(Transactions tx, Dialect dialect) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.doc = dialect == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the time it was marked is outside 1677-09-21 to 2262-04-11 (stored as
     *     nanoseconds); nothing is stored
     */
    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void add(TypicalHiddenDanger entry) {
        Objects.requireNonNull(entry, "entry");
        long marked;
        try {
            marked = Sql.nanos(entry.markedAt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("typical hidden danger [" + entry.source() + "] field markedAt ["
                    + entry.markedAt() + "] cannot be stored; allowed: 1677-09-21T00:12:43.145224192Z to"
                    + " 2262-04-11T23:47:16.854775807Z", e);
        }
        String json = IssueDocs.typical(entry);
        try {
            tx.write("add typical hidden danger [" + entry.source() + "]", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                        + " (tenant_id, id, marked_ns, doc) VALUES (?, ?, ?, " + doc + ")")) {
                    ps.setString(1, tx.tenant());
                    ps.setString(2, entry.source().value());
                    ps.setLong(3, marked);
                    ps.setString(4, json);
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
            throw new StaleVersionException("typical hidden danger [" + entry.source() + "]", 0, 1);
        }
    }

    @Override
    public Optional<TypicalHiddenDanger> find(HiddenDangerId source) {
        Objects.requireNonNull(source, "source");
        List<TypicalHiddenDanger> found = list("find typical hidden danger [" + source + "]", " AND id = ?", source.value());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<TypicalHiddenDanger> findAll() {
        return list("find the typical hidden dangers", " ORDER BY id", null);
    }

    private List<TypicalHiddenDanger> list(String what, String condition, @org.jspecify.annotations.Nullable String id) {
        return tx.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, marked_ns, doc FROM " + TABLE
                    + " WHERE tenant_id = ?" + condition)) {
                ps.setString(1, tx.tenant());
                if (id != null) {
                    ps.setString(2, id);
                }
                List<TypicalHiddenDanger> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        long marked = rs.getLong(2);
                        String where = TABLE + " row [" + key + "]";
                        TypicalHiddenDanger t = IssueDocs.typical(rs.getString(3), where);
                        if (!t.source().value().equals(key) || Sql.nanos(t.markedAt()) != marked) {
                            throw new JdbcStorageException("The stored document of " + where + " is hidden danger ["
                                    + t.source() + "] marked at [" + t.markedAt() + "] but the row says marked_ns [" + marked
                                    + "]; the row was changed outside the library");
                        }
                        out.add(t);
                    }
                }
                return List.copyOf(out);
            }
        });
    }
}
