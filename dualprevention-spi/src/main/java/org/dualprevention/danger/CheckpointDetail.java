package org.dualprevention.danger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The detailed form of a {@link Checkpoint} (锚点明细), kept by the host beside the printed checkpoint: its leaves,
 * one per hidden danger covered (id, sequence and hash of its last audit entry at or before {@code asOf}). With it,
 * verifying a store (core's {@code Checkpoints.verify(storage, detail, keys)}) says which hidden danger was rolled
 * back, deleted or rewritten, not only that something changed. The leaves give the checkpoint's root (core checks
 * that before using them), so a detail kept in an untrusted place is checked against the small printed checkpoint:
 * compare {@link #checkpoint()} with the printed one.
 *
 * <h2>Text form, version 1</h2>
 * UTF-8 lines ending in {@code \n}:
 * <pre>
 * dualprevention-checkpoint-detail/1
 * dualprevention-checkpoint/1 asOf=2026-03-31T16:00:00Z count=2 root=&lt;64 hex&gt;
 * 3 &lt;64 hex head hash&gt; HD-2026-0001
 * 12 &lt;64 hex head hash&gt; HD-2026-0002
 * </pre>
 * One leaf per line after the printed checkpoint: the sequence, the head hash and the id, separated by one space,
 * in ascending id order. In the id, {@code %}, every character up to U+0020, U+007F, U+0085, U+2028 and U+2029
 * are written as {@code %XX} per UTF-8 byte. It takes about 80 bytes per hidden danger plus its id (about 1 MB
 * for 10,000).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param checkpoint the checkpoint the leaves give
 * @param leaves one per hidden danger covered, in ascending id order
 * @since 0.2
 */
public record CheckpointDetail(Checkpoint checkpoint, List<Leaf> leaves) {
    /** The first line of the text form. */
    public static final String HEADER = "dualprevention-checkpoint-detail/1";

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * One hidden danger as the checkpoint covers it.
     *
     * @param dangerId the hidden danger
     * @param sequence the sequence of its last entry at or before the checkpoint's instant, at least 1
     * @param head that entry's hash, 64 lower-case hex digits
     * @since 0.2
     */
    public record Leaf(HiddenDangerId dangerId, long sequence, String head) {
        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException naming the bad component and what is allowed
         */
        public Leaf {
            Objects.requireNonNull(dangerId, "dangerId");
            Objects.requireNonNull(head, "head");
            if (sequence < 1) {
                throw new IllegalArgumentException("leaf of [" + dangerId + "] sequence [" + sequence
                        + "]; allowed: 1 or more");
            }
            if (!HEX.matcher(head).matches()) {
                throw new IllegalArgumentException("leaf of [" + dangerId + "] head [" + head
                        + "]; allowed: 64 lower-case hex digits");
            }
        }
    }

    /**
     * Checks and copies the components (the root is checked by core, which defines it).
     *
     * @throws IllegalArgumentException if the leaves are not as many as the checkpoint counts, not in ascending id
     *     order, or name a hidden danger twice
     */
    public CheckpointDetail {
        Objects.requireNonNull(checkpoint, "checkpoint");
        leaves = List.copyOf(leaves);
        if (leaves.size() != checkpoint.count()) {
            throw new IllegalArgumentException("checkpoint detail with [" + leaves.size() + "] leaves for a checkpoint"
                    + " of [" + checkpoint.count() + "]; allowed: one leaf per hidden danger covered");
        }
        for (int i = 1; i < leaves.size(); i++) {
            if (leaves.get(i - 1).dangerId().compareTo(leaves.get(i).dangerId()) >= 0) {
                throw new IllegalArgumentException("checkpoint detail leaf [" + i + "] id [" + leaves.get(i).dangerId()
                        + "] after [" + leaves.get(i - 1).dangerId() + "]; allowed: ascending ids, each once");
            }
        }
    }

    /**
     * Writes the text form.
     *
     * @param out where to write; not closed
     * @throws UncheckedIOException if it cannot be written
     */
    public void write(Writer out) {
        Objects.requireNonNull(out, "out");
        try {
            out.write(HEADER + "\n" + checkpoint + "\n");
            for (Leaf l : leaves) {
                out.write(l.sequence() + " " + l.head() + " " + escape(l.dangerId().value()) + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the checkpoint detail", e);
        }
    }

    /**
     * Reads the text form.
     *
     * @param in the text; not closed
     * @return the detail
     * @throws IllegalArgumentException naming the line that cannot be read and the form expected
     * @throws UncheckedIOException if it cannot be read
     */
    public static CheckpointDetail read(Reader in) {
        Objects.requireNonNull(in, "in");
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            String header = r.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException("checkpoint detail line 1 [" + header + "]; allowed: " + HEADER);
            }
            String printed = r.readLine();
            if (printed == null) {
                throw new IllegalArgumentException("checkpoint detail line 2 is missing; allowed: the printed"
                        + " checkpoint");
            }
            Checkpoint cp = Checkpoint.parse(printed);
            List<Leaf> leaves = new ArrayList<>();
            Set<HiddenDangerId> seen = new HashSet<>();
            long lineNo = 2;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String[] parts = line.split(" ", 3);
                try {
                    if (parts.length != 3) {
                        throw new IllegalArgumentException("three fields expected");
                    }
                    HiddenDangerId id = HiddenDangerId.of(unescape(parts[2]));
                    if (!seen.add(id)) {
                        throw new IllegalArgumentException("hidden danger [" + id + "] named twice");
                    }
                    leaves.add(new Leaf(id, Long.parseLong(parts[0]), parts[1]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("checkpoint detail line " + lineNo + " [" + line
                            + "]; allowed: <sequence> <64 hex head hash> <id, %XX-escaped>: " + e.getMessage(), e);
                }
            }
            return new CheckpointDetail(cp, leaves);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint detail", e);
        }
    }

    /** A short form: the printed checkpoint and how many leaves; the text form is {@link #write}. */
    @Override
    public String toString() {
        return "CheckpointDetail[" + checkpoint + ", " + leaves.size() + " leaves]";
    }

    private static boolean escaped(int c) {
        return c == '%' || c <= 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    static String escape(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (escaped(c)) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String unescape(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("a % not followed by two hex digits");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    b = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
