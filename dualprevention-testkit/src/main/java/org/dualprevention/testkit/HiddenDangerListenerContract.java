package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.organization.Organization;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Basic rules for a {@link HiddenDangerListener}, checked with every kind of event the closed loop
 * produces (seeded). What the engine guarantees around listeners (delivery after the save, a throwing
 * listener undoes nothing) is the engine's contract, not the listener's, and is not checked here.
 *
 * <pre>{@code
 * class SmsReminderTest extends HiddenDangerListenerContract {
 *     @Override protected HiddenDangerListener listener() { return new SmsReminder(fakeGateway()); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>L1</b> every kind of event (reported, transitioned, closed, overdue, major reported to the authority,
 *     deadline extended, reassessment requested) is accepted without an exception, including kinds the
 *     listener ignores.</li>
 * <li><b>L2</b> events delivered from several threads at once are accepted without an exception.</li>
 * <li><b>L3</b> each call returns within {@link #maxCallDuration()}: slow work belongs on the listener's own
 *     executor.</li>
 * <li><b>L4</b> the events used cover every kind (a check of the kit itself, so that L1 to L3 never pass vacuously).</li>
 * </ol>
 *
 * @since 0.1
 */
public abstract class HiddenDangerListenerContract {
    /** Creates the contract. */
    protected HiddenDangerListenerContract() {
    }

    /**
     * A fresh listener.
     *
     * @return the listener under test
     */
    protected abstract HiddenDangerListener listener();

    /**
     * The seed of the events.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    /**
     * The longest a single call may take (rule L3).
     *
     * @return 500 ms by default
     */
    protected Duration maxCallDuration() {
        return Duration.ofMillis(500);
    }

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    private List<HiddenDangerEvent> events() {
        Gen gen = Gen.of(seed());
        Organization org = gen.organization(10);
        return gen.dangers().events(org, T0, 56);
    }

    private String seedNote() {
        return " [seed=" + seed() + " replay with -D" + Seeds.PROPERTY + "=" + seed() + "]";
    }

    /** Rule L1: every kind of event is accepted without an exception. */
    @Test
    @DisplayName("L1 every kind of event is accepted without an exception")
    public void l1AcceptsEveryEvent() {
        Rules.check("L1", () -> {
            HiddenDangerListener l = listener();
            Failures f = new Failures("L1 events accepted" + seedNote());
            for (HiddenDangerEvent e : events()) {
                f.checked();
                try {
                    l.onEvent(e);
                } catch (RuntimeException ex) {
                    f.fail(e.getClass().getSimpleName() + " " + e + " -> " + Failures.describe(ex));
                }
            }
            f.assertNone();
        });
    }

    /** Rule L2: events delivered from several threads at once are accepted. */
    @Test
    @DisplayName("L2 events delivered from several threads at once are accepted")
    public void l2ConcurrentDelivery() {
        Rules.check("L2", () -> {
            HiddenDangerListener l = listener();
            List<HiddenDangerEvent> events = events();
            Parallel.check("L2", 4, 1, events.size(), k -> {
                try {
                    l.onEvent(events.get(k));
                    return null;
                } catch (RuntimeException ex) {
                    return events.get(k) + " -> " + Failures.describe(ex) + seedNote();
                }
            });
        });
    }

    /** Rule L3: each call returns promptly; slow work goes to the listener's own executor. */
    @Test
    @DisplayName("L3 each call returns promptly; slow work goes to the listener's own executor")
    public void l3ReturnsPromptly() {
        Rules.check("L3", () -> {
            HiddenDangerListener l = listener();
            long limit = maxCallDuration().toNanos();
            for (HiddenDangerEvent e : events()) {
                long t = System.nanoTime();
                l.onEvent(e);
                long took = System.nanoTime() - t;
                if (took > limit) {
                    fail("L3 onEvent(" + e.getClass().getSimpleName() + ") took " + Duration.ofNanos(took).toMillis()
                            + " ms; allowed: " + maxCallDuration().toMillis() + " ms");
                }
            }
        });
    }

    /** Rule L4: the events used cover every kind the closed loop produces. */
    @Test
    @DisplayName("L4 the events used cover every kind the closed loop produces")
    public void l4CoversEveryKind() {
        Rules.check("L4", () -> {
            Set<Class<?>> kinds = new HashSet<>();
            for (HiddenDangerEvent e : events()) {
                kinds.add(e.getClass());
            }
            Set<Class<?>> all = new HashSet<>(List.of(HiddenDangerEvent.class.getPermittedSubclasses()));
            assertEquals(all, kinds, "L4 event kinds covered" + seedNote());
        });
    }
}
