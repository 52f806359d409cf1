package org.dualprevention.engine.closedloop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dualprevention.danger.HiddenDangerAction;

/**
 * The list of action definitions, one per {@link HiddenDangerAction}: the only place that names them. The
 * engine dispatches through {@link #of(HiddenDangerAction)}. Not part of the API.
 */
final class ClosedLoopActions {
    private static final Map<HiddenDangerAction, ActionDefinition<?>> BY_ACTION = index(List.of(new ReportAction(),
            new VerifyAction(), new WithdrawAction(), new RectifyOnSpotAction(), new PlanAction(), new StartAction(),
            new ExtendDeadlineAction(), new SubmitAction(), new AcceptAction(), new RejectAction()));
    private static final List<ActionDefinition<?>> ALL = List.copyOf(BY_ACTION.values());
    private static final ActionDefinition<?> CREATING = creating(ALL);

    private ClosedLoopActions() {
    }

    private static Map<HiddenDangerAction, ActionDefinition<?>> index(List<ActionDefinition<?>> definitions) {
        Map<HiddenDangerAction, ActionDefinition<?>> out = new EnumMap<>(HiddenDangerAction.class);
        for (ActionDefinition<?> d : definitions) {
            if (out.put(d.action(), d) != null) {
                throw new IllegalStateException("two definitions of " + d.action());
            }
        }
        List<HiddenDangerAction> missing = new ArrayList<>();
        for (HiddenDangerAction a : HiddenDangerAction.values()) {
            if (!out.containsKey(a)) {
                missing.add(a);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no definition of " + missing);
        }
        return Collections.unmodifiableMap(out);
    }

    private static ActionDefinition<?> creating(List<ActionDefinition<?>> all) {
        List<ActionDefinition<?>> found = all.stream().filter(ActionDefinition::creates).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("exactly one action must create a hidden danger, found " + found);
        }
        return found.get(0);
    }

    /**
     * The definition of an action.
     *
     * @param action the action
     * @return its definition
     */
    static ActionDefinition<?> of(HiddenDangerAction action) {
        return Objects.requireNonNull(BY_ACTION.get(Objects.requireNonNull(action, "action")), "definition");
    }

    /** @return every definition, in the order of {@link HiddenDangerAction} */
    static List<ActionDefinition<?>> all() {
        return ALL;
    }

    /** @return the definition of the one action that creates a hidden danger */
    static ActionDefinition<?> creating() {
        return CREATING;
    }
}
