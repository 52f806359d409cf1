package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.learning.TypicalHiddenDanger;
import org.dualprevention.spi.TypicalHiddenDangerRepository;
import org.dualprevention.storage.memory.InMemoryTypicalHiddenDangerRepository;
import org.dualprevention.testkit.TypicalHiddenDangerRepositoryContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The in-memory typical hidden-danger library passes TY1 to TY3; one that lists entries in the order they
 * were added fails TY3 only.
 */
class TypicalHiddenDangerRepositoryContractTest extends TypicalHiddenDangerRepositoryContract {
    @Override
    protected TypicalHiddenDangerRepository repository() {
        return new InMemoryTypicalHiddenDangerRepository();
    }

    @Test
    @DisplayName("a library that lists entries in the order added fails TY3 and passes TY1 and TY2")
    void brokenRepositoryFailsTheRightRules() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(AddedOrder.class);
        assertEquals(3, outcomes.size(), outcomes.values().toString());
        assertEquals(List.of("TY3"), ContractRunner.failedRules(outcomes), outcomes.values().toString());
        assertTrue(outcomes.values().stream().filter(ContractRunner.Outcome::failed)
                .allMatch(o -> o.message().contains(o.rule() + " ")), outcomes.values().toString());
    }

    /** Keeps the entries in the order they were added. Run only through {@link ContractRunner}. */
    static final class AddedOrder extends TypicalHiddenDangerRepositoryContract {
        @Override
        protected TypicalHiddenDangerRepository repository() {
            Map<HiddenDangerId, TypicalHiddenDanger> stored = new LinkedHashMap<>();
            return new TypicalHiddenDangerRepository() {
                @Override
                public void add(TypicalHiddenDanger entry) {
                    if (stored.putIfAbsent(entry.source(), entry) != null) {
                        throw new StaleVersionException("typical hidden danger [" + entry.source() + "]", 0, 1);
                    }
                }

                @Override
                public Optional<TypicalHiddenDanger> find(HiddenDangerId source) {
                    return Optional.ofNullable(stored.get(source));
                }

                @Override
                public List<TypicalHiddenDanger> findAll() {
                    return List.copyOf(stored.values());
                }
            };
        }
    }
}
