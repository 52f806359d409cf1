package org.dualprevention.jdbc.internal;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes credentials from text the storage shows: its description, its log lines and the messages of the
 * exceptions it throws (the drivers' messages included, since some of them quote the JDBC URL).
 *
 * <p>What is replaced by {@code ***}: the value of every {@code key=value} setting whose key contains
 * {@code password}, {@code passwd}, {@code pwd} or {@code secret} (in any case; URL query parameters,
 * H2's {@code ;PASSWORD=…}, MariaDB's {@code (password=…)}, a printed {@code Properties}), and the password of
 * a URL's user information ({@code //user:password@host}).
 *
 * @since 0.1
 */
public final class Redaction {
    /** What a removed value is replaced with. */
    public static final String MASK = "***";

    private static final Pattern SETTING = Pattern.compile(
            "(?i)([A-Za-z0-9_.\\-]*(?:password|passwd|pwd|secret)[A-Za-z0-9_.\\-]*\\s*=\\s*)[^&;,)}\\]\\s'\"]+");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@\\s:?#]*):[^@/\\s]+@");

    private Redaction() {
    }

    /**
     * The text with every credential masked.
     *
     * @param text any text, e.g. a JDBC URL or a driver's message
     * @return the text without credentials
     */
    public static String redact(String text) {
        String out = SETTING.matcher(text).replaceAll("$1" + MASK);
        return USER_INFO.matcher(out).replaceAll("$1:" + MASK + "@");
    }

    private static @Nullable String redactOrNull(@Nullable String text) {
        return text == null ? null : redact(text);
    }

    /**
     * A throwable safe to log or to keep as a cause: the same object when no message in its chain (causes,
     * suppressed, chained SQL exceptions) holds a credential, otherwise a copy of the chain with the
     * credentials masked, the stack traces kept, and SQL exceptions kept as {@link SQLException}s with
     * their SQLState and vendor code.
     *
     * @param t the throwable
     * @return a throwable without credentials
     */
    public static Throwable scrub(Throwable t) {
        return leaks(t, new IdentityHashMap<>()) ? copy(t, new IdentityHashMap<>()) : t;
    }

    private static boolean leaks(@Nullable Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        String m = t.getMessage();
        if (m != null && !m.equals(redact(m))) {
            return true;
        }
        if (t instanceof SQLException && leaks(((SQLException) t).getNextException(), seen)) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (leaks(s, seen)) {
                return true;
            }
        }
        return leaks(t.getCause(), seen);
    }

    private static Throwable copy(Throwable t, Map<Throwable, Throwable> done) {
        Throwable known = done.get(t);
        if (known != null) {
            return known;
        }
        Throwable c;
        if (t instanceof SQLException) {
            SQLException e = (SQLException) t;
            c = new SQLException(redactOrNull(e.getMessage()), e.getSQLState(), e.getErrorCode());
        } else {
            c = new Redacted(t.getClass().getName(), redactOrNull(t.getMessage()));
        }
        done.put(t, c);
        c.setStackTrace(t.getStackTrace());
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            c.initCause(copy(cause, done));
        }
        if (t instanceof SQLException) {
            SQLException next = ((SQLException) t).getNextException();
            if (next != null && next != t) {
                ((SQLException) c).setNextException((SQLException) copy(next, done));
            }
        }
        for (Throwable s : t.getSuppressed()) {
            c.addSuppressed(copy(s, done));
        }
        return c;
    }

    /** A throwable other than an {@link SQLException} whose message held a credential, copied without it. */
    static final class Redacted extends Exception {
        private static final long serialVersionUID = 1L;
        private final String type;

        Redacted(String type, @Nullable String message) {
            super(message);
            this.type = type;
        }

        @Override
        public String toString() {
            String m = getMessage();
            return type + " (credentials removed)" + (m == null ? "" : ": " + m);
        }
    }
}
