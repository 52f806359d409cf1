package org.dualprevention.spi;

import java.time.Duration;
import org.dualprevention.danger.CommandOutcome;
import org.dualprevention.danger.HiddenDangerAction;

/**
 * Hears of every command the engine's hidden-danger area handles ({@code report} and {@code apply}), accepted or
 * refused, with the time it took: the hook for metrics such as Micrometer's.
 *
 * <p>Called on the caller's thread after the command ended, once per command. An observer must be quick and
 * must not throw; an exception it throws is logged and otherwise ignored.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface CommandObserver {
    /**
     * A command ended.
     *
     * @param action the command's action
     * @param outcome accepted, or why it was refused
     * @param took the time from the call to its end, storage included
     */
    void onCommand(HiddenDangerAction action, CommandOutcome outcome, Duration took);
}
