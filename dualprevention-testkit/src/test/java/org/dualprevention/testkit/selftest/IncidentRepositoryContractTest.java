package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.spi.IncidentRepository;
import org.dualprevention.storage.memory.InMemoryIncidentRepository;
import org.dualprevention.testkit.IncidentRepositoryContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory incident repository passes IN1 to IN3; one that overwrites a recorded incident fails IN2 only. */
class IncidentRepositoryContractTest extends IncidentRepositoryContract {
    @Override
    protected IncidentRepository repository() {
        return new InMemoryIncidentRepository();
    }

    @Test
    @DisplayName("a repository that overwrites a recorded incident fails IN2 and passes IN1 and IN3")
    void brokenRepositoryFailsTheRightRules() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(Overwrites.class);
        assertEquals(3, outcomes.size(), outcomes.values().toString());
        assertEquals(List.of("IN2"), ContractRunner.failedRules(outcomes), outcomes.values().toString());
        assertTrue(outcomes.values().stream().filter(ContractRunner.Outcome::failed)
                .allMatch(o -> o.message().contains(o.rule() + " ")), outcomes.values().toString());
    }

    /** Records a second incident under a recorded id in place of the first. Run only through {@link ContractRunner}. */
    static final class Overwrites extends IncidentRepositoryContract {
        @Override
        protected IncidentRepository repository() {
            Map<IncidentId, Incident> stored = new LinkedHashMap<>();
            return new IncidentRepository() {
                @Override
                public void add(Incident incident) {
                    stored.put(incident.id(), incident);
                }

                @Override
                public Optional<Incident> find(IncidentId id) {
                    return Optional.ofNullable(stored.get(id));
                }

                @Override
                public List<Incident> findAll() {
                    InMemoryIncidentRepository sorted = new InMemoryIncidentRepository();
                    stored.values().forEach(sorted::add);
                    return sorted.findAll();
                }
            };
        }
    }
}
