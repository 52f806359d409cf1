package org.dualprevention.jdbc.internal;

import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.query.InspectionPlanQuery;
import org.dualprevention.spi.InspectionPlanRepository;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;

/**
 * Inspection plans in {@code dp_inspection_plan}.
 *
 * @since 0.1
 */
public final class JdbcInspectionPlanRepository implements InspectionPlanRepository {
    private final Transactions tx;
    private final DocTable<InspectionPlan> table;

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param codec codec
     * @param dialect dialect
     */
    public JdbcInspectionPlanRepository(Transactions tx, JsonCodec codec, Dialect dialect) {
        this.tx = tx;
        this.table = new DocTable<>("dp_inspection_plan", dialect, InspectionPlan.class, p -> p.id().value(),
                InspectionPlan::version,
                List.of(new DocTable.Column<>("unit_id", Types.VARCHAR, p -> p.unit().value()),
                        new DocTable.Column<>("kind", Types.VARCHAR, p -> p.kind().code()),
                        new DocTable.Column<>("valid_from", Types.DATE, InspectionPlan::validFrom),
                        new DocTable.Column<>("valid_until", Types.DATE, p -> p.validUntil().orElse(null))),
                codec).tenant(tx.tenant());
    }

    @Override
    public Optional<InspectionPlan> find(InspectionPlanId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("find inspection plan [" + id + "]", c -> table.find(c, id.value()));
    }

    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void save(InspectionPlan next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        String id = next.id().value();
        Repos.checkStep("InspectionPlan", id, next.version(), expectedVersion);
        Repos.save(tx, "save inspection plan [" + id + "]", id, expectedVersion, c -> {
            table.save(c, next, expectedVersion);
            return null;
        }, c -> table.currentVersion(c, id));
    }

    @Override
    public Page<InspectionPlan> find(InspectionPlanQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        Sql.Where w = new Sql.Where();
        query.units().ifPresent(u -> w.in("unit_id", u.stream().map(x -> x.value()).collect(Collectors.toList())));
        query.kinds().ifPresent(k -> w.in("kind", k.stream().map(PlanKind::code).collect(Collectors.toList())));
        if (query.validFrom().isPresent()) {
            w.and("valid_from <= ?", query.validUntil().orElseThrow());
            w.and("(valid_until IS NULL OR valid_until >= ?)", query.validFrom().get());
        }
        Optional<String[]> after = Sql.untoken(page.after(), 1);
        DocTable.Result<InspectionPlan> r = tx.read("find inspection plans " + query,
                c -> table.page(c, w, List.of("id"), after, page.limit(), p -> new String[] {p.id().value()}));
        return Page.of(r.items(), r.next());
    }
}
