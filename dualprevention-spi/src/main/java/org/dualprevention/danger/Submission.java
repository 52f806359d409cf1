package org.dualprevention.danger;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A rectification handed in for acceptance (提交验收), or done on the spot (立查立改): what was done, the
 * evidence and the day it was finished.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param description what was done
 * @param evidence evidence of the rectification (references only)
 * @param completedOn the day it was finished, in the organisation's zone
 * @since 0.1
 */
public record Submission(String description, List<URI> evidence, LocalDate completedOn) {
    /** Checks the components and copies the evidence. */
    public Submission {
        Objects.requireNonNull(description, "description");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(completedOn, "completedOn");
    }
}
