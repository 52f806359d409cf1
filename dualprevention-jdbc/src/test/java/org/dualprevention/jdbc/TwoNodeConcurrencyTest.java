package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.Page;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two application nodes (two separate pools on one database) with several threads each drive the same
 * hidden dangers through the closed loop: every save either wins or gets a StaleVersionException, no
 * acknowledged save is lost (each hidden danger's version equals 1 + its won saves), and every audit
 * chain has one entry per version and verifies.
 */
class TwoNodeConcurrencyTest {
    private static final int DANGERS = 6;
    private static final int THREADS_PER_NODE = 3;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_FILE", "POSTGRESQL", "MARIADB"})
    void noLostUpdateAcrossTwoNodes(TestDatabase.Kind kind) throws Exception {
        long seed = Seeds.base();
        String replay = "[seed=" + seed + " replay with -D" + Seeds.PROPERTY + "=" + seed + "]";
        try (TestDatabase db = TestDatabase.create(kind); TestPool nodeA = db.pool(); TestPool nodeB = db.pool()) {
            Migrations.migrate(db.dataSource());
            JdbcStorage a = JdbcStorage.builder().dataSource(nodeA).build();
            JdbcStorage b = JdbcStorage.builder().dataSource(nodeB).build();
            List<HiddenDangerId> ids = new ArrayList<>();
            for (int i = 0; i < DANGERS; i++) {
                HiddenDangerId id = HiddenDangerId.of("HD-C-" + i);
                Transition t = Loop.report(id, OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
                a.hiddenDangers().save(t.next(), 0, t.audit());
                ids.add(id);
            }
            Map<HiddenDangerId, AtomicInteger> won = new ConcurrentHashMap<>();
            ids.forEach(id -> won.put(id, new AtomicInteger()));
            AtomicLong stale = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 2 * THREADS_PER_NODE; w++) {
                JdbcStorage node = w % 2 == 0 ? a : b;
                SplittableRandom random = new SplittableRandom(Seeds.seed(seed, w));
                futures.add(pool.submit(() -> {
                    go.await();
                    int idle = 0;
                    while (idle < 50) {
                        HiddenDangerId id = ids.get(random.nextInt(ids.size()));
                        HiddenDanger d = node.hiddenDangers().find(id).orElseThrow();
                        if (!d.isOpen()) {
                            idle++;
                            continue;
                        }
                        Transition t = Loop.next(d, random);
                        try {
                            node.hiddenDangers().save(t.next(), d.version(), t.audit());
                            won.get(id).incrementAndGet();
                        } catch (StaleVersionException e) {
                            assertEquals(d.version(), e.expectedVersion());
                            assertTrue(e.actualVersion() > d.version(), replay + ": " + e.getMessage());
                            stale.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            int saves = 0;
            for (HiddenDangerId id : ids) {
                HiddenDanger d = b.hiddenDangers().find(id).orElseThrow();
                assertEquals(1 + won.get(id).get(), d.version(), replay + ": lost update on " + id);
                List<AuditEntry> chain = Page.stream(p -> a.auditLog().entries(id, p), 3).collect(Collectors.toList());
                assertEquals(d.version(), chain.size(), replay);
                assertTrue(AuditChain.verify(chain, d).isValid(), replay + ": " + AuditChain.verify(chain, d));
                assertTrue(!d.isOpen(), replay + ": every hidden danger reached the end of the loop");
                saves += won.get(id).get();
            }
            System.out.println("two nodes on " + kind + ": " + saves + " saves won, " + stale.get()
                    + " refused as stale, seed " + seed);
        }
    }
}
