package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.testsupport.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The table's index maintenance and its merge of many candidate sets (more than the few it scans linearly,
 * so the heap path runs too), against a plain filter of the same records: saves that keep every index value
 * (a new version only), saves that move a record between units, pages of every size.
 */
class TableMergeTest {
    private static final List<OrgUnitId> UNITS = new ArrayList<>();

    static {
        for (int u = 0; u < 24; u++) {
            UNITS.add(OrgUnitId.of("U" + u));
        }
    }

    @Test
    void unitQueriesOverManyUnitsAgreeWithAPlainFilter() {
        long seed = Seeds.base();
        Seeds.run(seed, () -> check(seed));
    }

    private static void check(long seed) {
        RandomGenerator r = Seeds.random(seed);
        MemoryRiskPointRepository repo = new MemoryRiskPointRepository();
        Map<RiskPointId, RiskPoint> model = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            RiskPoint p = RiskPoint.of(RiskPointId.of("P" + i), "p", RiskPointKind.PLACE,
                    UNITS.get(r.nextInt(UNITS.size())), Optional.empty())
                    .withHazard(InMemoryStorageTest.hazard("H" + i)).withVersion(1);
            repo.save(p, 0);
            model.put(p.id(), p);
        }
        for (int i = 0; i < 600; i++) {
            RiskPoint cur = model.get(RiskPointId.of("P" + r.nextInt(400)));
            RiskPoint next = r.nextInt(3) == 0
                    ? cur.withDetails(cur.name(), cur.kind(), UNITS.get(r.nextInt(UNITS.size())), cur.zone())
                    : cur.withDetails("renamed " + i, cur.kind(), cur.owningUnit(), cur.zone()); // no index value changes
            next = next.withVersion(cur.version() + 1);
            repo.save(next, cur.version());
            model.put(next.id(), next);
        }
        for (int q = 0; q < 100; q++) {
            Set<OrgUnitId> units = new HashSet<>();
            int wanted = 1 + r.nextInt(UNITS.size());
            while (units.size() < wanted) {
                units.add(UNITS.get(r.nextInt(UNITS.size())));
            }
            RiskPointQuery query = RiskPointQuery.all().inUnits(units);
            List<RiskPointId> expected = model.values().stream().filter(p -> units.contains(p.owningUnit()))
                    .map(RiskPoint::id).sorted().toList();
            List<RiskPointId> got = new ArrayList<>();
            int size = 1 + r.nextInt(60);
            Page<RiskPoint> page = repo.find(query, PageRequest.first(size));
            got.addAll(page.items().stream().map(RiskPoint::id).toList());
            while (page.next().isPresent()) {
                page = repo.find(query, PageRequest.after(page.next().get(), size));
                got.addAll(page.items().stream().map(RiskPoint::id).toList());
            }
            assertEquals(expected, got, units.size() + " units, pages of " + size + "; " + Seeds.describe(seed));
            assertEquals(expected.size(), repo.count(query), "count; " + Seeds.describe(seed));
        }
    }
}
