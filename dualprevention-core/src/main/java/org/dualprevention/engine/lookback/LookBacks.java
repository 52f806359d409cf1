package org.dualprevention.engine.lookback;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckPeriods;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.spi.RecheckRepository;

/**
 * Look-back re-checks of an engine (回头看, DOMAIN.md §10.4): the rules of {@link LookBack} over the engine's
 * stored hidden dangers and register, with results recorded in a {@link RecheckRepository}.
 *
 * <pre>{@code
 * LookBacks lb = LookBacks.of(dp, new InMemoryRecheckRepository(), RecheckPeriods.defaults());
 * for (Recheck r : lb.due(dp.today())) { ... schedule an inspection of r.riskPoint() for r.failedMeasure() ... }
 * lb.record(recheck.id(), new RecheckResult(false, inspector, day, "防护罩又被拆除"));
 * lb.warnings();   // 整改质量预警 per unit
 * }</pre>
 *
 * <p>Everything except the results is derived on each call from stored facts; nothing else is stored. This
 * class is thread-safe if the engine's storage and the repository are.
 *
 * @since 0.2
 */
public final class LookBacks {
    private static final int PAGE = 500;

    private final DualPrevention dp;
    private final RecheckRepository repository;
    private final RecheckPeriods periods;

    private LookBacks(DualPrevention dp, RecheckRepository repository, RecheckPeriods periods) {
        this.dp = Objects.requireNonNull(dp, "dp");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.periods = Objects.requireNonNull(periods, "periods");
    }

    /**
     * The area.
     *
     * @param dp the engine
     * @param repository where results are recorded
     * @param periods the periods, e.g. {@link RecheckPeriods#defaults()}
     * @return the area
     */
    public static LookBacks of(DualPrevention dp, RecheckRepository repository, RecheckPeriods periods) {
        return new LookBacks(dp, repository, periods);
    }

    /** @return the periods in use */
    public RecheckPeriods periods() {
        return periods;
    }

    private List<HiddenDanger> dangers() {
        return Page.stream(p -> dp.hiddenDangers().find(HiddenDangerQuery.all(), p), PAGE).toList();
    }

    /** @return every re-check of the closed hidden dangers, with results */
    public List<Recheck> rechecks() {
        return LookBack.rechecks(dangers(), periods, dp.zone(), repository.findAll());
    }

    /**
     * The re-checks due and not done on a day.
     *
     * @param day the day
     * @return the re-checks
     */
    public List<Recheck> due(java.time.LocalDate day) {
        return LookBack.due(rechecks(), day);
    }

    /**
     * Records what a re-check found.
     *
     * @param id the re-check
     * @param result the result
     * @return the re-check with its result
     * @throws ValidationException if no such re-check exists, or the day of the check is before it is due
     * @throws StaleVersionException if a result is recorded for it already
     */
    public Recheck record(RecheckId id, RecheckResult result) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(result, "result");
        Optional<Recheck> r = rechecks().stream().filter(x -> x.id().equals(id)).findFirst();
        ValidationException.Collector v = new ValidationException.Collector("look-back re-check [" + id + "]");
        v.addIf(r.isEmpty(), "id", id, "a re-check of a closed hidden danger linked to a risk point");
        r.ifPresent(x -> v.addIf(result.checkedOn().isBefore(x.dueOn()), "checkedOn", result.checkedOn(),
                "on or after the day it is due, " + x.dueOn()));
        v.throwIfAny();
        repository.add(id, result);
        return r.orElseThrow().withResult(result);
    }

    /** @return every recurrence shown so far */
    public List<Recurrence> recurrences() {
        List<HiddenDanger> dangers = dangers();
        return LookBack.recurrences(dangers, LookBack.rechecks(dangers, periods, dp.zone(), repository.findAll()),
                this::categoryOf, periods, dp.zone());
    }

    /** @return one early warning per unit whose accepted rectifications came back */
    public List<RectificationQualityWarning> warnings() {
        return LookBack.warnings(recurrences());
    }

    private Optional<HazardCategory> categoryOf(HazardId hazard) {
        return dp.storage().riskPoints().findByHazard(hazard).flatMap(p -> p.hazard(hazard)).map(Hazard::category);
    }
}
