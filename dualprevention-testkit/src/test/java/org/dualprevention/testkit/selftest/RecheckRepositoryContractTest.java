package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.spi.RecheckRepository;
import org.dualprevention.storage.memory.InMemoryRecheckRepository;
import org.dualprevention.testkit.RecheckRepositoryContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The in-memory re-check repository passes RC1 to RC3; one that orders its re-checks by their text (round 10
 * before round 2) fails RC3 only.
 */
class RecheckRepositoryContractTest extends RecheckRepositoryContract {
    @Override
    protected RecheckRepository repository() {
        return new InMemoryRecheckRepository();
    }

    @Test
    @DisplayName("a repository that orders re-checks by their text fails RC3 and passes RC1 and RC2")
    void brokenRepositoryFailsTheRightRules() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(TextOrder.class);
        assertEquals(3, outcomes.size(), outcomes.values().toString());
        assertEquals(List.of("RC3"), ContractRunner.failedRules(outcomes), outcomes.values().toString());
        assertTrue(outcomes.values().stream().filter(ContractRunner.Outcome::failed)
                .allMatch(o -> o.message().contains(o.rule() + " ")), outcomes.values().toString());
    }

    /** Lists re-checks in the order of {@code danger#round} as text. Run only through {@link ContractRunner}. */
    static final class TextOrder extends RecheckRepositoryContract {
        @Override
        protected RecheckRepository repository() {
            InMemoryRecheckRepository inner = new InMemoryRecheckRepository();
            return new RecheckRepository() {
                @Override
                public void add(RecheckId id, RecheckResult result) {
                    inner.add(id, result);
                }

                @Override
                public Optional<RecheckResult> find(RecheckId id) {
                    return inner.find(id);
                }

                @Override
                public Map<RecheckId, RecheckResult> findAll() {
                    TreeMap<String, RecheckId> byText = new TreeMap<>();
                    inner.findAll().keySet().forEach(id -> byText.put(id.toString(), id));
                    Map<RecheckId, RecheckResult> out = new LinkedHashMap<>();
                    byText.values().forEach(id -> out.put(id, inner.find(id).orElseThrow()));
                    return out;
                }
            };
        }
    }
}
