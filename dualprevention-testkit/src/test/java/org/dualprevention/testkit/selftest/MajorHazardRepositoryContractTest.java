package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.spi.MajorHazardRepository;
import org.dualprevention.storage.memory.InMemoryMajorHazardRepository;
import org.dualprevention.testkit.MajorHazardRepositoryContract;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory major hazard repository passes MH1 to MH4; one that ignores versions fails MH2 and MH3 only. */
class MajorHazardRepositoryContractTest extends MajorHazardRepositoryContract {
    @Override
    protected MajorHazardRepository repository() {
        return new InMemoryMajorHazardRepository();
    }

    @Test
    @DisplayName("a repository that ignores the expected version fails MH2 and MH3 and passes MH1 and MH4")
    void brokenRepositoryFailsTheRightRules() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(IgnoresVersions.class);
        List<String> failed = ContractRunner.failedRules(outcomes);
        assertEquals(List.of("MH2", "MH3"), failed.stream().sorted().toList(), outcomes.values().toString());
        assertTrue(outcomes.values().stream().filter(ContractRunner.Outcome::failed)
                .allMatch(o -> o.message().contains(o.rule() + " ")), outcomes.values().toString());
    }

    /** Stores whatever it is given. Run only through {@link ContractRunner}. */
    static final class IgnoresVersions extends MajorHazardRepositoryContract {
        @Override
        protected MajorHazardRepository repository() {
            InMemoryMajorHazardRepository inner = new InMemoryMajorHazardRepository();
            return new MajorHazardRepository() {
                @Override
                public Optional<MajorHazardInstallation> find(InstallationId id) {
                    return inner.find(id);
                }

                @Override
                public void save(MajorHazardInstallation next, long expectedVersion) {
                    long stored = inner.find(next.id()).map(MajorHazardInstallation::version).orElse(0L);
                    inner.save(next.withVersion(stored + 1), stored);
                }

                @Override
                public List<MajorHazardInstallation> findAll() {
                    return inner.findAll().stream().map(i -> i.withVersion(1)).toList();
                }
            };
        }
    }
}
