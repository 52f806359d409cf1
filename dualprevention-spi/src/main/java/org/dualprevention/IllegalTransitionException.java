package org.dualprevention;

import java.util.List;
import java.util.Objects;

/**
 * A command's action is not allowed in the record's current state. Nothing was changed.
 *
 * <p>The message reads {@code Hidden danger [HD-2024-0012] cannot ACCEPT in state RECTIFYING; allowed now: [SUBMIT]}.
 * The fields carry the same facts as constant names, so a host can localise them.
 *
 * @since 0.1
 */
public class IllegalTransitionException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    private final String aggregateId;
    private final String state;
    private final String action;
    private final List<String> allowedActions;

    /**
     * Creates the exception.
     *
     * @param kind what the record is, e.g. {@code "Hidden danger"}
     * @param aggregateId the record's id
     * @param state the current state's constant name, e.g. {@code RECTIFYING}
     * @param action the action tried, e.g. {@code ACCEPT}
     * @param allowedActions the actions the state allows, in table order
     */
    public IllegalTransitionException(String kind, String aggregateId, String state, String action,
            List<String> allowedActions) {
        super(Objects.requireNonNull(kind, "kind") + " [" + aggregateId + "] cannot " + action + " in state " + state
                + "; allowed now: " + allowedActions);
        this.aggregateId = Objects.requireNonNull(aggregateId, "aggregateId");
        this.state = Objects.requireNonNull(state, "state");
        this.action = Objects.requireNonNull(action, "action");
        this.allowedActions = List.copyOf(allowedActions);
    }

    /** @return the record's id */
    public String aggregateId() {
        return aggregateId;
    }

    /** @return the current state's constant name */
    public String state() {
        return state;
    }

    /** @return the action tried (constant name) */
    public String action() {
        return action;
    }

    /** @return the actions the current state allows (constant names), possibly empty */
    public List<String> allowedActions() {
        return allowedActions;
    }
}
