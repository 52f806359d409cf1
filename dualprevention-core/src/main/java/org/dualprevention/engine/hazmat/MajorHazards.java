package org.dualprevention.engine.hazmat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.Assessor;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.hazmat.CriticalQuantityTable;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.MajorHazardStatusChanged;
import org.dualprevention.method.DirectMethod;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.MajorHazardListener;
import org.dualprevention.spi.MajorHazardRepository;

/**
 * Major hazard installations of an engine (DOMAIN.md §11): stores them, derives their status (S, R, grade)
 * from the stored holdings and a table, and grades the risk points on them.
 *
 * <p><b>Direct determination.</b> A risk point on a major hazard installation is 重大风险 by direct
 * determination (DOMAIN.md §4.2 (c), DOMAIN.md §11.2), not by a flag typed by hand: the area assesses every hazard
 * of the point with the built-in {@link DirectMethod} ({@code DIRECT}), criterion {@code MAJOR_HAZARD} = 1
 * while some installation the point lies on is a major hazard, 0 when none is any more; the other four
 * criteria are carried over from the hazard's last direct determination (0 when it has none). Only a change
 * of that criterion adds an assessment, so registering the same quantities twice adds nothing. Under the
 * engine's default combination (most severe of a hazard's current assessments) the 1 forces 重大 and the 0
 * leaves the other methods' level standing. The assessment does not clear a reassessment flag: it is a
 * determination from the installation, not a new assessment of the hazard by a person.
 *
 * <p><b>One unit of work.</b> Storing an installation and regrading its risk points run in one unit of work of the
 * engine's storage ({@code Storage.atomically}), the risk points first and the installation last. With the
 * storage's own repository (e.g. {@code JdbcStorage.majorHazards()}) both commit together or not at all. A
 * repository of another store cannot join the unit: if its save fails (a stale version included), the regrading is
 * undone; if it succeeds and the storage's commit then fails, the installation stays stored and its risk points
 * keep their old grade until the next change of the installation regrades them.
 *
 * <p>Every change of an installation's derived status is told to the listeners as a
 * {@link MajorHazardStatusChanged}, after it is stored.
 *
 * <pre>{@code
 * MajorHazards mh = MajorHazards.of(dp, new InMemoryMajorHazardRepository(), CriticalQuantityTables.gb18218_2018());
 * mh.register(MajorHazardInstallation.of(InstallationId.of("tank-farm"), "罐区", UnitKind.STORAGE, unit,
 *         List.of(Holding.named("methanol", "300"), Holding.named("lpg", "40")), 35, List.of(tankFarmPoint)), actor);
 * mh.status(InstallationId.of("tank-farm"));   // S 1.4000, R 2.1600, 四级; tankFarmPoint now 重大
 * }</pre>
 *
 * <p>This class is thread-safe if the repository, the engine's storage and the listeners are.
 *
 * @since 0.2
 */
public final class MajorHazards {
    private static final System.Logger LOG = System.getLogger(MajorHazards.class.getName());
    private static final String CRITERION = "MAJOR_HAZARD";

    private final DualPrevention dp;
    private final MajorHazardRepository repository;
    private final MajorHazardCalculator calculator;
    private final List<MajorHazardListener> listeners = new CopyOnWriteArrayList<>();

    private MajorHazards(DualPrevention dp, MajorHazardRepository repository, CriticalQuantityTable table) {
        this.dp = Objects.requireNonNull(dp, "dp");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.calculator = MajorHazardCalculator.of(table);
    }

    /**
     * The area over an engine, a repository and a table.
     *
     * @param dp the engine (its register holds the risk points; its clock times the events)
     * @param repository where installations are stored
     * @param table the critical quantities and factors, e.g. {@link CriticalQuantityTables#gb18218_2018()}
     * @return the area
     */
    public static MajorHazards of(DualPrevention dp, MajorHazardRepository repository, CriticalQuantityTable table) {
        return new MajorHazards(dp, repository, table);
    }

    /**
     * Adds a listener.
     *
     * @param listener told of every status change
     * @return this area
     */
    public MajorHazards addListener(MajorHazardListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** @return the calculator over this area's table */
    public MajorHazardCalculator calculator() {
        return calculator;
    }

    /**
     * Registers a new installation (version 0), stores it as version 1 and grades its risk points.
     *
     * @param installation the installation
     * @param actor who registers it (the assessor of the direct determinations)
     * @return the stored installation
     * @throws ValidationException naming every bad holding, an unknown unit or risk point
     * @throws StaleVersionException if an installation with the id exists
     */
    public MajorHazardInstallation register(MajorHazardInstallation installation, ActorId actor) {
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(actor, "actor");
        if (installation.version() != 0) {
            throw new IllegalArgumentException("installation [" + installation.id() + "] has version ["
                    + installation.version() + "]; register new installations with version 0");
        }
        return store(installation, Optional.empty(), actor);
    }

    /**
     * Replaces the holdings of a stored installation (a change of stored quantities), regrading it and its
     * risk points.
     *
     * @param id the installation
     * @param holdings the new holdings
     * @param expectedVersion the version the caller read
     * @param actor who changes them
     * @return the stored installation
     * @throws ValidationException naming every bad holding
     * @throws StaleVersionException if it changed since {@code expectedVersion}
     * @throws IllegalArgumentException if no such installation is stored
     */
    public MajorHazardInstallation changeHoldings(InstallationId id, List<Holding> holdings, long expectedVersion,
            ActorId actor) {
        MajorHazardInstallation stored = load(id, expectedVersion);
        return store(stored.withHoldings(holdings), Optional.of(stored), actor);
    }

    /**
     * Replaces the number of people within 500 m outside the site (α), regrading the installation.
     *
     * @param id the installation
     * @param people the number, 0 or more
     * @param expectedVersion the version the caller read
     * @param actor who changes it
     * @return the stored installation
     */
    public MajorHazardInstallation changePopulation(InstallationId id, int people, long expectedVersion,
            ActorId actor) {
        MajorHazardInstallation stored = load(id, expectedVersion);
        return store(stored.withPeopleWithin500m(people), Optional.of(stored), actor);
    }

    /**
     * The stored installation.
     *
     * @param id the id
     * @return it, or empty
     */
    public Optional<MajorHazardInstallation> installation(InstallationId id) {
        return repository.find(Objects.requireNonNull(id, "id"));
    }

    /** @return every stored installation */
    public List<MajorHazardInstallation> installations() {
        return repository.findAll();
    }

    /**
     * The derived status of a stored installation.
     *
     * @param id the id
     * @return the status, or empty if none is stored
     */
    public Optional<MajorHazardStatus> status(InstallationId id) {
        return installation(id).map(i -> calculator.evaluate(i).status());
    }

    /**
     * The computation, term by term, of a stored installation.
     *
     * @param id the id
     * @return the evaluation, or empty if none is stored
     */
    public Optional<MajorHazardEvaluation> evaluation(InstallationId id) {
        return installation(id).map(calculator::evaluate);
    }

    /**
     * Whether a risk point lies on an installation that is a major hazard now.
     *
     * @param riskPoint the risk point
     * @return true if some installation holding it has S ≥ 1
     */
    public boolean onMajorHazard(RiskPointId riskPoint) {
        return repository.findByRiskPoint(Objects.requireNonNull(riskPoint, "riskPoint")).stream()
                .anyMatch(i -> calculator.evaluate(i).status().major());
    }

    // ------------------------------------------------------------------------------------------ internals

    /** Whether the point lies on a major hazard once {@code storing} replaces its stored version. */
    private boolean onMajorHazard(RiskPointId riskPoint, MajorHazardInstallation storing) {
        boolean others = repository.findByRiskPoint(riskPoint).stream()
                .filter(i -> !i.id().equals(storing.id()))
                .anyMatch(i -> calculator.evaluate(i).status().major());
        return others || storing.riskPoints().contains(riskPoint) && calculator.evaluate(storing).status().major();
    }

    private MajorHazardInstallation load(InstallationId id, long expectedVersion) {
        MajorHazardInstallation stored = repository.find(Objects.requireNonNull(id, "id")).orElseThrow(
                () -> new IllegalArgumentException("no major hazard installation [" + id + "] is stored"));
        if (stored.version() != expectedVersion) {
            throw new StaleVersionException("major hazard installation [" + id + "]", expectedVersion, stored.version());
        }
        return stored;
    }

    private MajorHazardInstallation store(MajorHazardInstallation changed, Optional<MajorHazardInstallation> before,
            ActorId actor) {
        Objects.requireNonNull(actor, "actor");
        MajorHazardStatus after;
        try {
            after = calculator.evaluate(changed).status();
        } catch (ValidationException e) {
            ValidationException.Collector v = new ValidationException.Collector(
                    "major hazard installation [" + changed.id() + "]");
            v.addAll("", e);
            validateReferences(changed, v);
            v.throwIfAny();
            throw e;
        }
        ValidationException.Collector v = new ValidationException.Collector(
                "major hazard installation [" + changed.id() + "]");
        validateReferences(changed, v);
        v.throwIfAny();
        long expected = before.map(MajorHazardInstallation::version).orElse(0L);
        MajorHazardInstallation next = changed.withVersion(expected + 1);
        List<RiskPointId> points = new ArrayList<>(next.riskPoints());
        before.ifPresent(b -> b.riskPoints().stream().filter(p -> !points.contains(p)).forEach(points::add));
        // one unit of work (issue 12): the risk points regraded as if the installation were stored, then the
        // installation itself last, so that whatever fails undoes the rest
        List<RiskPointId> regraded = dp.storage().atomically(() -> {
            List<RiskPointId> r = regrade(points, next, actor);
            repository.save(next, expected);
            return r;
        });
        Optional<MajorHazardStatus> was = before.map(b -> calculator.evaluate(b).status());
        if (was.isEmpty() || !was.get().equals(after) || !regraded.isEmpty()) {
            publish(new MajorHazardStatusChanged(next.id(), was, after, regraded, dp.clock().instant()));
        }
        return next;
    }

    private void validateReferences(MajorHazardInstallation inst, ValidationException.Collector v) {
        v.addIf(!dp.register().organization().contains(inst.unit()), "unit", inst.unit(), "a unit of the organisation");
        for (int i = 0; i < inst.riskPoints().size(); i++) {
            RiskPointId p = inst.riskPoints().get(i);
            v.addIf(dp.register().riskPoint(p).isEmpty(), "riskPoints[" + i + "]", p, "a risk point of the register");
        }
    }

    /**
     * Brings the MAJOR_HAZARD criterion of every hazard on the given points in line with the installations.
     *
     * @return the points that got a new direct determination
     */
    private List<RiskPointId> regrade(List<RiskPointId> points, MajorHazardInstallation storing, ActorId actor) {
        List<RiskPointId> changed = new ArrayList<>();
        Assessor assessor = Assessor.of(dp.providers());
        for (RiskPointId id : points) {
            boolean major = onMajorHazard(id, storing);
            RiskPoint point = dp.register().riskPoint(id).orElseThrow();
            Map<org.dualprevention.risk.HazardId, Hazard> next = new LinkedHashMap<>();
            for (Hazard h : point.hazards()) {
                Optional<Assessment> last = lastDirect(h);
                boolean met = last.flatMap(a -> a.input().value(CRITERION)).map(d -> d.signum() != 0).orElse(false);
                if (met == major) {
                    continue;
                }
                Map<String, Integer> flags = new HashMap<>();
                for (FactorDefinition f : dp.providers().method(DirectMethod.ID).factors()) {
                    int value = last.flatMap(a -> a.input().value(f.key())).map(d -> d.signum() != 0 ? 1 : 0)
                            .orElse(0);
                    flags.put(f.key(), value);
                }
                flags.put(CRITERION, major ? 1 : 0);
                AssessmentKind kind = h.assessments().stream().anyMatch(a -> a.kind() == AssessmentKind.RESIDUAL)
                        ? AssessmentKind.RESIDUAL : AssessmentKind.INHERENT;
                Assessment a = assessor.assess(AssessmentRequest.of(DirectMethod.ID, AssessmentInput.of(flags), kind,
                        actor), dp.clock());
                List<Assessment> history = new ArrayList<>(h.assessments());
                history.add(a);
                next.put(h.id(), h.withHistory(history, h.reassessment()));
            }
            if (!next.isEmpty()) {
                RiskPoint updated = point;
                for (Map.Entry<org.dualprevention.risk.HazardId, Hazard> e : next.entrySet()) {
                    updated = updated.withHazardChanged(e.getKey(), old -> e.getValue());
                }
                dp.register().updateRiskPoint(updated);
                changed.add(id);
            }
        }
        return changed;
    }

    private static Optional<Assessment> lastDirect(Hazard h) {
        Assessment last = null;
        for (Assessment a : h.assessments()) {
            if (a.method().equals(DirectMethod.ID) && (last == null || !a.assessedAt().isBefore(last.assessedAt()))) {
                last = a;
            }
        }
        return Optional.ofNullable(last);
    }

    private void publish(MajorHazardStatusChanged event) {
        for (MajorHazardListener l : listeners) {
            try {
                l.onStatusChanged(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "major hazard listener " + l + " failed on " + event, e);
            }
        }
    }

}
