package org.dualprevention.engine.hazmat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.dualprevention.ValidationException;
import org.dualprevention.hazmat.AlphaBand;
import org.dualprevention.hazmat.CriticalQuantityTable;
import org.dualprevention.hazmat.SubstanceRef;
import org.dualprevention.hazmat.TableEntry;
import org.jspecify.annotations.Nullable;

/**
 * The shipped table of critical quantities and correction factors, and the reader of the text form a host
 * can use for its own (DOMAIN.md §11).
 *
 * <p>The shipped table, {@link #gb18218_2018()}, is the resource {@code gb18218-2018.tsv} beside this
 * class: one row per line, fields separated by a tab, {@code #} starting a comment:
 * <pre>
 * edition   GB 18218-2018
 * source    GB 18218-2018 …; 国家安全监管总局令第40号 附件1
 * named     methanol  甲醇  methanol  67-56-1  500  1  &lt;source of Q&gt;  &lt;source of β&gt;
 * category  W5.3  不属于W5.1或W5.2的易燃液体 类别2  …  -  1000  1  &lt;source of Q&gt;  &lt;source of β&gt;
 * alpha     30  49  1.2  &lt;source&gt;
 * </pre>
 * Each value's source says how certain it is ([C] confirmed, [P] as public summaries report it, [U]
 * recalled, to verify against the standard's text), as DOMAIN.md marks them.
 *
 * @since 0.2
 */
public final class CriticalQuantityTables {
    private static final String RESOURCE = "gb18218-2018.tsv";
    private static final CriticalQuantityTable GB_18218_2018 = load();

    private CriticalQuantityTables() {
    }

    /**
     * GB 18218-2018 with the grading factors of 安监总局令第40号, as shipped.
     *
     * @return the table
     */
    public static CriticalQuantityTable gb18218_2018() {
        return GB_18218_2018;
    }

    private static CriticalQuantityTable load() {
        try (InputStream in = CriticalQuantityTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the core jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a table in the text form above.
     *
     * @param text the text; not closed
     * @return the table
     * @throws ValidationException naming the line, the field and the bad value of every bad row
     */
    public static CriticalQuantityTable read(Reader text) {
        Objects.requireNonNull(text, "text");
        ValidationException.Collector v = new ValidationException.Collector("critical quantity table");
        String edition = null;
        String source = null;
        List<TableEntry> rows = new ArrayList<>();
        List<AlphaBand> bands = new ArrayList<>();
        BufferedReader r = new BufferedReader(text);
        int lineNo = 0;
        try {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String at = "line " + lineNo;
                switch (f[0]) {
                    case "edition" -> edition = field(f, 1, at, v);
                    case "source" -> source = field(f, 1, at, v);
                    case "named", "category" -> {
                        if (f.length != 9) {
                            v.add(at, line, "9 tab-separated fields: " + f[0]
                                    + " key nameZh nameEn cas Q beta sourceOfQ sourceOfBeta");
                            continue;
                        }
                        BigDecimal q = positive(f[5], at + ".Q", v);
                        BigDecimal beta = positive(f[6], at + ".beta", v);
                        if (q != null && beta != null) {
                            SubstanceRef ref = new SubstanceRef(SubstanceRef.Basis.ofCode(f[0]), f[1]);
                            rows.add(new TableEntry(ref, f[2], f[3], "-".equals(f[4]) ? "" : f[4], q, beta, f[7],
                                    f[8]));
                        }
                    }
                    case "alpha" -> {
                        if (f.length != 5) {
                            v.add(at, line, "5 tab-separated fields: alpha minPeople maxPeople|- alpha source");
                            continue;
                        }
                        BigDecimal alpha = positive(f[3], at + ".alpha", v);
                        try {
                            int min = Integer.parseInt(f[1]);
                            OptionalInt max = "-".equals(f[2]) ? OptionalInt.empty()
                                    : OptionalInt.of(Integer.parseInt(f[2]));
                            if (alpha != null) {
                                bands.add(new AlphaBand(min, max, alpha, f[4]));
                            }
                        } catch (NumberFormatException e) {
                            v.add(at + ".people", f[1] + " " + f[2], "whole numbers of people, '-' for no upper bound");
                        }
                    }
                    default -> v.add(at + ".type", f[0], "edition, source, named, category or alpha");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        v.addIf(edition == null, "edition", null, "one line 'edition<TAB>…'");
        v.addIf(source == null, "source", null, "one line 'source<TAB>…'");
        v.throwIfAny();
        return CriticalQuantityTable.of(Objects.requireNonNull(edition), Objects.requireNonNull(source), rows, bands);
    }

    private static @Nullable String field(String[] f, int i, String at, ValidationException.Collector v) {
        if (f.length <= i || f[i].isBlank()) {
            v.add(at, String.join("\t", f), "a non-blank value after the tab");
            return null;
        }
        return f[i];
    }

    private static @Nullable BigDecimal positive(String s, String at, ValidationException.Collector v) {
        try {
            BigDecimal d = new BigDecimal(s);
            if (d.signum() > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add(at, s, "a decimal number greater than 0");
        return null;
    }
}
