package org.dualprevention.json.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** Closing the wrapper flushes the caller's stream and leaves it open; bytes pass through unchanged. */
class NonClosingOutputStreamTest {
    @Test
    void closeFlushesAndLeavesTheStreamOpen() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] flushes = {0};
        boolean[] closed = {false};
        OutputStream caller = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void flush() {
                flushes[0]++;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (OutputStream out = new NonClosingOutputStream(caller)) {
            out.write(new byte[] {9, 1, 2, 3, 9}, 1, 3);
            out.write(4);
        }
        assertFalse(closed[0], "the caller's stream was closed");
        assertEquals(1, flushes[0]);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, bytes.toByteArray());
    }
}
