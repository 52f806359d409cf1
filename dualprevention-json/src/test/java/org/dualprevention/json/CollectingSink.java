package org.dualprevention.json;

import java.util.ArrayList;
import java.util.List;

/** Records what an import delivers. */
final class CollectingSink<H, T> implements DocumentSink<H, T> {
    H header;
    final List<T> items = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    ImportReport report;
    int calls;

    @Override
    public void begin(H h) {
        calls++;
        if (header != null) {
            throw new AssertionError("begin called twice");
        }
        header = h;
    }

    @Override
    public void accept(List<T> batch) {
        calls++;
        if (header == null) {
            throw new AssertionError("accept before begin");
        }
        batchSizes.add(batch.size());
        items.addAll(batch);
    }

    @Override
    public void end(ImportReport r) {
        calls++;
        report = r;
    }

    boolean receivedNothing() {
        return calls == 0;
    }
}
