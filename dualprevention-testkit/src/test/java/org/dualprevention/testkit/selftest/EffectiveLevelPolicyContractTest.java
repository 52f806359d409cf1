package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.dualprevention.testkit.EffectiveLevelPolicyContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shipped effective-level policy and a policy that never raises pass the contract; broken ones fail exactly the
 * rules they break (run through the launcher).
 */
class EffectiveLevelPolicyContractTest {
    @Nested
    @DisplayName("DefaultEffectiveLevelPolicy")
    class Default extends EffectiveLevelPolicyContract {
        @Override
        protected EffectiveLevelPolicy policy() {
            return DefaultEffectiveLevelPolicy.create();
        }
    }

    @Nested
    @DisplayName("a policy that never raises and does not override mayRaise")
    class NeverRaises extends EffectiveLevelPolicyContract {
        @Override
        protected EffectiveLevelPolicy policy() {
            return (point, assessed, dangers, today) -> EffectiveLevel.asAssessed(point, assessed);
        }
    }

    @Test
    @DisplayName("broken policies fail exactly the rules they break")
    void brokenOnesFail() {
        Map<String, List<String>> expected = new TreeMap<>();
        expected.put(MajorOnlyMayRaise.class.getSimpleName(), List.of("E3"));
        expected.put(CoinFlip.class.getSimpleName(), List.of("E2", "E3", "E4"));
        expected.put(OtherPoint.class.getSimpleName(), List.of("E1"));
        expected.put(NoNullChecks.class.getSimpleName(), List.of("E5"));
        Map<String, List<String>> failed = new TreeMap<>();
        for (Class<?> c : List.of(MajorOnlyMayRaise.class, CoinFlip.class, OtherPoint.class, NoNullChecks.class)) {
            List<String> rules = new java.util.ArrayList<>(ContractRunner.failedRules(ContractRunner.run(c)));
            java.util.Collections.sort(rules);
            failed.put(c.getSimpleName(), rules);
        }
        assertEquals(expected, failed);
    }

    /** The default policy, but says only major hidden dangers may raise: overdue general ones are lost. */
    static final class MajorOnlyMayRaise extends EffectiveLevelPolicyContract {
        @Override
        protected EffectiveLevelPolicy policy() {
            EffectiveLevelPolicy d = DefaultEffectiveLevelPolicy.create();
            return new EffectiveLevelPolicy() {
                @Override
                public EffectiveLevel evaluate(RiskPointId point, RiskLevel assessed, Collection<HiddenDanger> dangers,
                        LocalDate today) {
                    return d.evaluate(point, assessed, dangers, today);
                }

                @Override
                public boolean mayRaise(HiddenDanger danger, LocalDate today) {
                    return d.mayRaise(danger, today) && danger.grade().orElse(null) == HiddenDangerGrade.MAJOR;
                }
            };
        }
    }

    /** Raises every other call to the most severe level. */
    static final class CoinFlip extends EffectiveLevelPolicyContract {
        private static final AtomicLong CALLS = new AtomicLong();

        @Override
        protected EffectiveLevelPolicy policy() {
            return (point, assessed, dangers, today) -> CALLS.incrementAndGet() % 2 == 0 || assessed == RiskLevel.MAJOR
                    ? EffectiveLevel.asAssessed(point, assessed)
                    : new EffectiveLevel(point, assessed, RiskLevel.MAJOR, List.of(new EffectiveLevel.Reason(
                            HiddenDangerId.of("HD-coin"), "coin", "the coin came up heads")));
        }
    }

    /** Answers about another risk point. */
    static final class OtherPoint extends EffectiveLevelPolicyContract {
        @Override
        protected EffectiveLevelPolicy policy() {
            return (point, assessed, dangers, today) -> EffectiveLevel.asAssessed(RiskPointId.of("RP-elsewhere"),
                    assessed);
        }
    }

    /** Overrides mayRaise without refusing nulls. */
    static final class NoNullChecks extends EffectiveLevelPolicyContract {
        @Override
        protected EffectiveLevelPolicy policy() {
            return new EffectiveLevelPolicy() {
                @Override
                public EffectiveLevel evaluate(RiskPointId point, RiskLevel assessed, Collection<HiddenDanger> dangers,
                        LocalDate today) {
                    return EffectiveLevel.asAssessed(point, assessed);
                }

                @Override
                public boolean mayRaise(HiddenDanger danger, LocalDate today) {
                    return true;
                }
            };
        }
    }
}
