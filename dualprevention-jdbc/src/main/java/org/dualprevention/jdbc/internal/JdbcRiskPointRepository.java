package org.dualprevention.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.spi.RiskPointRepository;

/**
 * Risk points in {@code dp_risk_point}, with the hazard lookup in {@code dp_hazard}.
 *
 * @since 0.1
 */
public final class JdbcRiskPointRepository implements RiskPointRepository {
    private final Transactions tx;
    private final DocTable<RiskPoint> table;
    private volatile @org.jspecify.annotations.Nullable Tallies tallies;

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param codec codec
     * @param dialect dialect
     */
    public JdbcRiskPointRepository(Transactions tx, JsonCodec codec, Dialect dialect) {
        this.tx = tx;
        this.table = new DocTable<>("dp_risk_point", dialect, RiskPoint.class, r -> r.id().value(), RiskPoint::version,
                List.of(new DocTable.Column<>("unit_id", Types.VARCHAR, r -> r.owningUnit().value()),
                        new DocTable.Column<>("zone_id", Types.VARCHAR, r -> r.zone().map(MapZoneId::value).orElse(null)),
                        new DocTable.Column<>("flagged", Types.BOOLEAN,
                                r -> r.hazards().stream().anyMatch(h -> h.reassessment().isPresent()))),
                codec).tenant(tx.tenant());
    }

    /**
     * Recounts the hidden dangers of a risk point in the transaction of each of its saves from now on (the
     * hidden-danger counters by accident type, hazard class and control level).
     *
     * @param t the counters
     */
    public void keepTallies(Tallies t) {
        this.tallies = Objects.requireNonNull(t, "t");
    }

    /**
     * The stored risk point, read on the caller's connection (in its transaction).
     *
     * @param c the connection
     * @param id the risk point's id
     * @return it, if stored
     * @throws SQLException on failure
     */
    public Optional<RiskPoint> find(java.sql.Connection c, String id) throws SQLException {
        return table.find(c, id);
    }

    @Override
    public Optional<RiskPoint> find(RiskPointId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("find risk point [" + id + "]", c -> table.find(c, id.value()));
    }

    @Override
    @SuppressWarnings("NullAway") // the SqlWork answers null for "no such row", read with Optional.ofNullable
    public Optional<RiskPoint> findByHazard(HazardId hazard) {
        Objects.requireNonNull(hazard, "hazard");
        String rp = tx.read("find the risk point of hazard [" + hazard + "]", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT risk_point_id FROM dp_hazard WHERE tenant_id = ? AND hazard_id = ?")) {
                ps.setString(1, tx.tenant());
                ps.setString(2, hazard.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return rp == null ? Optional.empty() : find(RiskPointId.of(rp)).filter(p -> p.hazard(hazard).isPresent());
    }

    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void save(RiskPoint next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        String id = next.id().value();
        Repos.checkStep("RiskPoint", id, next.version(), expectedVersion);
        Repos.save(tx, "save risk point [" + id + "]", id, expectedVersion, c -> {
            table.save(c, next, expectedVersion);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM dp_hazard WHERE tenant_id = ? AND risk_point_id = ?")) {
                del.setString(1, tx.tenant());
                del.setString(2, id);
                del.executeUpdate();
            }
            if (!next.hazards().isEmpty()) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO dp_hazard (tenant_id, hazard_id, risk_point_id) VALUES (?, ?, ?)")) {
                    for (Hazard h : next.hazards()) {
                        ins.setString(1, tx.tenant());
                        ins.setString(2, h.id().value());
                        ins.setString(3, id);
                        ins.addBatch();
                    }
                    ins.executeBatch();
                } catch (SQLException e) {
                    if (Transactions.isDuplicateKey(e)) {
                        throw new IllegalArgumentException("risk point [" + id + "] lists a hazard id held by another risk point"
                                + " (hazard ids are unique across the register): "
                                + next.hazards().stream().map(h -> h.id().value()).collect(Collectors.joining(", ", "[", "]")), e);
                    }
                    throw e;
                }
            }
            Tallies t = tallies;
            if (t != null) {
                t.riskPointSaved(c, next); // its hidden dangers' accident types, hazard class and control level
            }
            return null;
        }, c -> table.currentVersion(c, id));
    }

    private static Sql.Where where(RiskPointQuery q) {
        Sql.Where w = new Sql.Where();
        q.units().ifPresent(u -> w.in("unit_id", u.stream().map(x -> x.value()).collect(Collectors.toList())));
        q.zones().ifPresent(z -> w.in("zone_id", z.stream().map(x -> x.value()).collect(Collectors.toList())));
        if (q.flaggedOnly()) {
            w.and("flagged = TRUE");
        }
        return w;
    }

    @Override
    public Page<RiskPoint> find(RiskPointQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        Optional<String[]> after = Sql.untoken(page.after(), 1);
        DocTable.Result<RiskPoint> r = tx.read("find risk points " + query,
                c -> table.page(c, where(query), List.of("id"), after, page.limit(), p -> new String[] {p.id().value()}));
        return Page.of(r.items(), r.next());
    }

    @Override
    public long count(RiskPointQuery query) {
        Objects.requireNonNull(query, "query");
        return tx.read("count risk points " + query, c -> table.count(c, where(query)));
    }
}
