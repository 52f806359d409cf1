package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dualprevention.StaleVersionException;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.SubstanceRef;
import org.dualprevention.hazmat.UnitKind;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.MajorHazardRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules for a {@link MajorHazardRepository} (DOMAIN.md §11), checked with seeded installations.
 *
 * <pre>{@code
 * class MyMajorHazardStoreTest extends MajorHazardRepositoryContract {
 *     @Override protected MajorHazardRepository repository() { return new MyMajorHazardStore(freshSchema()); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>MH1</b> what is saved is found again equal, quantities numerically equal to the last digit
 *     (a quantity such as 0.0001 t or 123456789.123456 t is not rounded).</li>
 * <li><b>MH2</b> a save is conditional on the stored version: creating an existing id, or saving with an
 *     expected version other than the stored one, throws {@link StaleVersionException}.</li>
 * <li><b>MH3</b> a refused save stores nothing: the stored installation is unchanged.</li>
 * <li><b>MH4</b> {@code findAll} lists every stored installation once, and {@code findByRiskPoint} follows
 *     the stored lists of risk points, including after a risk point is removed from one.</li>
 * </ol>
 *
 * @since 0.2
 */
public abstract class MajorHazardRepositoryContract {
    /** Creates the contract. */
    protected MajorHazardRepositoryContract() {
    }

    /**
     * A fresh, empty repository.
     *
     * @return the repository under test
     */
    protected abstract MajorHazardRepository repository();

    /**
     * The seed of the installations.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    private String seedNote() {
        return " [seed=" + seed() + " replay with -D" + Seeds.PROPERTY + "=" + seed() + "]";
    }

    private List<MajorHazardInstallation> installations(int n) {
        SplittableRandom r = new SplittableRandom(seed());
        String[] keys = {"methanol", "lpg", "ammonia", "chlorine", "gasoline", "benzene"};
        List<MajorHazardInstallation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Holding> holdings = new ArrayList<>();
            int start = r.nextInt(keys.length);
            int count = 1 + r.nextInt(3);
            for (int k = 0; k < count; k++) {
                BigDecimal q = BigDecimal.valueOf(1 + r.nextLong(1_000_000_000_000L), r.nextInt(7));
                holdings.add(new Holding(SubstanceRef.named(keys[(start + k) % keys.length]), q));
            }
            holdings.add(new Holding(SubstanceRef.category("W5.3"), new BigDecimal("0.0001")));
            out.add(MajorHazardInstallation.of(InstallationId.of("mh-" + i), "储罐区 " + i,
                    i % 2 == 0 ? UnitKind.STORAGE : UnitKind.PRODUCTION, OrgUnitId.of("unit-" + (i % 3)), holdings,
                    r.nextInt(500), List.of(RiskPointId.of("rp-" + i), RiskPointId.of("rp-shared"))).withVersion(1));
        }
        return out;
    }

    /** Rule MH1: what is saved is found again equal. */
    @Test
    @DisplayName("MH1 what is saved is found again equal, quantities to the last digit")
    public void mh1RoundTrip() {
        Rules.check("MH1", () -> {
            MajorHazardRepository repo = repository();
            for (MajorHazardInstallation i : installations(20)) {
                repo.save(i, 0);
                MajorHazardInstallation found = repo.find(i.id()).orElseThrow(
                        () -> new AssertionError("MH1 saved " + i.id() + " not found" + seedNote()));
                assertEquals(i, found, "MH1 " + i.id() + seedNote());
                for (int h = 0; h < i.holdings().size(); h++) {
                    assertEquals(0, i.holdings().get(h).tonnes().compareTo(found.holdings().get(h).tonnes()),
                            "MH1 holdings[" + h + "] of " + i.id() + seedNote());
                }
            }
            assertEquals(Optional.empty(), repo.find(InstallationId.of("never-saved")), "MH1 unknown id");
        });
    }

    /** Rule MH2: saves are conditional on the stored version. */
    @Test
    @DisplayName("MH2 a save with a wrong expected version throws StaleVersionException")
    public void mh2ConditionalSave() {
        Rules.check("MH2", () -> {
            MajorHazardRepository repo = repository();
            MajorHazardInstallation i = installations(1).get(0);
            repo.save(i, 0);
            assertThrows(StaleVersionException.class, () -> repo.save(i, 0), "MH2 creating an existing id");
            repo.save(i.withPeopleWithin500m(7).withVersion(2), 1);
            assertThrows(StaleVersionException.class, () -> repo.save(i.withVersion(2), 1),
                    "MH2 expected 1 while 2 is stored");
        });
    }

    /** Rule MH3: a refused save stores nothing. */
    @Test
    @DisplayName("MH3 a refused save stores nothing")
    public void mh3NothingStoredOnRefusal() {
        Rules.check("MH3", () -> {
            MajorHazardRepository repo = repository();
            MajorHazardInstallation i = installations(1).get(0);
            repo.save(i, 0);
            MajorHazardInstallation other = i.withHoldings(List.of(Holding.named("methanol", "1"))).withVersion(1);
            try {
                repo.save(other, 0);
            } catch (StaleVersionException expected) {
                // the refusal MH2 asks for
            }
            assertEquals(Optional.of(i), repo.find(i.id()), "MH3 the stored installation changed");
        });
    }

    /** Rule MH4: findAll and findByRiskPoint follow what is stored. */
    @Test
    @DisplayName("MH4 findAll lists each installation once and findByRiskPoint follows the stored lists")
    public void mh4Listing() {
        Rules.check("MH4", () -> {
            MajorHazardRepository repo = repository();
            List<MajorHazardInstallation> all = installations(6);
            for (MajorHazardInstallation i : all) {
                repo.save(i, 0);
            }
            assertEquals(6, repo.findAll().size(), "MH4 findAll " + repo.findAll());
            assertTrue(repo.findAll().containsAll(all), "MH4 findAll misses some");
            assertEquals(6, repo.findByRiskPoint(RiskPointId.of("rp-shared")).size(), "MH4 shared risk point");
            assertEquals(List.of(all.get(2)), repo.findByRiskPoint(RiskPointId.of("rp-2")), "MH4 one risk point");
            MajorHazardInstallation moved = all.get(2).withRiskPoints(List.of(RiskPointId.of("rp-2"))).withVersion(2);
            repo.save(moved, 1);
            assertEquals(5, repo.findByRiskPoint(RiskPointId.of("rp-shared")).size(), "MH4 after removal");
            assertEquals(List.of(), repo.findByRiskPoint(RiskPointId.of("nowhere")), "MH4 unknown risk point");
        });
    }
}
