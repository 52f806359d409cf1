package org.dualprevention.spi;

import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.TaskMissed;

/**
 * Receives the events of inspections: a task recorded, a task missed.
 *
 * <h2>Contract</h2>
 * As for {@link HiddenDangerListener}: called after the change is stored, on the calling thread; an
 * exception thrown by a listener does not undo or block the change and does not stop other listeners.
 * Both methods do nothing by default.
 *
 * <h2>Registration</h2>
 * Registered explicitly on the engine's builder; there is no discovery.
 *
 * @since 0.1
 */
public interface InspectionListener {
    /**
     * A task was recorded (its record and links to any hidden dangers it registered are stored).
     *
     * @param task the task as stored
     */
    default void onTaskRecorded(InspectionTask task) {
    }

    /**
     * A task passed its due time without a record; reported once per sweep window that contains its due time.
     *
     * @param event the event
     */
    default void onTaskMissed(TaskMissed event) {
    }
}
