package org.dualprevention.json;

import java.util.List;

/**
 * Receives an imported document: the header once, then the items in batches, then the report. Called
 * only after the whole document was validated, so an invalid document never reaches a sink. A sink that
 * writes to storage should do so inside the host's transaction, so that a failure of its own (for example
 * a full disk) can be rolled back too.
 *
 * @param <H> the header type, e.g. {@link RegisterHeader}
 * @param <T> the item type, e.g. {@code RiskPoint}
 * @since 0.1
 */
public interface DocumentSink<H, T> {
    /**
     * Called once, before any batch.
     *
     * @param header the document header
     */
    void begin(H header);

    /**
     * Called for each batch, in document order.
     *
     * @param batch an immutable, non-empty list of at most {@link ImportOptions#batchSize()} items
     */
    void accept(List<T> batch);

    /**
     * Called once after the last batch.
     *
     * @param report what was imported and any warnings
     */
    default void end(ImportReport report) {
    }
}
