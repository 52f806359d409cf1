package org.dualprevention.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.query.HiddenDangerQuery;

/**
 * Gauges of the hidden dangers the engine's storage holds, counted by the storage's queries when the registry
 * reads them:
 * <ul>
 *   <li>{@code dualprevention.hidden.dangers.open}, tag {@code grade}: {@code general}, {@code major}, or
 *       {@code ungraded} (reported, not yet verified);</li>
 *   <li>{@code dualprevention.hidden.dangers.overdue}, tag {@code grade}: open past their deadline as of today in
 *       the organisation's zone ({@link org.dualprevention.danger.HiddenDanger#overdueOn}).</li>
 * </ul>
 *
 * @since 0.2
 */
public final class DualPreventionGauges implements MeterBinder {
    /** The open gauge's name. */
    public static final String OPEN = "dualprevention.hidden.dangers.open";
    /** The overdue gauge's name. */
    public static final String OVERDUE = "dualprevention.hidden.dangers.overdue";

    private final DualPrevention engine;

    /**
     * Gauges over an engine's storage.
     *
     * @param engine the engine
     */
    public DualPreventionGauges(DualPrevention engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (HiddenDangerGrade g : HiddenDangerGrade.values()) {
            Gauge.builder(OPEN, () -> count(HiddenDangerQuery.all().open().ofGrades(List.of(g))))
                    .description("Open hidden dangers by grade").tag("grade", g.code()).register(registry);
            Gauge.builder(OVERDUE, () -> count(HiddenDangerQuery.all().overdueAsOf(engine.today()).ofGrades(List.of(g))))
                    .description("Overdue hidden dangers by grade").tag("grade", g.code()).register(registry);
        }
        Gauge.builder(OPEN, () -> count(HiddenDangerQuery.all().open())
                        - count(HiddenDangerQuery.all().open().ofGrades(List.of(HiddenDangerGrade.values()))))
                .description("Open hidden dangers by grade").tag("grade", "ungraded").register(registry);
    }

    private long count(HiddenDangerQuery q) {
        return engine.storage().hiddenDangers().count(q);
    }
}
