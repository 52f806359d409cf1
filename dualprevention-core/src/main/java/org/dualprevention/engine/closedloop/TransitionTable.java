package org.dualprevention.engine.closedloop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerState;

/**
 * The closed loop of a hidden danger as a table: for each {@link HiddenDangerAction}, the states it is
 * allowed in, the state it leads to, who may take it and its guards in words. The rows are read from the
 * actions' definitions, where each action's guards, effect, events and audit encoding live as code; the
 * engine ({@link ClosedLoop#apply}) consults the same definitions, so this table cannot drift from what runs.
 * The README's diagram and table are {@link #toMermaid()} and {@link #toMarkdown()}, checked by a test.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class TransitionTable {

    /**
     * One row of the table.
     *
     * <p>This class is immutable and thread-safe and must be treated as a value type.
     *
     * @param action the action
     * @param from the states it is allowed in; empty for the action that creates a hidden danger (the report)
     * @param to the state it leads to; empty when the state does not change
     * @param access who may take it, as the default access policy reads it
     * @param guards the guards in words, for documentation
     * @since 0.1
     */
    public record Row(HiddenDangerAction action, Set<HiddenDangerState> from, Optional<HiddenDangerState> to,
            AccessClass access, String guards) {
        /** Validates and copies the components. */
        public Row {
            Objects.requireNonNull(action, "action");
            from = from.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(from));
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(guards, "guards");
        }

        /**
         * The state after this action from {@code state}.
         *
         * @param state a state in {@link #from()}
         * @return the target state
         */
        public HiddenDangerState target(HiddenDangerState state) {
            return to.orElse(state);
        }
    }

    private static final List<Row> ROWS = rows(ClosedLoopActions.all());
    private static final Map<HiddenDangerAction, Row> BY_ACTION = byAction(ROWS);
    private static final Map<HiddenDangerState, List<HiddenDangerAction>> ALLOWED = allowed(ROWS);

    private TransitionTable() {
    }

    private static List<Row> rows(List<ActionDefinition<?>> definitions) {
        List<Row> out = new ArrayList<>();
        for (ActionDefinition<?> d : definitions) {
            out.add(new Row(d.action(), d.from(), d.to(), d.access(), d.guardsInWords()));
        }
        return List.copyOf(out);
    }

    private static Map<HiddenDangerAction, Row> byAction(List<Row> rows) {
        Map<HiddenDangerAction, Row> out = new EnumMap<>(HiddenDangerAction.class);
        for (Row r : rows) {
            out.put(r.action(), r);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<HiddenDangerState, List<HiddenDangerAction>> allowed(List<Row> rows) {
        Map<HiddenDangerState, List<HiddenDangerAction>> out = new EnumMap<>(HiddenDangerState.class);
        for (HiddenDangerState s : HiddenDangerState.values()) {
            List<HiddenDangerAction> list = new ArrayList<>();
            for (Row r : rows) {
                if (r.from().contains(s)) {
                    list.add(r.action());
                }
            }
            out.put(s, List.copyOf(list));
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return every row, in the order of {@link HiddenDangerAction} */
    public static List<Row> rows() {
        return ROWS;
    }

    /**
     * The row of an action.
     *
     * @param action the action
     * @return its row
     */
    public static Row row(HiddenDangerAction action) {
        return Objects.requireNonNull(BY_ACTION.get(Objects.requireNonNull(action, "action")), "row");
    }

    /**
     * The actions allowed in a state, in the order of {@link HiddenDangerAction}; empty for a terminal state.
     * Guards may still refuse one of them for the data given.
     *
     * @param state the state
     * @return the actions
     */
    public static List<HiddenDangerAction> allowedIn(HiddenDangerState state) {
        return Objects.requireNonNull(ALLOWED.get(Objects.requireNonNull(state, "state")), "allowed");
    }

    /**
     * The state an action leads to from a state, or empty if the table does not allow it.
     *
     * @param state the current state
     * @param action the action
     * @return the next state, or empty
     */
    public static Optional<HiddenDangerState> target(HiddenDangerState state, HiddenDangerAction action) {
        Row r = row(action);
        return r.from().contains(Objects.requireNonNull(state, "state")) ? Optional.of(r.target(state))
                : Optional.empty();
    }

    /**
     * The table as a Mermaid {@code stateDiagram-v2}, one line per transition, in table order.
     *
     * @return the diagram source
     */
    public static String toMermaid() {
        StringBuilder sb = new StringBuilder("stateDiagram-v2\n");
        for (Row r : ROWS) {
            if (r.from().isEmpty()) {
                sb.append("    [*] --> ").append(r.to().orElseThrow()).append(" : ").append(r.action()).append('\n');
            }
            for (HiddenDangerState s : r.from()) {
                sb.append("    ").append(s).append(" --> ").append(r.target(s)).append(" : ").append(r.action())
                        .append('\n');
            }
        }
        for (HiddenDangerState s : HiddenDangerState.values()) {
            if (s.isTerminal()) {
                sb.append("    ").append(s).append(" --> [*]\n");
            }
        }
        return sb.toString();
    }

    /**
     * The table as a Markdown table: action, the states it is allowed in, the state it leads to, who may take
     * it under the default access policy, and its guards.
     *
     * @return the table, each line ending in a line feed
     */
    public static String toMarkdown() {
        StringBuilder sb = new StringBuilder("| action | from | to | who (default access policy) | guards (every"
                + " violation reported at once) |\n|---|---|---|---|---|\n");
        for (Row r : ROWS) {
            List<String> from = new ArrayList<>();
            r.from().forEach(s -> from.add(s.name()));
            sb.append("| ").append(r.action()).append(" | ").append(from.isEmpty() ? "(new)" : String.join(", ", from))
                    .append(" | ").append(r.to().map(Enum::name).orElse("(unchanged)")).append(" | ")
                    .append(r.access().describe()).append(" | ").append(r.guards()).append(" |\n");
        }
        return sb.toString();
    }
}
