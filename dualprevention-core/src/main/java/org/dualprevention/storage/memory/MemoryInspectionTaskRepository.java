package org.dualprevention.storage.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.spi.InspectionTaskRepository;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.jspecify.annotations.Nullable;

/** Inspection tasks, ordered by (due, id), indexed by unit and plan. */
final class MemoryInspectionTaskRepository implements InspectionTaskRepository {

    /** The sort key: due time, then id; a null id sorts before every id (used for range bounds). */
    record TaskKey(Instant due, @Nullable InspectionTaskId id) implements Comparable<TaskKey> {
        private static final Comparator<TaskKey> ORDER = Comparator.comparing(TaskKey::due)
                .thenComparing(TaskKey::id, Comparator.nullsFirst(Comparator.naturalOrder()));

        static TaskKey of(InspectionTask t) {
            return new TaskKey(t.due(), t.id());
        }

        static TaskKey parse(String token) {
            int bar = token.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new TaskKey(Instant.parse(token.substring(0, bar)), InspectionTaskId.of(token.substring(bar + 1)));
        }

        String token() {
            return due + "|" + Objects.requireNonNull(id, "a range bound has no token").value();
        }

        @Override
        public int compareTo(TaskKey o) {
            return ORDER.compare(this, o);
        }
    }

    private final Table<InspectionTaskId, TaskKey, InspectionTask> table = new Table<>("inspection task",
            InspectionTask::id, TaskKey::of, TaskKey::id, InspectionTask::version, TaskKey::token, TaskKey::parse);
    private final Table.Index<TaskKey, InspectionTask> byUnit = table.index(t -> List.of(t.unit()));
    private final Table.Index<TaskKey, InspectionTask> byPlan = table.index(t -> List.of(t.plan()));

    @Override
    public Optional<InspectionTask> find(InspectionTaskId id) {
        return table.get(id);
    }

    @Override
    public void save(InspectionTask next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        Versions.checkStep(next.id(), next.version(), expectedVersion);
        table.compareAndSet(next.id(), expectedVersion, cur -> next);
    }

    @Override
    public int insertMissing(Collection<InspectionTask> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        Set<InspectionTaskId> ids = new HashSet<>();
        for (InspectionTask t : tasks) {
            Objects.requireNonNull(t, "task");
            if (t.version() != 1) {
                throw new IllegalArgumentException("task [" + t.id() + "] has version [" + t.version()
                        + "]; insertMissing stores new tasks with version 1; nothing was stored");
            }
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("task [" + t.id() + "] appears twice; nothing was stored");
            }
        }
        int inserted = 0;
        for (InspectionTask t : tasks) {
            if (table.insertIfAbsent(t)) {
                inserted++;
            }
        }
        return inserted;
    }

    @Override
    public Page<InspectionTask> find(InspectionTaskQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        return table.page(candidates(query), query::matches, page, t -> t);
    }

    @Override
    public long count(InspectionTaskQuery query) {
        return table.count(candidates(query), query::matches);
    }

    private Table.Candidates<TaskKey> candidates(InspectionTaskQuery query) {
        Objects.requireNonNull(query, "query");
        Table.Candidates<TaskKey> c = table.smallest(
                query.units().map(u -> Table.candidates(byUnit, u)).orElse(null),
                query.plan().map(p -> Table.candidates(byPlan, List.of(p))).orElse(null));
        return Table.range(c, new TaskKey(query.dueFrom(), null), new TaskKey(query.dueBefore(), null));
    }

    /** Joins the storage's atomic units (S20). */
    void join(MemoryUnit unit) {
        table.guardedBy(unit);
    }
}
