package org.dualprevention.method;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dualprevention.risk.AssessmentInput;

/** Test helpers: the published scales written out independently of the main code, and CSV reading. */
final class TestData {
    static final String[] LEC_L = {"10", "6", "3", "1", "0.5", "0.2", "0.1"};
    static final String[] LEC_E = {"10", "6", "3", "2", "1", "0.5"};
    static final String[] LEC_C = {"100", "40", "15", "7", "3", "1"};
    static final String[] MES_M = {"1", "3", "5"};
    static final String[] MES_E = {"0.5", "1", "2", "3", "6", "10"};
    static final String[] MES_S = {"1", "2", "4", "8", "10"};

    private TestData() {
    }

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    static AssessmentInput input(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return AssessmentInput.ofText(m);
    }

    /** Reads a CSV resource with a header row; handles double-quoted fields containing commas. */
    static List<Map<String, String>> csv(String resource) {
        InputStream in = TestData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = split(r.readLine());
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = split(line);
                if (cells.size() != header.size()) {
                    throw new IllegalStateException("bad CSV line in " + resource + ": " + line);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
