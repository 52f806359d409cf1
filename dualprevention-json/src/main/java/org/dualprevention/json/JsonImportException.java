package org.dualprevention.json;

import java.util.List;
import java.util.Objects;

import org.dualprevention.ValidationException;
import org.dualprevention.Violation;

/**
 * A JSON document or value could not be read: it is malformed, breaks a limit, has an unknown, missing,
 * duplicate or ill-typed field, a value the model does not allow, a dangling reference, a stored score
 * that disagrees with the recomputed one, or a newer {@code version} than this library reads.
 *
 * <p>This is the only exception type this module throws for bad input. Every {@link Violation} in
 * {@link #violations()} has a <a href="https://www.rfc-editor.org/rfc/rfc6901">JSON Pointer</a> as its
 * {@link Violation#path() path} (for example {@code /riskPoints/3/hazards/0/assessments/1/input/E}, or
 * {@code ""} for the whole document), the offending value rendered as JSON text (at most 80 characters,
 * {@code (missing)} when absent) and what is allowed. When thrown by a document import, nothing was
 * delivered to the sink. Malformed JSON, ill-formed UTF-8 and a breached {@link JsonLimits limit} end the
 * reading there (that problem is always listed, with the text at fault or the byte offset); every other
 * problem is collected, up to {@link ImportOptions#maxProblems()}, and a repeated id names its first place.
 *
 * @since 0.1
 */
public final class JsonImportException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final String format;

    JsonImportException(String format, List<Violation> violations) {
        super(Objects.requireNonNull(format, "format"), violations);
        this.format = format;
    }

    /**
     * The document format or value type being read, e.g. {@code dualprevention.register} or
     * {@code RiskPoint}.
     *
     * @return the format, never {@code null}
     */
    public String format() {
        return format;
    }
}
