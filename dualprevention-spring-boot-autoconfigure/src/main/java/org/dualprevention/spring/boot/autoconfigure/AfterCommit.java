package org.dualprevention.spring.boot.autoconfigure;

import java.util.Objects;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.TaskMissed;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.spi.InspectionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Listeners that hear of a change only once it is committed.
 *
 * <p>The engine calls its listeners right after it stored a change. Inside a Spring transaction that change is
 * not yet durable: the application's transaction may still roll back. The wrappers made here hold each call back
 * until the transaction commits, and drop it if it rolls back; outside a transaction they call through at once.
 * A listener that fails after commit is logged (the change it heard of stays committed).
 *
 * @since 0.2
 */
public final class AfterCommit {
    private static final System.Logger LOG = System.getLogger(AfterCommit.class.getName());

    private AfterCommit() {
    }

    /**
     * A hidden-danger listener called after commit.
     *
     * @param delegate the application's listener
     * @return the wrapper
     */
    public static HiddenDangerListener of(HiddenDangerListener delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return new HiddenDangerListener() {
            @Override
            public void onEvent(HiddenDangerEvent event) {
                afterCommit(() -> delegate.onEvent(event));
            }

            @Override
            public void onEffectiveLevelChanged(EffectiveLevelChanged event) {
                afterCommit(() -> delegate.onEffectiveLevelChanged(event));
            }

            @Override
            public String toString() {
                return "AfterCommit(" + delegate + ")";
            }
        };
    }

    /**
     * An inspection listener called after commit.
     *
     * @param delegate the application's listener
     * @return the wrapper
     */
    public static InspectionListener of(InspectionListener delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return new InspectionListener() {
            @Override
            public void onTaskRecorded(InspectionTask task) {
                afterCommit(() -> delegate.onTaskRecorded(task));
            }

            @Override
            public void onTaskMissed(TaskMissed event) {
                afterCommit(() -> delegate.onTaskMissed(event));
            }

            @Override
            public String toString() {
                return "AfterCommit(" + delegate + ")";
            }
        };
    }

    private static void afterCommit(Runnable call) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // the change is committed: a failing listener must not surface as a failed commit
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "a dualprevention listener failed after commit", e);
                    }
                }
            });
        } else {
            call.run();
        }
    }
}
