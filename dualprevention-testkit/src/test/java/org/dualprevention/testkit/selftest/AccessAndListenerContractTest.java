package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.organization.Organization;
import org.dualprevention.danger.AccessDecision;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.engine.closedloop.OrganizationAccessPolicy;
import org.dualprevention.testkit.AccessPolicyContract;
import org.dualprevention.testkit.HiddenDangerListenerContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shipped access policies and a simple listener pass their contracts; broken ones fail the rule
 * they break (run through the launcher).
 */
class AccessAndListenerContractTest {
    @Nested
    @DisplayName("OrganizationAccessPolicy")
    class Default extends AccessPolicyContract {
        @Override
        protected AccessPolicy policy(Organization organization) {
            return OrganizationAccessPolicy.of(organization);
        }
    }

    @Nested
    @DisplayName("AccessPolicy.allowAll()")
    class AllowAll extends AccessPolicyContract {
        @Override
        protected AccessPolicy policy(Organization organization) {
            return AccessPolicy.allowAll();
        }

    }

    @Nested
    @DisplayName("a recording listener")
    class Recording extends HiddenDangerListenerContract {
        @Override
        protected HiddenDangerListener listener() {
            Queue<HiddenDangerEvent> seen = new ConcurrentLinkedQueue<>();
            return seen::add;
        }
    }

    @Test
    @DisplayName("broken policies and listeners fail the rules they break")
    void brokenOnesFail() {
        Map<Class<?>, List<String>> expected = Map.of(
                CoinFlipPolicy.class, List.of("P3"),
                ThrowingPolicy.class, List.of("P1"),
                ClosedOnlyListener.class, List.of("L1", "L2"),
                SlowListener.class, List.of("L3"));
        expected.forEach((contract, rules) -> {
            List<String> failed = ContractRunner.failedRules(ContractRunner.run(contract));
            assertTrue(failed.containsAll(rules), contract.getSimpleName() + " should fail " + rules + ", failed " + failed);
        });
    }

    /** Allows every other call. */
    static final class CoinFlipPolicy extends AccessPolicyContract {
        private static final AtomicLong CALLS = new AtomicLong();

        @Override
        protected AccessPolicy policy(Organization organization) {
            return r -> CALLS.incrementAndGet() % 2 == 0 ? AccessDecision.allow() : AccessDecision.deny("odd call");
        }
    }

    /** Throws instead of denying. */
    static final class ThrowingPolicy extends AccessPolicyContract {
        @Override
        protected AccessPolicy policy(Organization organization) {
            OrganizationAccessPolicy real = OrganizationAccessPolicy.of(organization);
            return r -> {
                AccessDecision d = real.decide(r);
                if (!d.allowed()) {
                    throw new IllegalStateException("denied: " + d.reason());
                }
                return d;
            };
        }
    }

    /** Casts every event to the one kind it expects. */
    static final class ClosedOnlyListener extends HiddenDangerListenerContract {
        @Override
        protected HiddenDangerListener listener() {
            return e -> ((HiddenDangerEvent.Closed) e).acceptor();
        }
    }

    /** Does slow work on the calling thread. */
    static final class SlowListener extends HiddenDangerListenerContract {
        @Override
        protected HiddenDangerListener listener() {
            return e -> {
                if (e instanceof HiddenDangerEvent.Overdue) {
                    try {
                        Thread.sleep(60);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }

        @Override
        protected java.time.Duration maxCallDuration() {
            return java.time.Duration.ofMillis(30);
        }
    }
}
