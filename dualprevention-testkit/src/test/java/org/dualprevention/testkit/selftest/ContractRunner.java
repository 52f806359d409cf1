package org.dualprevention.testkit.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Runs a contract subclass with the JUnit Platform launcher and reports the outcome of each test by
 * display name, so a test can assert that a broken implementation fails the right rule.
 */
final class ContractRunner {
    private ContractRunner() {
    }

    /** Outcome of one test. */
    record Outcome(String displayName, TestExecutionResult.Status status, String message) {
        boolean failed() {
            return status == TestExecutionResult.Status.FAILED;
        }

        /** The rule number at the start of the display name, e.g. {@code S2}. */
        String rule() {
            int space = displayName.indexOf(' ');
            return space < 0 ? displayName : displayName.substring(0, space);
        }
    }

    /** Runs every test of {@code testClass}; returns the outcomes of the test methods, keyed by display name. */
    static Map<String, Outcome> run(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        Map<String, Outcome> out = new LinkedHashMap<>();
        List<String> containerFailures = new ArrayList<>();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        String msg = result.getThrowable().map(Throwable::toString).orElse("");
                        if (id.isTest()) {
                            out.put(id.getDisplayName(), new Outcome(id.getDisplayName(), result.getStatus(), msg));
                        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            containerFailures.add(id.getDisplayName() + ": " + msg);
                        }
                    }

                    @Override
                    public void executionSkipped(TestIdentifier id, String reason) {
                        if (id.isTest()) {
                            out.put(id.getDisplayName(), new Outcome(id.getDisplayName(), null, "skipped: " + reason));
                        }
                    }
                });
        if (!containerFailures.isEmpty()) {
            throw new AssertionError("container failed: " + containerFailures);
        }
        if (out.isEmpty()) {
            throw new AssertionError("no tests ran in " + testClass.getName());
        }
        return out;
    }

    /** The rule numbers of the failed tests, e.g. {@code [S2, S5]}. */
    static List<String> failedRules(Map<String, Outcome> outcomes) {
        List<String> rules = new ArrayList<>();
        for (Outcome o : outcomes.values()) {
            if (o.failed()) {
                rules.add(o.rule());
            }
        }
        return rules;
    }
}
