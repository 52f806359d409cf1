package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.learning.TypicalHiddenDanger;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.spi.TypicalHiddenDangerRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules for a {@link TypicalHiddenDangerRepository}, the library of typical hidden dangers (典型隐患), checked
 * with seeded entries.
 *
 * <pre>{@code
 * class MyTypicalStoreTest extends TypicalHiddenDangerRepositoryContract {
 *     @Override protected TypicalHiddenDangerRepository repository() { return new MyTypicalStore(freshSchema()); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>TY1</b> an added entry is found again equal under its hidden danger, an absent risk-point kind or
 *     hazard class staying absent; a hidden danger not in the library is empty.</li>
 * <li><b>TY2</b> a hidden danger is marked typical once: adding a second entry for it throws
 *     {@link StaleVersionException} and stores nothing (the first entry is unchanged).</li>
 * <li><b>TY3</b> {@code findAll} lists every entry once, by hidden danger id, whatever the order of adding.</li>
 * </ol>
 *
 * @since 0.2
 */
public abstract class TypicalHiddenDangerRepositoryContract {
    /** Creates the contract. */
    protected TypicalHiddenDangerRepositoryContract() {
    }

    /**
     * A fresh, empty library.
     *
     * @return the repository under test
     */
    protected abstract TypicalHiddenDangerRepository repository();

    /**
     * The seed of the entries.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    private String seedNote() {
        return " [seed=" + seed() + " replay with -D" + Seeds.PROPERTY + "=" + seed() + "]";
    }

    /** Seeded entries with distinct hidden dangers, never in id order. */
    private List<TypicalHiddenDanger> entries(int n) {
        SplittableRandom r = new SplittableRandom(seed());
        RiskPointKind[] kinds = RiskPointKind.values();
        HazardCategory[] classes = {HazardCategory.PHYSICAL, HazardCategory.CHEMICAL, HazardCategory.BEHAVIOURAL,
            HazardCategory.RULES};
        List<TypicalHiddenDanger> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new TypicalHiddenDanger(HiddenDangerId.of("hd-" + Integer.toString(r.nextInt(1 << 20), 36) + "-" + i),
                    "典型隐患 " + i, r.nextInt(4) == 0 ? "" : "法兰垫片老化渗漏 " + i,
                    r.nextBoolean() ? Optional.of(kinds[r.nextInt(kinds.length)]) : Optional.empty(),
                    r.nextBoolean() ? Optional.of(classes[r.nextInt(classes.length)]) : Optional.empty(),
                    ActorId.of("manager-" + r.nextInt(3)), Instant.parse("2026-02-01T00:00:00Z").plusSeconds(r.nextInt(1 << 24)),
                    "检查同类法兰的垫片与螺栓紧固"));
        }
        if (n > 1 && out.stream().map(TypicalHiddenDanger::source).sorted().toList()
                .equals(out.stream().map(TypicalHiddenDanger::source).toList())) {
            out.add(out.remove(0));
        }
        return out;
    }

    /** Rule TY1: what is added is found again equal. */
    @Test
    @DisplayName("TY1 an added entry is found again equal, a hidden danger not in the library is empty")
    public void ty1RoundTrip() {
        Rules.check("TY1", () -> {
            TypicalHiddenDangerRepository repo = repository();
            for (TypicalHiddenDanger e : entries(20)) {
                repo.add(e);
                assertEquals(Optional.of(e), repo.find(e.source()), "TY1 " + e.source() + seedNote());
            }
            assertEquals(Optional.empty(), repo.find(HiddenDangerId.of("never-marked")), "TY1 unknown" + seedNote());
        });
    }

    /** Rule TY2: a hidden danger is marked typical once. */
    @Test
    @DisplayName("TY2 a second entry for a hidden danger throws StaleVersionException and stores nothing")
    public void ty2OnceOnly() {
        Rules.check("TY2", () -> {
            TypicalHiddenDangerRepository repo = repository();
            TypicalHiddenDanger first = entries(1).get(0);
            repo.add(first);
            TypicalHiddenDanger second = new TypicalHiddenDanger(first.source(), "另一标题", "", Optional.empty(),
                    Optional.empty(), ActorId.of("someone-else"), first.markedAt().plusSeconds(60), "另一条经验");
            assertThrows(StaleVersionException.class, () -> repo.add(second),
                    "TY2 marking " + first.source() + " twice" + seedNote());
            assertEquals(Optional.of(first), repo.find(first.source()), "TY2 the first entry changed" + seedNote());
            assertEquals(List.of(first), repo.findAll(), "TY2 findAll after the refusal" + seedNote());
        });
    }

    /** Rule TY3: findAll lists every entry once, by hidden danger id. */
    @Test
    @DisplayName("TY3 findAll lists every entry once, by hidden danger id")
    public void ty3Listing() {
        Rules.check("TY3", () -> {
            TypicalHiddenDangerRepository repo = repository();
            List<TypicalHiddenDanger> all = entries(16);
            all.forEach(repo::add);
            assertEquals(all.stream().sorted(Comparator.comparing(TypicalHiddenDanger::source)).toList(),
                    repo.findAll(), "TY3 findAll" + seedNote());
        });
    }
}
