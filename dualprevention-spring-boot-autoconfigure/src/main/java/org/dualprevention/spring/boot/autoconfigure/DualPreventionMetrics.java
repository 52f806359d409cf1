package org.dualprevention.spring.boot.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import org.dualprevention.danger.CommandOutcome;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.spi.CommandObserver;

/**
 * Counts and times the closed loop's commands in Micrometer.
 *
 * <ul>
 *   <li>{@code dualprevention.commands} (counter), tags {@code action} (e.g. {@code verify}) and {@code outcome}
 *       ({@code accepted}, or the refusal: {@code illegal-transition}, {@code access-denied}, {@code invalid},
 *       {@code stale-version}, {@code not-found}, {@code failed});</li>
 *   <li>{@code dualprevention.command.duration} (timer), tags {@code action} and {@code outcome}.</li>
 * </ul>
 * Tag values are the stable codes of {@link HiddenDangerAction} and {@link CommandOutcome}.
 *
 * @since 0.2
 */
public final class DualPreventionMetrics implements CommandObserver {
    /** The counter's name. */
    public static final String COMMANDS = "dualprevention.commands";
    /** The timer's name. */
    public static final String DURATION = "dualprevention.command.duration";

    private final MeterRegistry registry;

    /**
     * Metrics on a registry.
     *
     * @param registry the application's registry
     */
    public DualPreventionMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onCommand(HiddenDangerAction action, CommandOutcome outcome, Duration took) {
        Counter.builder(COMMANDS)
                .description("Closed-loop commands handled, by action and outcome")
                .tag("action", action.code())
                .tag("outcome", outcome.code())
                .register(registry)
                .increment();
        Timer.builder(DURATION)
                .description("Time a closed-loop command took, storage included")
                .tag("action", action.code())
                .tag("outcome", outcome.code())
                .register(registry)
                .record(took);
    }
}
