package org.dualprevention.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.Organization;
import org.dualprevention.spi.OrganizationRepository;
import org.dualprevention.query.Versioned;

/**
 * The organisation as one row of {@code dp_organization}.
 *
 * @since 0.1
 */
public final class JdbcOrganizationRepository implements OrganizationRepository {
    private final Transactions tx;
    private final JsonCodec codec;
    private final String docParam;
    private volatile @org.jspecify.annotations.Nullable Tallies tallies;

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param codec codec
     * @param pg whether the dialect is PostgreSQL (json column)
     */
    public JdbcOrganizationRepository(Transactions tx, JsonCodec codec, boolean pg) {
        this.tx = tx;
        this.codec = codec;
        this.docParam = pg ? "CAST(? AS json)" : "?";
    }

    /**
     * Writes the organisation's tree for the hidden-danger roll-ups in the transaction of each of its saves from now
     * on, and rebuilds the roll-ups.
     *
     * @param t the counters
     */
    public void keepTallies(Tallies t) {
        this.tallies = Objects.requireNonNull(t, "t");
    }

    @Override
    public Optional<Versioned<Organization>> load() {
        return tx.read("load the organisation", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version, doc FROM dp_organization WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tx.tenant());
                ps.setString(2, AGGREGATE_ID);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long v = rs.getLong(1);
                    return Optional.of(new Versioned<>(codec.read(rs.getString(2), Organization.class, "dp_organization"), v));
                }
            }
        });
    }

    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void save(Organization next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        Repos.checkExpected("Organization", AGGREGATE_ID, expectedVersion);
        String doc = codec.write(next);
        Repos.save(tx, "save the organisation", AGGREGATE_ID, expectedVersion, c -> {
            if (expectedVersion == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO dp_organization (tenant_id, id, version, doc) VALUES (?, ?, 1, " + docParam + ")")) {
                    ps.setString(1, tx.tenant());
                    ps.setString(2, AGGREGATE_ID);
                    ps.setString(3, doc);
                    ps.executeUpdate();
                } catch (java.sql.SQLException e) {
                    if (Transactions.isDuplicateKey(e)) {
                        throw new VersionConflict();
                    }
                    throw e;
                }
                Tallies t = tallies;
                if (t != null) {
                    t.organizationSaved(c, next);
                }
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE dp_organization SET version = ?, doc = " + docParam + " WHERE tenant_id = ? AND id = ? AND version = ?")) {
                ps.setLong(1, expectedVersion + 1);
                ps.setString(2, doc);
                ps.setString(3, tx.tenant());
                ps.setString(4, AGGREGATE_ID);
                ps.setLong(5, expectedVersion);
                if (ps.executeUpdate() != 1) {
                    throw new VersionConflict();
                }
            }
            Tallies t = tallies;
            if (t != null) {
                t.organizationSaved(c, next); // the roll-ups follow the new tree
            }
            return null;
        }, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM dp_organization WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tx.tenant());
                ps.setString(2, AGGREGATE_ID);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }
}
