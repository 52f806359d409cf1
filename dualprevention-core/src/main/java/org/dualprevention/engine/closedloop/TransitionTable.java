package org.dualprevention.engine.closedloop;

import static org.dualprevention.danger.HiddenDangerAction.ACCEPT;
import static org.dualprevention.danger.HiddenDangerAction.EXTEND_DEADLINE;
import static org.dualprevention.danger.HiddenDangerAction.PLAN;
import static org.dualprevention.danger.HiddenDangerAction.RECTIFY_ON_SPOT;
import static org.dualprevention.danger.HiddenDangerAction.REJECT;
import static org.dualprevention.danger.HiddenDangerAction.REPORT;
import static org.dualprevention.danger.HiddenDangerAction.START;
import static org.dualprevention.danger.HiddenDangerAction.SUBMIT;
import static org.dualprevention.danger.HiddenDangerAction.VERIFY;
import static org.dualprevention.danger.HiddenDangerAction.WITHDRAW;
import static org.dualprevention.danger.HiddenDangerState.AWAITING_ACCEPTANCE;
import static org.dualprevention.danger.HiddenDangerState.CLOSED;
import static org.dualprevention.danger.HiddenDangerState.PLANNED;
import static org.dualprevention.danger.HiddenDangerState.RECTIFYING;
import static org.dualprevention.danger.HiddenDangerState.REPORTED;
import static org.dualprevention.danger.HiddenDangerState.VERIFIED;
import static org.dualprevention.danger.HiddenDangerState.WITHDRAWN;

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
 * The closed loop of a hidden danger as data: for each {@link HiddenDangerAction}, the states it is
 * allowed in, the state it leads to and its guards in words. This is the one place the loop is defined;
 * {@link ClosedLoop#apply} consults it before any guard, and the README's diagram is generated from
 * {@link #toMermaid()}.
 *
 * <table>
 * <caption>The transitions</caption>
 * <tr><th>Action</th><th>From</th><th>To</th></tr>
 * <tr><td>REPORT</td><td>(new)</td><td>REPORTED</td></tr>
 * <tr><td>VERIFY</td><td>REPORTED</td><td>VERIFIED</td></tr>
 * <tr><td>WITHDRAW</td><td>REPORTED, VERIFIED</td><td>WITHDRAWN</td></tr>
 * <tr><td>RECTIFY_ON_SPOT</td><td>REPORTED, VERIFIED (general only)</td><td>AWAITING_ACCEPTANCE</td></tr>
 * <tr><td>PLAN</td><td>VERIFIED</td><td>PLANNED</td></tr>
 * <tr><td>START</td><td>PLANNED</td><td>RECTIFYING</td></tr>
 * <tr><td>EXTEND_DEADLINE</td><td>PLANNED, RECTIFYING</td><td>(unchanged)</td></tr>
 * <tr><td>SUBMIT</td><td>RECTIFYING</td><td>AWAITING_ACCEPTANCE</td></tr>
 * <tr><td>ACCEPT</td><td>AWAITING_ACCEPTANCE</td><td>CLOSED</td></tr>
 * <tr><td>REJECT</td><td>AWAITING_ACCEPTANCE</td><td>RECTIFYING</td></tr>
 * </table>
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
     * @param from the states it is allowed in; empty for {@link HiddenDangerAction#REPORT}, which creates
     * @param to the state it leads to; empty when the state does not change
     * @param guards the guards in words, for documentation
     * @since 0.1
     */
    public record Row(HiddenDangerAction action, Set<HiddenDangerState> from, Optional<HiddenDangerState> to,
            String guards) {
        /** Validates and copies the components. */
        public Row {
            Objects.requireNonNull(action, "action");
            from = from.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(from));
            Objects.requireNonNull(to, "to");
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

    private static final List<Row> ROWS = List.of(
            new Row(REPORT, Set.of(), Optional.of(REPORTED),
                    "title not blank; foundOn not after today; hazard only with riskPoint, failedMeasure only with hazard;"
                            + " inspection reference iff source INSPECTION; evidence URIs absolute"),
            new Row(VERIFY, Set.of(REPORTED), Optional.of(VERIFIED),
                    "grade given; a MAJOR one needs the authority report (status and cause, harm and difficulty,"
                            + " treatment plan)"),
            new Row(WITHDRAW, Set.of(REPORTED, VERIFIED), Optional.of(WITHDRAWN), "reason not blank"),
            new Row(RECTIFY_ON_SPOT, Set.of(REPORTED, VERIFIED), Optional.of(AWAITING_ACCEPTANCE),
                    "not graded MAJOR (grades it GENERAL); description not blank; evidence given;"
                            + " completedOn between the day found and today"),
            new Row(PLAN, Set.of(VERIFIED), Optional.of(PLANNED),
                    "five implementations: responsible, measures, funds (not negative, ISO 4217 currency),"
                            + " deadline not before today, contingency plan; a MAJOR one also the six-element scheme"),
            new Row(START, Set.of(PLANNED), Optional.of(RECTIFYING), "none"),
            new Row(EXTEND_DEADLINE, Set.of(PLANNED, RECTIFYING), Optional.empty(),
                    "a deadline in force; new deadline after it; reason not blank;"
                            + " approver is not the requester (separation of duties)"),
            new Row(SUBMIT, Set.of(RECTIFYING), Optional.of(AWAITING_ACCEPTANCE),
                    "description not blank; evidence given; completedOn between the day found and today"),
            new Row(ACCEPT, Set.of(AWAITING_ACCEPTANCE), Optional.of(CLOSED),
                    "acceptor is no rectifier, submitter or responsible person (separation of duties)"),
            new Row(REJECT, Set.of(AWAITING_ACCEPTANCE), Optional.of(RECTIFYING), "reason not blank"));

    private static final Map<HiddenDangerAction, Row> BY_ACTION;
    private static final Map<HiddenDangerState, List<HiddenDangerAction>> ALLOWED;

    static {
        Map<HiddenDangerAction, Row> byAction = new EnumMap<>(HiddenDangerAction.class);
        for (Row r : ROWS) {
            if (byAction.put(r.action(), r) != null) {
                throw new IllegalStateException("two rows for " + r.action());
            }
        }
        if (byAction.size() != HiddenDangerAction.values().length) {
            throw new IllegalStateException("every action needs a row");
        }
        BY_ACTION = Collections.unmodifiableMap(byAction);
        Map<HiddenDangerState, List<HiddenDangerAction>> allowed = new EnumMap<>(HiddenDangerState.class);
        for (HiddenDangerState s : HiddenDangerState.values()) {
            List<HiddenDangerAction> list = new ArrayList<>();
            for (HiddenDangerAction a : HiddenDangerAction.values()) {
                if (byAction.get(a).from().contains(s)) {
                    list.add(a);
                }
            }
            allowed.put(s, List.copyOf(list));
        }
        ALLOWED = Collections.unmodifiableMap(allowed);
    }

    private TransitionTable() {
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
        return BY_ACTION.get(Objects.requireNonNull(action, "action"));
    }

    /**
     * The actions allowed in a state, in the order of {@link HiddenDangerAction}; empty for a terminal state.
     * Guards may still refuse one of them for the data given.
     *
     * @param state the state
     * @return the actions
     */
    public static List<HiddenDangerAction> allowedIn(HiddenDangerState state) {
        return ALLOWED.get(Objects.requireNonNull(state, "state"));
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
}
