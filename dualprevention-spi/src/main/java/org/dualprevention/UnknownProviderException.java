package org.dualprevention;

import java.util.List;

/**
 * A provider (assessment method, grading scheme, …) was asked for by an id nobody registered.
 *
 * @since 0.1
 */
public class UnknownProviderException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String requestedId;
    private final List<String> availableIds;

    /**
     * Creates the exception.
     *
     * @param kind the provider kind, e.g. {@code "AssessmentMethod"}
     * @param requestedId the id asked for
     * @param availableIds the ids that exist
     * @param hint what to do, appended to the message
     */
    public UnknownProviderException(String kind, String requestedId, List<String> availableIds, String hint) {
        super("No " + kind + " with id [" + requestedId + "]; available: " + availableIds + ". " + hint);
        this.kind = kind;
        this.requestedId = requestedId;
        this.availableIds = List.copyOf(availableIds);
    }

    /** @return the provider kind, e.g. {@code "AssessmentMethod"} */
    public String kind() {
        return kind;
    }

    /** @return the id that was asked for */
    public String requestedId() {
        return requestedId;
    }

    /** @return the ids that are registered, sorted */
    public List<String> availableIds() {
        return availableIds;
    }
}
