package org.dualprevention.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the failures of one rule over a whole domain and reports them together, so a failing
 * rule shows how many cases broke and the first few of them. Not thread-safe.
 */
final class Failures {
    private static final int SHOWN = 10;
    private final String rule;
    private final List<String> found = new ArrayList<>();
    private int checked;

    Failures(String rule) {
        this.rule = rule;
    }

    void checked() {
        checked++;
    }

    void fail(String message) {
        found.add(message);
    }

    int count() {
        return found.size();
    }

    void assertNone() {
        if (found.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(rule).append(" broken in ").append(found.size()).append(" case(s)")
                .append(checked > 0 ? " of " + checked + " checked" : "").append(':');
        for (int i = 0; i < Math.min(SHOWN, found.size()); i++) {
            sb.append("\n  - ").append(found.get(i));
        }
        if (found.size() > SHOWN) {
            sb.append("\n  ... and ").append(found.size() - SHOWN).append(" more");
        }
        throw new AssertionError(sb.toString());
    }

    static String describe(Throwable t) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
