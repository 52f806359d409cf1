package org.dualprevention.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Small SQL helpers: parameter binding, a WHERE builder, exact instants as BIGINT nanoseconds, and opaque
 * keyset page tokens.
 *
 * @since 0.1
 */
public final class Sql {
    private static final String TOKEN_PREFIX = "k1";

    private Sql() {
    }

    /**
     * An instant as nanoseconds since the epoch, exact for 1677-09-21 to 2262-04-11.
     *
     * @param instant the instant
     * @return the nanoseconds
     * @throws IllegalArgumentException outside that range
     */
    public static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("instant [" + instant
                    + "] cannot be stored; allowed: 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z", e);
        }
    }

    /**
     * Nanoseconds for a query bound, clamped to the storable range (a bound beyond it matches as if at its edge).
     *
     * @param instant the bound
     * @return the nanoseconds
     */
    public static long boundNanos(Instant instant) {
        if (instant.getEpochSecond() >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (instant.getEpochSecond() <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return nanos(instant);
    }

    /**
     * Binds a value by its Java type.
     *
     * @param ps the statement
     * @param index 1-based index
     * @param value the value: String, Long, Integer, Boolean, LocalDate, or null (with {@code sqlType})
     * @param sqlType the type for a null
     * @throws SQLException on failure
     */
    public static void bind(PreparedStatement ps, int index, @Nullable Object value, int sqlType) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType);
        } else if (value instanceof String) {
            ps.setString(index, (String) value);
        } else if (value instanceof Long) {
            ps.setLong(index, (Long) value);
        } else if (value instanceof Integer) {
            ps.setInt(index, (Integer) value);
        } else if (value instanceof Boolean) {
            ps.setBoolean(index, (Boolean) value);
        } else if (value instanceof LocalDate) {
            ps.setObject(index, value, Types.DATE);
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass());
        }
    }

    /** Accumulates AND-ed conditions and their parameters. */
    public static final class Where {
        private final List<String> parts = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();
        private boolean nothing;

        /**
         * Adds a condition.
         *
         * @param sql the condition with {@code ?} placeholders
         * @param values its parameters in order
         * @return this
         */
        public Where and(String sql, Object... values) {
            parts.add(sql);
            params.addAll(List.of(values));
            return this;
        }

        /**
         * Adds {@code column IN (…)}; an empty collection makes the whole query match nothing.
         *
         * @param column the column
         * @param values the values
         * @return this
         */
        public Where in(String column, Collection<?> values) {
            if (values.isEmpty()) {
                nothing = true;
                return this;
            }
            StringBuilder sb = new StringBuilder(column).append(" IN (");
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? "?" : ", ?");
            }
            parts.add(sb.append(')').toString());
            params.addAll(values);
            return this;
        }

        /** @return whether a condition can never match (an empty IN set) */
        public boolean matchesNothing() {
            return nothing;
        }

        /** @return {@code " WHERE …"} or an empty string */
        public String sql() {
            return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
        }

        /** @return a copy */
        public Where copy() {
            Where w = new Where();
            w.parts.addAll(parts);
            w.params.addAll(params);
            w.nothing = nothing;
            return w;
        }

        /**
         * A statement of this condition's parameters plus trailing ones.
         *
         * @param sql the full SQL
         * @param more parameters after this condition's
         * @return the statement
         */
        public Stmt statement(String sql, Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(List.of(more));
            return new Stmt(sql, all);
        }

        /**
         * Binds the parameters from index 1.
         *
         * @param ps the statement
         * @return the next free index
         * @throws SQLException on failure
         */
        public int bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object p : params) {
                Sql.bind(ps, i++, p, Types.VARCHAR);
            }
            return i;
        }
    }

    /**
     * SQL text and its parameters.
     *
     * @param sql the SQL with {@code ?} placeholders
     * @param params the parameters in order
     */
    public record Stmt(String sql, List<Object> params) {
        /** Copies the parameters. */
        public Stmt {
            params = List.copyOf(params);
        }

        /**
         * Binds the parameters from index 1.
         *
         * @param ps the statement
         * @throws SQLException on failure
         */
        public void bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object p : params) {
                Sql.bind(ps, i++, p, Types.VARCHAR);
            }
        }
    }

    /**
     * An opaque page token for the sort key of the last row of a page.
     *
     * @param keys the sort key values as text (ids are printable, so a line break separates them)
     * @return the token
     */
    public static String token(String... keys) {
        String plain = TOKEN_PREFIX + "\n" + String.join("\n", keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a page token.
     *
     * @param token the token, if any
     * @param parts how many key values it must hold
     * @return the key values, empty for the first page
     * @throws IllegalArgumentException if the token was not made by {@link #token} with that many values
     */
    public static Optional<String[]> untoken(Optional<String> token, int parts) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            String[] all = plain.split("\n", -1);
            if (all.length == parts + 1 && all[0].equals(TOKEN_PREFIX)) {
                String[] out = new String[parts];
                System.arraycopy(all, 1, out, 0, parts);
                return Optional.of(out);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("page token [" + token.get()
                + "] was not issued by this query on a JDBC storage; pass the token of the previous page unchanged");
    }
}
