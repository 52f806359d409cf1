package org.dualprevention.json.support;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's stream as a writer closes it: closing this flushes the caller's stream and leaves it open,
 * so a JSON generator or a POI workbook that closes what it writes to does not close the stream the
 * library's caller owns. The one copy for the JSON documents and the Excel workbooks.
 *
 * @since 0.1
 */
public final class NonClosingOutputStream extends FilterOutputStream {
    /**
     * Wraps a stream.
     *
     * @param out the caller's stream; written through, flushed on close, never closed
     */
    public NonClosingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    /** Flushes the caller's stream and leaves it open. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
