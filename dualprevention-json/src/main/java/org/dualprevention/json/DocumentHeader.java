package org.dualprevention.json;

import java.util.Objects;

/**
 * The header of a document whose only content is its items (the hidden-danger ledger, the audit log).
 *
 * @param format the format name
 * @param sourceVersion the version the document was written in
 * @since 0.1
 */
public record DocumentHeader(String format, int sourceVersion) {
    /** Validates the components. */
    public DocumentHeader {
        Objects.requireNonNull(format, "format");
    }
}
