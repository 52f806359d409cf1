package org.dualprevention;

/**
 * The access policy refused an actor an action on a record. Nothing was changed.
 *
 * @since 0.1
 */
public class AccessDeniedException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    private final String actor;
    private final String action;
    private final String target;

    /**
     * Creates the exception.
     *
     * @param actor who tried
     * @param action what was tried (an action code)
     * @param target the record's id
     * @param reason why the policy refused
     */
    public AccessDeniedException(String actor, String action, String target, String reason) {
        super("Actor [" + actor + "] may not " + action + " [" + target + "]: " + reason);
        this.actor = actor;
        this.action = action;
        this.target = target;
    }

    /** @return who tried */
    public String actor() {
        return actor;
    }

    /** @return the action code tried */
    public String action() {
        return action;
    }

    /** @return the target record's id */
    public String target() {
        return target;
    }
}
