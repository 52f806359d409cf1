package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dualprevention.StaleVersionException;
import org.dualprevention.incident.Casualties;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.IncidentRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rules for an {@link IncidentRepository} (DOMAIN.md §12), checked with seeded incidents and near misses.
 *
 * <pre>{@code
 * class MyIncidentStoreTest extends IncidentRepositoryContract {
 *     @Override protected IncidentRepository repository() { return new MyIncidentStore(freshSchema()); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>IN1</b> what is added is found again equal (the direct loss to the last digit); an id never added is
 *     empty.</li>
 * <li><b>IN2</b> an incident is recorded once: adding an id already recorded throws
 *     {@link StaleVersionException} and stores nothing (the first record is unchanged).</li>
 * <li><b>IN3</b> {@code findAll} lists every incident once, by time of occurrence then id;
 *     {@code findByRiskPoint} and {@code findBetween} (from included, to excluded) follow it in the same
 *     order.</li>
 * </ol>
 *
 * @since 0.2
 */
public abstract class IncidentRepositoryContract {
    /** Creates the contract. */
    protected IncidentRepositoryContract() {
    }

    /**
     * A fresh, empty repository.
     *
     * @return the repository under test
     */
    protected abstract IncidentRepository repository();

    /**
     * The seed of the incidents.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    private String seedNote() {
        return " [seed=" + seed() + " replay with -D" + Seeds.PROPERTY + "=" + seed() + "]";
    }

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    /** Seeded incidents in no particular order; few distinct times, so ties on time are ordered by id. */
    private List<Incident> incidents(int n) {
        SplittableRandom r = new SplittableRandom(seed());
        AccidentType[] types = AccidentType.values();
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean nearMiss = r.nextBoolean();
            Casualties casualties = nearMiss ? Casualties.NONE
                    : new Casualties(r.nextInt(2), r.nextInt(3), r.nextInt(5),
                            BigDecimal.valueOf(r.nextLong(1_000_000_000_000L), r.nextInt(3)));
            List<HazardId> hazards = new ArrayList<>();
            for (int h = r.nextInt(3); h > 0; h--) {
                hazards.add(HazardId.of("hz-" + r.nextInt(10)));
            }
            out.add(new Incident(IncidentId.of("in-" + Integer.toString(r.nextInt(1 << 20), 36) + "-" + i),
                    nearMiss ? IncidentKind.NEAR_MISS : IncidentKind.ACCIDENT, RiskPointId.of("rp-" + r.nextInt(3)),
                    hazards.stream().distinct().toList(), List.of(ControlMeasureId.of("cm-" + r.nextInt(5))),
                    types[r.nextInt(types.length)], casualties, OrgUnitId.of("unit-" + r.nextInt(2)),
                    T0.plusSeconds(3600L * r.nextInt(6)), ActorId.of("reporter-" + r.nextInt(4)),
                    "储罐区 " + i + " 号罐泄漏"));
        }
        return out;
    }

    private static List<Incident> ordered(List<Incident> incidents) {
        return incidents.stream().sorted(Comparator.comparing(Incident::occurredAt).thenComparing(Incident::id))
                .toList();
    }

    /** Rule IN1: what is added is found again equal. */
    @Test
    @DisplayName("IN1 what is added is found again equal, an id never added is empty")
    public void in1RoundTrip() {
        Rules.check("IN1", () -> {
            IncidentRepository repo = repository();
            for (Incident i : incidents(20)) {
                repo.add(i);
                Incident found = repo.find(i.id()).orElseThrow(
                        () -> new AssertionError("IN1 added " + i.id() + " not found" + seedNote()));
                assertEquals(i, found, "IN1 " + i.id() + seedNote());
                assertEquals(0, i.casualties().directLossYuan().compareTo(found.casualties().directLossYuan()),
                        "IN1 direct loss of " + i.id() + seedNote());
            }
            assertEquals(Optional.empty(), repo.find(IncidentId.of("never-added")), "IN1 unknown id" + seedNote());
        });
    }

    /** Rule IN2: an incident is recorded once. */
    @Test
    @DisplayName("IN2 adding a recorded id again throws StaleVersionException and stores nothing")
    public void in2OnceOnly() {
        Rules.check("IN2", () -> {
            IncidentRepository repo = repository();
            Incident first = incidents(1).get(0);
            repo.add(first);
            Incident second = new Incident(first.id(), first.kind(), RiskPointId.of("rp-other"), first.hazards(),
                    first.failedMeasures(), first.accidentType(), first.casualties(), first.unit(),
                    first.occurredAt().plusSeconds(60), first.reporter(), "另一次记录");
            assertThrows(StaleVersionException.class, () -> repo.add(second),
                    "IN2 adding " + first.id() + " twice" + seedNote());
            assertEquals(Optional.of(first), repo.find(first.id()), "IN2 the first record changed" + seedNote());
            assertEquals(List.of(first), repo.findAll(), "IN2 findAll after the refusal" + seedNote());
        });
    }

    /** Rule IN3: the listings follow time of occurrence then id. */
    @Test
    @DisplayName("IN3 findAll, findByRiskPoint and findBetween list each incident once, by time then id")
    public void in3Listing() {
        Rules.check("IN3", () -> {
            IncidentRepository repo = repository();
            List<Incident> all = incidents(24);
            for (Incident i : all) {
                repo.add(i);
            }
            List<Incident> expected = ordered(all);
            assertEquals(expected, repo.findAll(), "IN3 findAll" + seedNote());
            for (int p = 0; p < 4; p++) {
                RiskPointId rp = RiskPointId.of("rp-" + p);
                assertEquals(expected.stream().filter(i -> i.riskPoint().equals(rp)).toList(),
                        repo.findByRiskPoint(rp), "IN3 findByRiskPoint " + rp + seedNote());
            }
            Instant from = T0.plusSeconds(3600);
            Instant to = T0.plusSeconds(3600 * 4);
            assertEquals(expected.stream().filter(i -> !i.occurredAt().isBefore(from) && i.occurredAt().isBefore(to))
                    .toList(), repo.findBetween(from, to), "IN3 findBetween [" + from + ", " + to + ")" + seedNote());
            assertEquals(List.of(), repo.findBetween(from, from), "IN3 empty interval" + seedNote());
        });
    }
}
