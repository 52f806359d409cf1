package org.dualprevention.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.MajorHazardRepository;

/**
 * Major hazard installations in {@code dp_major_hazard} (the document in the dualprevention-json form, under an
 * optimistic version), with the risk points each lies on in {@code dp_major_hazard_point}. Rules MH1 to MH4.
 *
 * @since 0.2
 */
public final class JdbcMajorHazardRepository implements MajorHazardRepository {
    private static final String TABLE = "dp_major_hazard";

    private final Transactions tx;
    private final String doc;

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param dialect dialect
     */
    public JdbcMajorHazardRepository(Transactions tx, Dialect dialect) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.doc = dialect == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?";
    }

    @Override
    public Optional<MajorHazardInstallation> find(InstallationId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("find major hazard installation [" + id + "]", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, version, doc, unit_id FROM " + TABLE
                    + " WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tx.tenant());
                ps.setString(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void save(MajorHazardInstallation next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        String id = next.id().value();
        Repos.checkStep("MajorHazardInstallation", id, next.version(), expectedVersion);
        String json = IssueDocs.majorHazard(next);
        Repos.save(tx, "save major hazard installation [" + id + "]", id, expectedVersion, c -> {
            if (expectedVersion == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                        + " (tenant_id, id, version, unit_id, doc) VALUES (?, ?, ?, ?, " + doc + ")")) {
                    ps.setString(1, tx.tenant());
                    ps.setString(2, id);
                    ps.setLong(3, next.version());
                    ps.setString(4, next.unit().value());
                    ps.setString(5, json);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (Transactions.isDuplicateKey(e)) {
                        throw new VersionConflict();
                    }
                    throw e;
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                        + " SET version = ?, unit_id = ?, doc = " + doc + " WHERE tenant_id = ? AND id = ? AND version = ?")) {
                    ps.setLong(1, next.version());
                    ps.setString(2, next.unit().value());
                    ps.setString(3, json);
                    ps.setString(4, tx.tenant());
                    ps.setString(5, id);
                    ps.setLong(6, expectedVersion);
                    if (ps.executeUpdate() != 1) {
                        throw new VersionConflict();
                    }
                }
            }
            writePoints(c, next);
            return null;
        }, c -> currentVersion(c, id));
    }

    private void writePoints(Connection c, MajorHazardInstallation next) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM dp_major_hazard_point WHERE tenant_id = ? AND installation_id = ?")) {
            del.setString(1, tx.tenant());
            del.setString(2, next.id().value());
            del.executeUpdate();
        }
        if (next.riskPoints().isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO dp_major_hazard_point (tenant_id, risk_point_id, installation_id) VALUES (?, ?, ?)")) {
            for (RiskPointId p : next.riskPoints()) {
                ins.setString(1, tx.tenant());
                ins.setString(2, p.value());
                ins.setString(3, next.id().value());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private long currentVersion(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + TABLE + " WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tx.tenant());
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Override
    public List<MajorHazardInstallation> findAll() {
        return tx.read("find the major hazard installations", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, version, doc, unit_id FROM " + TABLE
                    + " WHERE tenant_id = ? ORDER BY id")) {
                ps.setString(1, tx.tenant());
                return readAll(ps);
            }
        });
    }

    @Override
    public List<MajorHazardInstallation> findByRiskPoint(RiskPointId riskPoint) {
        Objects.requireNonNull(riskPoint, "riskPoint");
        return tx.read("find the major hazard installations of risk point [" + riskPoint + "]", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT m.id, m.version, m.doc, m.unit_id FROM dp_major_hazard_point p"
                    + " JOIN " + TABLE + " m ON m.tenant_id = p.tenant_id AND m.id = p.installation_id"
                    + " WHERE p.tenant_id = ? AND p.risk_point_id = ? ORDER BY m.id")) {
                ps.setString(1, tx.tenant());
                ps.setString(2, riskPoint.value());
                return readAll(ps);
            }
        });
    }

    private static List<MajorHazardInstallation> readAll(PreparedStatement ps) throws SQLException {
        List<MajorHazardInstallation> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return List.copyOf(out);
    }

    /** The installation of a row; the document must agree with the row's id and version. */
    private static MajorHazardInstallation read(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        long version = rs.getLong(2);
        String where = TABLE + " row [" + id + "]";
        MajorHazardInstallation m = IssueDocs.majorHazard(rs.getString(3), where);
        String unit = rs.getString(4);
        if (!m.id().value().equals(id) || m.version() != version || !m.unit().value().equals(unit)) {
            throw new JdbcStorageException("The stored document of " + where + " is installation [" + m.id() + "] version ["
                    + m.version() + "] of unit [" + m.unit() + "] but the row says version [" + version + "], unit_id [" + unit
                    + "]; the row was changed outside the library");
        }
        return m;
    }
}
