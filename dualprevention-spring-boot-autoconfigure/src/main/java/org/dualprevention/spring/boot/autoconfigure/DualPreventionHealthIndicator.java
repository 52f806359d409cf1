package org.dualprevention.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.jdbc.Migrations;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The engine's health for Actuator: the storage answers, its schema is at the version this library needs, and
 * the audit chains of a sample of hidden dangers verify, and (when {@code dualprevention.checkpoint} is set) the
 * store's history agrees with the latest checkpoint kept outside it.
 *
 * <p>Details: {@code storage} (its description, never a credential), {@code schemaVersion} and
 * {@code schemaVersionRequired} (JDBC only), {@code chainsVerified} (how many were sampled) and, when one
 * breaks, {@code brokenChain} (the hidden danger and the reason). Status DOWN when the schema is behind, a sampled
 * chain is broken or the storage fails.
 *
 * @since 0.2
 */
public final class DualPreventionHealthIndicator implements HealthIndicator {
    /** How many hidden dangers (the first page of the storage's order) have their chains verified per check. */
    public static final int SAMPLE = 20;

    private final DualPrevention engine;
    private final @Nullable DataSource dataSource;
    private final @Nullable Checkpoint checkpoint;

    /**
     * Health of an engine.
     *
     * @param engine the engine
     * @param dataSource the data source of its JDBC storage, or null for another storage (no schema check)
     */
    public DualPreventionHealthIndicator(DualPrevention engine, @Nullable DataSource dataSource) {
        this(engine, dataSource, null);
    }

    /**
     * Health of an engine, verified against the latest checkpoint kept outside the store.
     *
     * @param engine the engine
     * @param dataSource the data source of its JDBC storage, or null for another storage (no schema check)
     * @param checkpoint the latest checkpoint, or null for none
     */
    public DualPreventionHealthIndicator(DualPrevention engine, @Nullable DataSource dataSource,
            @Nullable Checkpoint checkpoint) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.dataSource = dataSource;
        this.checkpoint = checkpoint;
    }

    @Override
    public Health health() {
        Health.Builder h = Health.up().withDetail("storage", engine.storage().description());
        if (dataSource != null) {
            int current = Migrations.currentVersion(dataSource);
            h.withDetail("schemaVersion", current).withDetail("schemaVersionRequired", Migrations.latestVersion());
            if (current != Migrations.latestVersion()) {
                h.down();
            }
        }
        List<HiddenDanger> sample;
        try {
            sample = engine.hiddenDangers().find(HiddenDangerQuery.all(), PageRequest.first(SAMPLE)).items();
        } catch (RuntimeException e) {
            // a store that checks what it reads refuses a page holding a tampered record: that is the finding
            return h.down().withDetail("brokenChain", List.of(String.valueOf(e.getMessage()))).build();
        }
        List<String> broken = new ArrayList<>();
        for (HiddenDanger d : sample) {
            ChainVerification v = engine.hiddenDangers().verifyAuditChain(d.id());
            if (!v.isValid()) {
                broken.add(d.id().value() + ": " + v);
            }
        }
        h.withDetail("chainsVerified", sample.size());
        if (checkpoint != null) {
            CheckpointVerification v = engine.hiddenDangers().verify(checkpoint);
            h.withDetail("checkpoint", checkpoint.toString()).withDetail("checkpointVerified", v.isValid());
            if (!v.isValid()) {
                h.down().withDetail("checkpointProblem", v.problem().orElse(v.toString()));
            }
        }
        if (!broken.isEmpty()) {
            h.down().withDetail("brokenChain", broken);
        }
        return h.build();
    }
}
