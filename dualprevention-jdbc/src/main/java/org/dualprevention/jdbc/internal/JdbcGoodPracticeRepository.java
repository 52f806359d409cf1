package org.dualprevention.jdbc.internal;

import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.StaleVersionException;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.query.GoodPracticeQuery;
import org.dualprevention.spi.GoodPracticeRepository;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;

/**
 * Good practices in {@code dp_good_practice}, written once.
 *
 * @since 0.1
 */
public final class JdbcGoodPracticeRepository implements GoodPracticeRepository {
    private final Transactions tx;
    private final DocTable<GoodPractice> table;

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param codec codec
     * @param dialect dialect
     */
    public JdbcGoodPracticeRepository(Transactions tx, JsonCodec codec, Dialect dialect) {
        this.tx = tx;
        this.table = new DocTable<>("dp_good_practice", dialect, GoodPractice.class, p -> p.id().value(), null,
                List.of(new DocTable.Column<>("unit_id", Types.VARCHAR, p -> p.unit().value()),
                        new DocTable.Column<>("observed_ns", Types.BIGINT, p -> Sql.nanos(p.observedAt()))),
                codec).tenant(tx.tenant());
    }

    @Override
    public Optional<GoodPractice> find(GoodPracticeId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("find good practice [" + id + "]", c -> table.find(c, id.value()));
    }

    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void add(GoodPractice practice) {
        Objects.requireNonNull(practice, "practice");
        Sql.nanos(practice.observedAt());
        try {
            tx.write("add good practice [" + practice.id() + "]", c -> {
                table.save(c, practice, 0);
                return null;
            });
        } catch (VersionConflict e) {
            throw new StaleVersionException(practice.id().value(), 0, 1);
        }
    }

    private static Sql.Where where(GoodPracticeQuery q) {
        Sql.Where w = new Sql.Where();
        q.units().ifPresent(u -> w.in("unit_id", u.stream().map(x -> x.value()).collect(Collectors.toList())));
        if (q.from().isPresent()) {
            w.and("observed_ns >= ?", Sql.boundNanos(q.from().get()));
            w.and("observed_ns < ?", Sql.boundNanos(q.before().orElseThrow()));
        }
        return w;
    }

    @Override
    public Page<GoodPractice> find(GoodPracticeQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        Optional<String[]> after = Sql.untoken(page.after(), 1);
        DocTable.Result<GoodPractice> r = tx.read("find good practices " + query,
                c -> table.page(c, where(query), List.of("id"), after, page.limit(), p -> new String[] {p.id().value()}));
        return Page.of(r.items(), r.next());
    }

    @Override
    public long count(GoodPracticeQuery query) {
        Objects.requireNonNull(query, "query");
        return tx.read("count good practices " + query, c -> table.count(c, where(query)));
    }
}
