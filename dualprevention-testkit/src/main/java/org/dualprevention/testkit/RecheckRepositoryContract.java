package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.organization.ActorId;
import org.dualprevention.spi.RecheckRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules for a {@link RecheckRepository} (DOMAIN.md §10.4), checked with seeded re-check results.
 *
 * <pre>{@code
 * class MyRecheckStoreTest extends RecheckRepositoryContract {
 *     @Override protected RecheckRepository repository() { return new MyRecheckStore(freshSchema()); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>RC1</b> a recorded result is found again equal under its re-check; a re-check with no result is
 *     empty.</li>
 * <li><b>RC2</b> a result is recorded once per re-check: a second result for it throws
 *     {@link StaleVersionException} and stores nothing (the first result is unchanged).</li>
 * <li><b>RC3</b> {@code findAll} holds every recorded result under its re-check, in re-check order (hidden
 *     danger, then round as a number: round 2 before round 10).</li>
 * </ol>
 *
 * @since 0.2
 */
public abstract class RecheckRepositoryContract {
    /** Creates the contract. */
    protected RecheckRepositoryContract() {
    }

    /**
     * A fresh, empty repository.
     *
     * @return the repository under test
     */
    protected abstract RecheckRepository repository();

    /**
     * The seed of the results.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    private String seedNote() {
        return " [seed=" + seed() + " replay with -D" + Seeds.PROPERTY + "=" + seed() + "]";
    }

    /** Seeded results under distinct re-checks, in no particular order; rounds up to 12. */
    private Map<RecheckId, RecheckResult> results(int n) {
        SplittableRandom r = new SplittableRandom(seed());
        Map<RecheckId, RecheckResult> out = new LinkedHashMap<>();
        while (out.size() < n) {
            RecheckId id = new RecheckId(HiddenDangerId.of("hd-" + r.nextInt(4)), 1 + r.nextInt(12));
            out.putIfAbsent(id, new RecheckResult(r.nextBoolean(), ActorId.of("checker-" + r.nextInt(3)),
                    LocalDate.of(2026, 1, 1).plusDays(r.nextInt(400)), r.nextInt(4) == 0 ? "" : "复查 " + id + " 未见反弹"));
        }
        return out;
    }

    /** Rule RC1: what is recorded is found again equal. */
    @Test
    @DisplayName("RC1 a recorded result is found again equal, a re-check with no result is empty")
    public void rc1RoundTrip() {
        Rules.check("RC1", () -> {
            RecheckRepository repo = repository();
            for (Map.Entry<RecheckId, RecheckResult> e : results(20).entrySet()) {
                repo.add(e.getKey(), e.getValue());
                assertEquals(Optional.of(e.getValue()), repo.find(e.getKey()), "RC1 " + e.getKey() + seedNote());
            }
            assertEquals(Optional.empty(), repo.find(new RecheckId(HiddenDangerId.of("never"), 1)),
                    "RC1 unknown re-check" + seedNote());
        });
    }

    /** Rule RC2: a result is recorded once per re-check. */
    @Test
    @DisplayName("RC2 a second result for a re-check throws StaleVersionException and stores nothing")
    public void rc2OnceOnly() {
        Rules.check("RC2", () -> {
            RecheckRepository repo = repository();
            Map.Entry<RecheckId, RecheckResult> first = results(1).entrySet().iterator().next();
            repo.add(first.getKey(), first.getValue());
            RecheckResult other = new RecheckResult(!first.getValue().passed(), ActorId.of("someone-else"),
                    first.getValue().checkedOn().plusDays(1), "另一次复查");
            assertThrows(StaleVersionException.class, () -> repo.add(first.getKey(), other),
                    "RC2 a second result for " + first.getKey() + seedNote());
            assertEquals(Optional.of(first.getValue()), repo.find(first.getKey()),
                    "RC2 the first result changed" + seedNote());
            assertEquals(Map.of(first.getKey(), first.getValue()), repo.findAll(),
                    "RC2 findAll after the refusal" + seedNote());
        });
    }

    /** Rule RC3: findAll holds every result in re-check order. */
    @Test
    @DisplayName("RC3 findAll holds every result under its re-check, in re-check order")
    public void rc3Listing() {
        Rules.check("RC3", () -> {
            RecheckRepository repo = repository();
            Map<RecheckId, RecheckResult> all = new LinkedHashMap<>(results(24));
            HiddenDangerId many = HiddenDangerId.of("hd-many-rounds");
            for (int round : new int[] {10, 2, 11, 1}) {
                all.put(new RecheckId(many, round), new RecheckResult(round % 2 == 0, ActorId.of("checker-0"),
                        LocalDate.of(2026, 1, 1).plusDays(30L * round), "第 " + round + " 轮复查"));
            }
            all.forEach(repo::add);
            Map<RecheckId, RecheckResult> found = repo.findAll();
            assertEquals(all, found, "RC3 findAll" + seedNote());
            List<RecheckId> expectedOrder = new ArrayList<>(all.keySet());
            expectedOrder.sort(null);
            assertEquals(expectedOrder, List.copyOf(found.keySet()), "RC3 order of findAll" + seedNote());
        });
    }
}
