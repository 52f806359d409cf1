package org.dualprevention.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.IncidentRepository;

/**
 * Incidents and near misses in {@code dp_incident}, recorded once (the document in the dualprevention-json form,
 * with the risk point, unit, kind and time of occurrence as query columns). Rules IN1 to IN3.
 *
 * @since 0.2
 */
public final class JdbcIncidentRepository implements IncidentRepository {
    private static final String TABLE = "dp_incident";
    private static final String ORDER = " ORDER BY occurred_ns, id";

    private final Transactions tx;
    private final String doc;

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param dialect dialect
     */
    public JdbcIncidentRepository(Transactions tx, Dialect dialect) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.doc = dialect == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?";
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the time of occurrence is outside 1677-09-21 to 2262-04-11 (stored as
     *     nanoseconds) or the incident cannot be held by its JSON form; nothing is stored
     */
    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void add(Incident incident) {
        Objects.requireNonNull(incident, "incident");
        long occurred = nanos(incident);
        String json = IssueDocs.incident(incident);
        try {
            tx.write("add incident [" + incident.id() + "]", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                        + " (tenant_id, id, kind, risk_point_id, unit_id, occurred_ns, doc) VALUES (?, ?, ?, ?, ?, ?, " + doc + ")")) {
                    ps.setString(1, tx.tenant());
                    ps.setString(2, incident.id().value());
                    ps.setString(3, incident.kind().code());
                    ps.setString(4, incident.riskPoint().value());
                    ps.setString(5, incident.unit().value());
                    ps.setLong(6, occurred);
                    ps.setString(7, json);
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
            throw new StaleVersionException("incident [" + incident.id() + "]", 0, 1);
        }
    }

    private static long nanos(Incident incident) {
        try {
            return Sql.nanos(incident.occurredAt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("incident [" + incident.id() + "] field occurredAt [" + incident.occurredAt()
                    + "] cannot be stored; allowed: 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z", e);
        }
    }

    @Override
    public Optional<Incident> find(IncidentId id) {
        Objects.requireNonNull(id, "id");
        List<Incident> found = list("find incident [" + id + "]", " AND id = ?", id.value());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Incident> findAll() {
        return list("find the incidents", ORDER);
    }

    @Override
    public List<Incident> findByRiskPoint(RiskPointId riskPoint) {
        Objects.requireNonNull(riskPoint, "riskPoint");
        return list("find the incidents of risk point [" + riskPoint + "]", " AND risk_point_id = ?" + ORDER, riskPoint.value());
    }

    @Override
    public List<Incident> findBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return list("find the incidents in [" + from + ", " + to + ")", " AND occurred_ns >= ? AND occurred_ns < ?" + ORDER,
                Sql.boundNanos(from), Sql.boundNanos(to));
    }

    private List<Incident> list(String what, String condition, Object... params) {
        return tx.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, occurred_ns, doc, risk_point_id, unit_id, kind FROM " + TABLE
                    + " WHERE tenant_id = ?" + condition)) {
                ps.setString(1, tx.tenant());
                for (int i = 0; i < params.length; i++) {
                    if (params[i] instanceof Long l) {
                        ps.setLong(i + 2, l);
                    } else {
                        ps.setString(i + 2, (String) params[i]);
                    }
                }
                List<Incident> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    /** The incident of a row; the document must agree with the row's id and time. */
    private static Incident read(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        long occurred = rs.getLong(2);
        String where = TABLE + " row [" + id + "]";
        Incident i = IssueDocs.incident(rs.getString(3), where);
        String point = rs.getString(4);
        String unit = rs.getString(5);
        String kind = rs.getString(6);
        if (!i.id().value().equals(id) || Sql.nanos(i.occurredAt()) != occurred || !i.riskPoint().value().equals(point)
                || !i.unit().value().equals(unit) || !i.kind().code().equals(kind)) {
            throw new JdbcStorageException("The stored document of " + where + " is incident [" + i.id() + "] at ["
                    + i.occurredAt() + "], risk point [" + i.riskPoint() + "], unit [" + i.unit() + "], kind [" + i.kind().code()
                    + "] but the row says occurred_ns [" + occurred + "], risk_point_id [" + point + "], unit_id [" + unit
                    + "], kind [" + kind + "]; the row was changed outside the library");
        }
        return i;
    }
}
