package org.dualprevention.examples.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dualprevention.engine.Providers;
import org.dualprevention.engine.names.NameMatch;
import org.dualprevention.engine.names.RegisterNames;
import org.dualprevention.json.DocumentSink;
import org.dualprevention.json.DocumentSource;
import org.dualprevention.json.DualPreventionJson;
import org.dualprevention.json.ImportOptions;
import org.dualprevention.json.QuarantineReport;
import org.dualprevention.json.RegisterDocument;
import org.dualprevention.json.RegisterHeader;
import org.dualprevention.json.ScoringProviders;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.LecMethod;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.GradingScheme;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a LEC risk register kept as a CSV table, one hazard a row, into a register document and imports it
 * through {@link RegisterDocument#quarantine}: every valid post (岗位, one risk point) is imported, and every
 * refused one is listed with its table row in the {@link QuarantineReport}.
 *
 * <p>Columns, by their header (Chinese or English, any order): 岗位 / post, 危险因素类别 / factor class,
 * 事故类型 / accident types (several separated by 、 , ; or /), 原因 / cause, 控制措施 / measure (several
 * separated by ；or ;), L, E, C, D, 风险等级 / level. Names are resolved with {@link RegisterNames} (其它伤害 and
 * 中毒 are understood; 综合伤害 is ambiguous and refused with its candidates; an unknown name is refused with
 * the closest valid ones). The stated D and 风险等级 are the register's claim: an assessment whose recomputed
 * score or grade differs is imported recomputed and listed with both in the report.
 *
 * <p>The register is graded with the built-in scheme {@code LEC-V1}; every post becomes a risk point of kind
 * operation owned by the one unit of the enterprise; each measure is a management measure at post level.
 */
public final class CsvRegister {
    /** The columns, by their Chinese and English headers. */
    enum Column {
        POST("岗位", "post"), FACTOR_CLASS("危险因素类别", "factor class"), ACCIDENTS("事故类型", "accident types"),
        CAUSE("原因", "cause"), MEASURE("控制措施", "measure"), L("L", "L"), E("E", "E"), C("C", "C"), D("D", "D"),
        LEVEL("风险等级", "level");

        final String zh;
        final String en;

        Column(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /**
     * What the conversion and the import produced.
     *
     * @param document the register document the table was converted to
     * @param report every refused row and recomputed claim, each naming its table row
     */
    public record Result(byte[] document, QuarantineReport report) {
    }

    private static final JsonMapper MAPPER = DualPreventionJson.mapper();
    private static final String UNIT = "enterprise";

    private final String enterprise;
    private final RegisterNames names;
    private final Providers providers;
    private final ActorId assessor;
    private final Instant assessedAt;

    /**
     * A converter.
     *
     * @param enterprise the enterprise's name, its one unit
     * @param names the name lookup, e.g. {@link RegisterNames#standard()} or one extended with the host's aliases
     * @param providers the engine's methods and schemes (recomputation)
     * @param assessor who is recorded as the assessor of every assessment
     * @param assessedAt when the register's assessments were made
     */
    public CsvRegister(String enterprise, RegisterNames names, Providers providers, ActorId assessor, Instant assessedAt) {
        this.enterprise = Objects.requireNonNull(enterprise, "enterprise");
        this.names = Objects.requireNonNull(names, "names");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.assessor = Objects.requireNonNull(assessor, "assessor");
        this.assessedAt = Objects.requireNonNull(assessedAt, "assessedAt");
    }

    /**
     * Converts the sample register {@code lec-register.csv} (or the CSV file given as the first argument) and
     * writes its quarantine report as {@code quarantine.json} and {@code quarantine.csv} into the directory given
     * as the second argument (default {@code target}).
     *
     * @param args optional CSV path and output directory
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Providers providers = org.dualprevention.engine.DualPrevention.builder()
                .storage(org.dualprevention.storage.memory.InMemoryStorage.create()).build().providers();
        CsvRegister converter = new CsvRegister("华东化工厂", RegisterNames.standard(), providers, ActorId.of("安全科"),
                Instant.parse("2026-03-01T00:00:00Z"));
        java.nio.file.Path out = java.nio.file.Path.of(args.length > 1 ? args[1] : "target");
        java.nio.file.Files.createDirectories(out);
        Result result;
        try (Reader in = args.length > 0
                ? java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(args[0]), java.nio.charset.StandardCharsets.UTF_8)
                : new java.io.InputStreamReader(Objects.requireNonNull(CsvRegister.class.getResourceAsStream("lec-register.csv")),
                        java.nio.charset.StandardCharsets.UTF_8)) {
            result = converter.importCsv(in, args.length > 0 ? args[0] : "lec-register.csv",
                    new DocumentSink<RegisterHeader, RiskPoint>() {
                        @Override
                        public void begin(RegisterHeader header) {
                        }

                        @Override
                        public void accept(List<RiskPoint> batch) {
                        }
                    });
        }
        try (java.io.OutputStream json = java.nio.file.Files.newOutputStream(out.resolve("quarantine.json"));
                java.io.Writer csv = java.nio.file.Files.newBufferedWriter(out.resolve("quarantine.csv"),
                        java.nio.charset.StandardCharsets.UTF_8)) {
            result.report().writeJson(json);
            result.report().writeCsv(csv);
        }
        QuarantineReport r = result.report();
        System.out.println("read " + r.itemsRead() + " posts: imported " + r.imported() + ", refused " + r.refusedItems()
                + " (" + r.refused().size() + " problems), recomputed " + r.recomputed().size() + " claims; report in " + out);
    }

    /**
     * Converts and imports a table.
     *
     * @param csv the table, UTF-8 text with a header row
     * @param sourceName the table's name in the report, e.g. {@code register.csv}
     * @param sink receives the valid risk points
     * @return the document and the report
     * @throws IllegalArgumentException if a column is missing (nothing is imported)
     */
    public Result importCsv(Reader csv, String sourceName, DocumentSink<RegisterHeader, RiskPoint> sink) {
        List<List<String>> rows = Csv.read(csv);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the table " + sourceName + " is empty; allowed: a header row and data rows");
        }
        Map<Column, Integer> at = header(rows.get(0), sourceName);
        Map<String, String> rowOf = new LinkedHashMap<>();
        Map<String, String> betterAllowed = new LinkedHashMap<>();
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", RegisterDocument.FORMAT);
        doc.put("version", RegisterDocument.CURRENT_VERSION);
        ObjectNode unit = doc.putObject("organization").putArray("units").addObject();
        unit.put("id", UNIT);
        unit.put("name", enterprise);
        unit.putObject("level").put("code", ControlLevel.COMPANY.code()).put("rank", ControlLevel.COMPANY.rank());
        GradingScheme scheme = providers.scheme(BuiltInSchemes.LEC_V1_ID);
        ObjectNode ref = doc.putArray("gradingSchemes").addObject();
        ref.put("id", scheme.id().value());
        ref.put("method", scheme.method().value());
        ref.put("name", scheme.name());
        ref.put("source", scheme.source());
        ArrayNode points = doc.putArray("riskPoints");
        Map<String, ObjectNode> byPost = new LinkedHashMap<>();
        Map<String, List<Integer>> postRows = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = r + 1;
            String post = cell(row, at, Column.POST);
            ObjectNode rp = byPost.get(post);
            if (rp == null) {
                rp = points.addObject();
                rp.put("id", "RP-" + (byPost.size() + 1));
                rp.put("name", post);
                rp.put("kind", "operation");
                rp.put("owningUnit", UNIT);
                rp.put("version", 1);
                rp.putArray("hazards");
                byPost.put(post, rp);
                postRows.put(post, new ArrayList<>());
            }
            postRows.get(post).add(line);
            String rpPointer = "/riskPoints/" + new ArrayList<>(byPost.keySet()).indexOf(post);
            ArrayNode hazards = (ArrayNode) rp.get("hazards");
            String hp = rpPointer + "/hazards/" + hazards.size();
            rowOf.put(hp, sourceName + " 第 " + line + " 行");
            hazards.add(hazard(row, at, line, hp, scheme, betterAllowed));
        }
        for (Map.Entry<String, ObjectNode> e : byPost.entrySet()) {
            int i = new ArrayList<>(byPost.keySet()).indexOf(e.getKey());
            List<Integer> lines = postRows.get(e.getKey());
            rowOf.put("/riskPoints/" + i, sourceName + " 第 " + join(lines) + " 行");
        }
        byte[] bytes = MAPPER.writeValueAsBytes(doc);
        QuarantineReport report = RegisterDocument.quarantine(DocumentSource.of(bytes),
                new ScoringProviders(providers::method, providers::scheme), ImportOptions.defaults(), sink);
        List<QuarantineReport.Refusal> refused = new ArrayList<>();
        for (QuarantineReport.Refusal x : report.refused()) {
            String better = betterAllowed.get(x.pointer());
            refused.add(better == null ? x : new QuarantineReport.Refusal(x.item(), x.itemId(), x.pointer(), x.field(),
                    x.value(), better, x.source()));
        }
        QuarantineReport named = new QuarantineReport(report.format(), report.itemsRead(), report.imported(),
                report.refusedItems(), refused, report.unlisted(), report.recomputed(), report.warnings());
        return new Result(bytes, named.withSources(p -> source(rowOf, p)));
    }

    private static String join(List<Integer> lines) {
        StringBuilder sb = new StringBuilder();
        for (Integer l : lines) {
            sb.append(sb.length() == 0 ? "" : "、").append(l);
        }
        return sb.toString();
    }

    /** The row of the longest known pointer prefix: a hazard's row, else the post's rows. */
    private static String source(Map<String, String> rowOf, String pointer) {
        String best = "";
        int length = -1;
        for (Map.Entry<String, String> e : rowOf.entrySet()) {
            String k = e.getKey();
            if ((pointer.equals(k) || pointer.startsWith(k + "/")) && k.length() > length) {
                best = e.getValue();
                length = k.length();
            }
        }
        return best;
    }

    private ObjectNode hazard(List<String> row, Map<Column, Integer> at, int line, String hp, GradingScheme scheme,
            Map<String, String> betterAllowed) {
        ObjectNode h = MAPPER.createObjectNode();
        h.put("id", "H-" + line);
        String cause = cell(row, at, Column.CAUSE);
        h.put("description", cause);
        String category = cell(row, at, Column.FACTOR_CLASS);
        NameMatch<HazardCategory> c = names.hazardCategory(category);
        h.put("category", c.value().map(HazardCategory::code).orElse(category));
        if (!c.found()) {
            betterAllowed.put(hp + "/category", c.allowed(Locale.CHINESE, x -> x.displayName(Locale.CHINESE) + " (" + x.code() + ")"));
        }
        ArrayNode types = h.putArray("accidentTypes");
        List<String> typeNames = new ArrayList<>();
        for (String part : cell(row, at, Column.ACCIDENTS).split("[、,，;；/]")) {
            if (part.isBlank()) {
                continue;
            }
            NameMatch<AccidentType> m = names.accidentType(part.strip());
            if (!m.found()) {
                betterAllowed.put(hp + "/accidentTypes/" + types.size(),
                        m.allowed(Locale.CHINESE, x -> x.displayName(Locale.CHINESE) + " (" + x.code() + ")"));
            }
            types.add(m.value().map(AccidentType::code).orElse(part.strip()));
            typeNames.add(m.value().map(x -> x.displayName(Locale.CHINESE)).orElse(part.strip()));
        }
        h.put("causes", cause);
        h.put("consequences", String.join("、", typeNames));
        ArrayNode measures = h.putArray("measures");
        for (String m : cell(row, at, Column.MEASURE).split("[；;\\n]")) {
            if (m.isBlank()) {
                continue;
            }
            ObjectNode o = measures.addObject();
            o.put("id", "M-" + line + "-" + measures.size());
            o.put("category", "management");
            o.put("description", m.strip());
            o.putObject("controlLevel").put("code", ControlLevel.POST.code()).put("rank", ControlLevel.POST.rank());
            o.put("responsibleUnit", UNIT);
            o.put("inspectionStandard", m.strip());
        }
        ObjectNode a = h.putArray("assessments").addObject();
        a.put("id", "A-" + line);
        a.put("method", LecMethod.ID.value());
        a.put("scheme", scheme.id().value());
        a.put("kind", "residual");
        ObjectNode input = a.putObject("input");
        for (Column f : List.of(Column.L, Column.E, Column.C)) {
            number(input, f.en, cell(row, at, f));
        }
        String d = cell(row, at, Column.D);
        number(a, "score", d);
        a.set("grade", claimedGrade(scheme, d, cell(row, at, Column.LEVEL)));
        a.put("assessor", assessor.value());
        a.put("assessedAt", assessedAt.toString());
        return h;
    }

    /**
     * The grade the row claims: the register states a level (重大风险 … 低风险); of the scheme's grades at that
     * level, the one its own D falls in, else the first; an unknown level is kept as written (and refused).
     */
    private static ObjectNode claimedGrade(GradingScheme scheme, String d, String levelText) {
        ObjectNode g = MAPPER.createObjectNode();
        RiskLevel level = null;
        for (RiskLevel l : RiskLevel.values()) {
            if (l.displayName(Locale.CHINESE).equals(levelText.strip())
                    || l.displayName(Locale.ENGLISH).equalsIgnoreCase(levelText.strip())) {
                level = l;
            }
        }
        if (level == null) {
            g.put("code", levelText);
            g.put("name", levelText);
            g.put("level", levelText);
            g.put("action", "");
            return g;
        }
        Grade chosen = null;
        try {
            Grade byD = scheme.grade(Score.of(new BigDecimal(d.strip())));
            if (byD.level() == level) {
                chosen = byD;
            }
        } catch (RuntimeException e) {
            // D is not a number: the import reports it at /score
        }
        if (chosen == null) {
            for (Grade x : scheme.grades()) {
                if (x.level() == level) {
                    chosen = x;
                    break;
                }
            }
        }
        if (chosen == null) {
            chosen = Grade.of(levelText, levelText, level);
        }
        g.put("code", chosen.code());
        g.put("name", chosen.name());
        g.put("level", chosen.level().code());
        g.put("action", chosen.action());
        return g;
    }

    /** A number where the text is one, else the text (the import refuses it at its pointer). */
    private static void number(ObjectNode o, String field, String text) {
        try {
            o.put(field, new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            o.put(field, text);
        }
    }

    private static String cell(List<String> row, Map<Column, Integer> at, Column c) {
        int i = at.get(c);
        return i < row.size() ? row.get(i).strip() : "";
    }

    private static Map<Column, Integer> header(List<String> row, String sourceName) {
        Map<Column, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String h = row.get(i).strip().replace("\uFEFF", "");
            for (Column c : Column.values()) {
                if (h.equals(c.zh) || h.equalsIgnoreCase(c.en)) {
                    at.putIfAbsent(c, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (!at.containsKey(c)) {
                missing.add(c.zh + " / " + c.en);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the header row of " + sourceName + " " + row + " lacks the columns "
                    + missing + "; allowed: a header naming every column of the register");
        }
        return at;
    }

    /** A minimal RFC 4180 reader: quoted cells may hold commas, quotes ("") and line breaks. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> read(Reader in) {
            java.io.StringWriter all = new java.io.StringWriter();
            try {
                in.transferTo(all);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return parse(all.toString());
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    cell.append(ch);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
