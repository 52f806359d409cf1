package org.dualprevention;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Input broke one or more rules. Carries every violation found, not only the first, and means that
 * nothing was created or changed.
 *
 * @since 0.1
 */
public class ValidationException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    private final String subject;
    private final List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param subject what was being validated, e.g. {@code "assessment input for method [LEC]"}
     * @param violations the violations, at least one
     */
    public ValidationException(String subject, List<Violation> violations) {
        super(message(subject, violations));
        this.subject = subject;
        this.violations = List.copyOf(violations);
    }

    private static String message(String subject, List<Violation> violations) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(violations, "violations");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        StringBuilder sb = new StringBuilder("Invalid ").append(subject).append(": ")
                .append(violations.size()).append(violations.size() == 1 ? " violation" : " violations");
        for (Violation v : violations) {
            sb.append("\n  ").append(v);
        }
        return sb.toString();
    }

    /**
     * What was validated.
     *
     * @return the subject, never {@code null}
     */
    public String subject() {
        return subject;
    }

    /**
     * Every violation found, in the order found.
     *
     * @return an immutable, non-empty list
     */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * Collects violations and throws one {@link ValidationException} at the end if any were found.
     *
     * <p>This class is not thread-safe; use one per validation.
     *
     * @since 0.1
     */
    public static final class Collector {
        private final String subject;
        private final List<Violation> found = new ArrayList<>();

        /**
         * Creates a collector.
         *
         * @param subject what is being validated
         */
        public Collector(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
        }

        /**
         * Adds a violation.
         *
         * @param path where
         * @param value the bad value (may be {@code null})
         * @param allowed what is allowed
         * @return this collector
         */
        public Collector add(String path, @Nullable Object value, String allowed) {
            found.add(Violation.of(path, value, allowed));
            return this;
        }

        /**
         * Adds a violation when {@code bad} is true.
         *
         * @param bad whether the rule is broken
         * @param path where
         * @param value the bad value
         * @param allowed what is allowed
         * @return this collector
         */
        public Collector addIf(boolean bad, String path, @Nullable Object value, String allowed) {
            if (bad) {
                add(path, value, allowed);
            }
            return this;
        }

        /**
         * Adds all violations of another exception, prefixing their paths.
         *
         * @param prefix prefix with no trailing dot, or empty
         * @param e the exception
         * @return this collector
         */
        public Collector addAll(String prefix, ValidationException e) {
            for (Violation v : e.violations()) {
                found.add(new Violation(prefix.isEmpty() ? v.path() : prefix + "." + v.path(), v.value(), v.allowed()));
            }
            return this;
        }

        /**
         * Whether any violation was found.
         *
         * @return true if at least one violation was added
         */
        public boolean hasViolations() {
            return !found.isEmpty();
        }

        /**
         * Throws a {@link ValidationException} if any violation was added.
         *
         * @throws ValidationException with every violation collected
         */
        public void throwIfAny() {
            if (!found.isEmpty()) {
                throw new ValidationException(subject, found);
            }
        }
    }
}
