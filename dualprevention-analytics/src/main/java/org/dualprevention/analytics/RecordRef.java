package org.dualprevention.analytics;

import static org.dualprevention.analytics.Checks.checkArgument;

import java.util.Objects;

/**
 * A reference to a record behind a warning, or to its subject: a kind and the host's key.
 *
 * <p>Kinds used: {@value #HIDDEN_DANGER}, {@value #INSPECTION_TASK}, {@value #RISK_POINT},
 * {@value #CONTROL_MEASURE}, {@value #ORG_UNIT}, {@value #MAP_ZONE}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param kind what kind of record
 * @param id its key
 * @since 0.1
 */
public record RecordRef(String kind, String id) {
    /** Kind of a hidden danger. */
    public static final String HIDDEN_DANGER = "hidden-danger";
    /** Kind of an inspection task. */
    public static final String INSPECTION_TASK = "inspection-task";
    /** Kind of a risk point. */
    public static final String RISK_POINT = "risk-point";
    /** Kind of a control measure. */
    public static final String CONTROL_MEASURE = "control-measure";
    /** Kind of an organisation unit. */
    public static final String ORG_UNIT = "org-unit";
    /** Kind of a map zone. */
    public static final String MAP_ZONE = "map-zone";

    /** Validates the components. */
    public RecordRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        checkArgument(!kind.isBlank() && !id.isBlank(), "RecordRef kind [%s] and id [%s] must not be blank", kind, id);
    }

    /**
     * A reference.
     *
     * @param kind the kind
     * @param id the key
     * @return the reference
     */
    public static RecordRef of(String kind, String id) {
        return new RecordRef(kind, id);
    }

    /** Renders as {@code kind:id}. */
    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
