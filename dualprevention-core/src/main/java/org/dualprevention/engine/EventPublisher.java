package org.dualprevention.engine;

import java.util.List;
import java.util.function.BiConsumer;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.TaskMissed;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.spi.InspectionListener;

/**
 * Hands events to the registered listeners after the change they follow is stored, and reports every failure
 * of a listener or of a follow-up; the one place the areas of {@link DualPrevention} publish through.
 *
 * <p>Listeners are called on the calling thread, in registration order. A listener that throws does not stop
 * the others and undoes nothing: its failure is logged through {@link System.Logger} (logger
 * {@code org.dualprevention.engine}) and passed to the failure handler; a failing handler is logged too.
 *
 * <p>Immutable; thread-safe if the listeners and the handler are.
 */
final class EventPublisher {
    private static final System.Logger LOG = System.getLogger("org.dualprevention.engine");

    private final List<HiddenDangerListener> dangerListeners;
    private final List<InspectionListener> inspectionListeners;
    private final BiConsumer<Object, RuntimeException> failureHandler;

    EventPublisher(List<HiddenDangerListener> dangerListeners, List<InspectionListener> inspectionListeners,
            BiConsumer<Object, RuntimeException> failureHandler) {
        this.dangerListeners = List.copyOf(dangerListeners);
        this.inspectionListeners = List.copyOf(inspectionListeners);
        this.failureHandler = failureHandler;
    }

    /** Hands an event of the closed loop to every hidden-danger listener. */
    void publish(HiddenDangerEvent e) {
        for (HiddenDangerListener l : dangerListeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                failed(e, ex);
            }
        }
    }

    /** Hands a change of a risk point's effective level to every hidden-danger listener. */
    void publish(EffectiveLevelChanged e) {
        for (HiddenDangerListener l : dangerListeners) {
            try {
                l.onEffectiveLevelChanged(e);
            } catch (RuntimeException ex) {
                failed(e, ex);
            }
        }
    }

    /** Hands a newly recorded task to every inspection listener. */
    void taskRecorded(InspectionTask task) {
        for (InspectionListener l : inspectionListeners) {
            try {
                l.onTaskRecorded(task);
            } catch (RuntimeException ex) {
                failed(task, ex);
            }
        }
    }

    /** Hands a missed task to every inspection listener. */
    void taskMissed(TaskMissed e) {
        for (InspectionListener l : inspectionListeners) {
            try {
                l.onTaskMissed(e);
            } catch (RuntimeException ex) {
                failed(e, ex);
            }
        }
    }

    /**
     * Reports the failure of a listener or of a follow-up (a reassessment flag, an effective-level
     * computation) after a stored change: logged, then given to the failure handler.
     *
     * @param subject the event, or a description of the follow-up that failed
     * @param ex the failure
     */
    void failed(Object subject, RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "A listener or follow-up failed on [" + subject
                + "]; the change it follows stays stored", ex);
        try {
            failureHandler.accept(subject, ex);
        } catch (RuntimeException again) {
            LOG.log(System.Logger.Level.ERROR, "The listener failure handler failed too", again);
        }
    }
}
