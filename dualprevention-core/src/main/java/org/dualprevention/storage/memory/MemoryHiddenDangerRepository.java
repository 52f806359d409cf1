package org.dualprevention.storage.memory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.spi.AuditLog;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.spi.HiddenDangerRepository;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;

/**
 * Hidden dangers and their audit chains. Each record holds the state and the whole chain in one
 * immutable value, swapped in by one compare-and-set, so state and audit entry are visible together
 * (rule S4). Indexed by unit, state, risk point and grade.
 */
final class MemoryHiddenDangerRepository implements HiddenDangerRepository, AuditLog {

    /** The stored state and its audit chain, in save order. */
    record Stored(HiddenDanger danger, List<AuditEntry> chain) {
    }

    private static final Set<HiddenDangerState> OPEN_STATES = openStates();

    private final Table<HiddenDangerId, HiddenDangerId, Stored> table = new Table<>("hidden danger",
            s -> s.danger().id(), s -> s.danger().id(), k -> k, s -> s.danger().version(), HiddenDangerId::value,
            HiddenDangerId::of);
    private final Table.Index<HiddenDangerId, Stored> byUnit = table.index(s -> List.of(s.danger().unit()));
    private final Table.Index<HiddenDangerId, Stored> byState = table.index(s -> List.of(s.danger().state()));
    private final Table.Index<HiddenDangerId, Stored> byRiskPoint = table.index(
            s -> s.danger().riskPoint().stream().toList());
    private final Table.Index<HiddenDangerId, Stored> byGrade = table.index(s -> s.danger().grade().stream().toList());

    private static Set<HiddenDangerState> openStates() {
        Set<HiddenDangerState> s = EnumSet.noneOf(HiddenDangerState.class);
        for (HiddenDangerState st : HiddenDangerState.values()) {
            if (!st.isTerminal()) {
                s.add(st);
            }
        }
        return Set.copyOf(s);
    }

    @Override
    public Optional<HiddenDanger> find(HiddenDangerId id) {
        return table.get(id).map(Stored::danger);
    }

    @Override
    public void save(HiddenDanger next, long expectedVersion, AuditEntry entry) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(entry, "entry");
        Versions.checkStep(next.id(), next.version(), expectedVersion);
        if (!entry.dangerId().equals(next.id()) || entry.sequence() != next.version()) {
            throw new IllegalArgumentException("audit entry [" + entry.dangerId() + " #" + entry.sequence()
                    + "] does not belong to hidden danger [" + next.id() + "] version [" + next.version()
                    + "]; nothing was saved");
        }
        table.compareAndSet(next.id(), expectedVersion, cur -> {
            List<AuditEntry> chain = new ArrayList<>(cur.map(Stored::chain).orElse(List.of()));
            chain.add(entry);
            return new Stored(next, List.copyOf(chain));
        });
    }

    @Override
    public Page<HiddenDanger> find(HiddenDangerQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        return table.page(candidates(query), s -> query.matches(s.danger()), page, Stored::danger);
    }

    @Override
    public long count(HiddenDangerQuery query) {
        return table.count(candidates(query), s -> query.matches(s.danger()));
    }

    private Table.Candidates<HiddenDangerId> candidates(HiddenDangerQuery query) {
        Objects.requireNonNull(query, "query");
        Optional<Set<HiddenDangerState>> states = query.states();
        if (states.isEmpty() && query.overdueAsOf().isPresent()) {
            states = Optional.of(OPEN_STATES);
        }
        return table.smallest(
                query.units().map(u -> Table.candidates(byUnit, u)).orElse(null),
                states.map(s -> Table.candidates(byState, s)).orElse(null),
                query.riskPoint().map(r -> Table.candidates(byRiskPoint, List.of(r))).orElse(null),
                query.grades().map(g -> Table.candidates(byGrade, g)).orElse(null));
    }

    @Override
    public Page<AuditEntry> entries(HiddenDangerId danger, PageRequest page) {
        Objects.requireNonNull(danger, "danger");
        Objects.requireNonNull(page, "page");
        int from = 0;
        if (page.after().isPresent()) {
            try {
                from = Integer.parseInt(page.after().get());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Page token [" + page.after().get()
                        + "] was not made by the audit log of this store; pass the token of the previous page unchanged", e);
            }
            if (from < 0) {
                throw new IllegalArgumentException("Page token [" + from + "] is negative");
            }
        }
        List<AuditEntry> chain = table.get(danger).map(Stored::chain).orElse(List.of());
        if (from >= chain.size()) {
            return Page.empty();
        }
        int to = Math.min(chain.size(), from + page.limit());
        return Page.of(chain.subList(from, to), to < chain.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    /** Joins the storage's atomic units (S20). */
    void join(MemoryUnit unit) {
        table.guardedBy(unit);
    }
}
