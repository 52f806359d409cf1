package org.dualprevention.spi;

import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.danger.HiddenDangerEvent;

/**
 * Receives the events of the closed loop (SMS reminders, MES screens, reports to the authority).
 *
 * <h2>Contract</h2>
 * The engine calls a listener <em>after</em> the new state and its audit entry are stored, in the order the
 * events were produced, on the thread that applied the command. An exception thrown by a listener does not
 * undo or block the change, and does not stop other listeners: the engine logs and reports it. A listener
 * that needs to do slow work hands the event to its own executor. Implementations are thread-safe when
 * registered with an engine used from several threads.
 *
 * <h2>Registration</h2>
 * Registered explicitly on the engine's builder; there is no discovery.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface HiddenDangerListener {
    /**
     * Called once per event of an accepted command or an overdue sweep.
     *
     * @param event the event
     */
    void onEvent(HiddenDangerEvent event);

    /**
     * Called when the effective level of a risk point changes. Does nothing by default.
     *
     * @param event the change, with its reasons
     */
    default void onEffectiveLevelChanged(EffectiveLevelChanged event) {
    }
}
