package org.dualprevention;

import org.jspecify.annotations.Nullable;

/**
 * A plug-in (assessment method or grading scheme) failed with an exception of its own; the cause is
 * that exception. Exceptions of this library thrown by a plug-in pass through unwrapped.
 *
 * @since 0.1
 */
public class AssessmentFailedException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which plug-in failed on what
     * @param cause the plug-in's exception
     */
    public AssessmentFailedException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
