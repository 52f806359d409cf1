package org.dualprevention.excel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.excel.RegisterColumns.Col;
import org.dualprevention.engine.names.NameMatch;
import org.dualprevention.json.QuarantineReport;
import org.dualprevention.json.support.IdSet;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.jspecify.annotations.Nullable;

/** Rebuilds risk points from the register sheet's rows; one instance per import. */
final class RegisterReader {
    private static final int MAX_PROBLEMS = 1000;

    private final ExcelContext c;
    private final boolean zh;
    private final RegisterBaseline baseline;
    private final Consumer<RiskPoint> sink;
    private final Map<String, OrgUnitId> units = new HashMap<>();
    private final Map<OrgUnitId, String> unitNames;
    private final List<ControlLevel> levels;
    private final org.dualprevention.json.ScoringProviders providers;
    private String sheet = "";

    private @Nullable Map<Col, Integer> cols;
    private final Map<String, Integer> factorCols = new LinkedHashMap<>();

    /**
     * Every id read so far, by kind ("RP", "HZ", "M", "A"), to refuse repeats: 18 bytes per id (a 128-bit hash and
     * its 2-byte mark) plus the table's slack.
     */
    private final IdSet ids = new IdSet();

    private final List<CellProblem> problems = new ArrayList<>();
    private long moreProblems;
    private final List<CellProblem> warnings = new ArrayList<>();
    private final List<RegisterChange> changes = new ArrayList<>();
    private long rows;
    private long imported;
    private long items;
    private long refusedItems;
    private final List<QuarantineReport.Refusal> refusals = new ArrayList<>();
    private final List<QuarantineReport.Recomputation> recomputations = new ArrayList<>();
    /** Index of the latest assessment among the hazard's assessments, for pointers (the history lines come first). */
    private int latestIndex;

    /** The risk point being assembled from adjacent rows. */
    private @Nullable Group group;

    private static final class Group {
        final String id;
        final int firstRow;
        final long index;
        final List<QuarantineReport.Recomputation> recomputed = new ArrayList<>();
        final List<Integer> rowNumbers = new ArrayList<>();
        final List<Hazard> hazards = new ArrayList<>();
        final List<Integer> hazardRows = new ArrayList<>();
        @Nullable RiskPoint point;
        boolean bad;
        boolean hazardless;
        List<String> pointCells = List.of();

        Group(String id, int firstRow, long index) {
            this.id = id;
            this.firstRow = firstRow;
            this.index = index;
        }
    }

    RegisterReader(ExcelContext c, RegisterBaseline baseline, Consumer<RiskPoint> sink) {
        this.c = Objects.requireNonNull(c, "context");
        this.zh = c.chinese();
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.sink = Objects.requireNonNull(sink, "sink");
        Map<String, Long> counts = c.organization().units().stream()
                .collect(Collectors.groupingBy(OrgUnit::name, Collectors.counting()));
        for (OrgUnit u : c.organization().units()) {
            units.put(u.id().value(), u.id());
        }
        for (OrgUnit u : c.organization().units()) {
            if (counts.getOrDefault(u.name(), 0L) == 1) {
                units.putIfAbsent(u.name(), u.id());
            }
        }
        this.unitNames = RegisterWorkbook.unitNames(c);
        this.levels = c.organization().levels();
        this.providers = c.providers();
    }

    // ------------------------------------------------------------------ rows

    void row(Sheets.Row row) {
        if (cols == null) {
            header(row);
            return;
        }
        if (row.blank()) {
            return;
        }
        rows++;
        String id = cell(row, Col.RP_ID).strip();
        if (group == null || !group.id.equals(id)) {
            flush();
            group = new Group(id, row.number(), items++);
            if (!id.isEmpty() && !ids.add("RP", id)) {
                problem(row, Col.RP_ID, id, t("每个风险点编号只出现一次，且同一风险点的各行相邻",
                        "each risk point id once, with the rows of one risk point adjacent"));
                group.bad = true;
            }
        }
        Group g = group;
        g.rowNumbers.add(row.number());
        if (g.point == null && g.rowNumbers.size() == 1) {
            g.point = riskPoint(row);
            g.pointCells = pointCells(row);
            if (g.point == null) {
                g.bad = true;
            }
        } else if (!pointCells(row).equals(g.pointCells)) {
            for (Col col : List.of(Col.RP_NAME, Col.RP_KIND, Col.RP_UNIT, Col.RP_ZONE)) {
                int i = col.ordinal() - Col.RP_NAME.ordinal();
                if (!cell(row, col).strip().equals(g.pointCells.get(i))) {
                    problem(row, col, cell(row, col), t("与第 " + g.firstRow + " 行相同：「" + g.pointCells.get(i) + "」",
                            "the same as row " + g.firstRow + ": [" + g.pointCells.get(i) + "]"));
                }
            }
            g.bad = true;
        }
        if (hazardBlank(row)) {
            g.hazardless = true;
        } else {
            Hazard h = hazard(row);
            if (h == null) {
                g.bad = true;
            } else {
                g.hazards.add(h);
                g.hazardRows.add(row.number());
            }
        }
        if (g.hazardless && g.rowNumbers.size() > 1) {
            problem(row.number(), "", t("危险源", "hazard"), "", t("风险点有多行时每行都填写危险源",
                    "a hazard on every row of a risk point with several rows"), hazardPointer());
            g.bad = true;
        }
    }

    private List<String> pointCells(Sheets.Row row) {
        return List.of(cell(row, Col.RP_NAME).strip(), cell(row, Col.RP_KIND).strip(), cell(row, Col.RP_UNIT).strip(),
                cell(row, Col.RP_ZONE).strip());
    }

    private void flush() {
        Group g = group;
        if (g == null) {
            return;
        }
        try {
            deliver(g);
        } finally {
            group = null;
        }
    }

    /** Delivers the risk point of a group, or lists each of its rows as held back (the group is still current). */
    private void deliver(Group g) {
        RiskPoint rp = null;
        if (!g.bad && g.point != null) {
            try {
                rp = g.point.withHazards(g.hazards);
            } catch (IllegalArgumentException e) {
                problem(g.firstRow, "", t("危险源", "hazard"), "", String.valueOf(e.getMessage()), itemPointer(g) + "/hazards");
            }
        }
        if (rp == null) {
            refusedItems++;
            for (int n : g.rowNumbers) {
                String which = g.id.isEmpty() ? t("第 " + g.firstRow + " 行起的风险点", "the risk point from row " + g.firstRow)
                        : t("风险点 " + g.id, "risk point " + g.id);
                problem(n, "", t("整行", "whole row"), g.id, t(which + " 的所有行无误（该风险点未导入）",
                        "every row of " + which + " correct (the risk point was not imported)"), itemPointer(g));
            }
            return;
        }
        recomputations.addAll(g.recomputed);
        Optional<RiskPoint> before = baseline.lookup().apply(rp.id());
        if (before.isPresent()) {
            rp = inBaselineOrder(rp, before.get()).withVersion(before.get().version());
            compare(before.get(), rp, g);
        } else if (!baseline.isNone()) {
            change(RegisterChange.Kind.RISK_POINT_ADDED, g.firstRow, rp.id(), null, null,
                    t("新增风险点：", "new risk point: ") + rp.name());
        }
        sink.accept(rp);
        imported++;
    }

    /**
     * The form groups measures by category, so their order within a hazard is lost on the sheet: against a
     * baseline, the measures the baseline hazard has keep its order, and new ones follow in sheet order.
     */
    private static RiskPoint inBaselineOrder(RiskPoint read, RiskPoint baseline) {
        List<Hazard> hazards = new ArrayList<>();
        for (Hazard h : read.hazards()) {
            Optional<Hazard> old = baseline.hazard(h.id());
            if (old.isEmpty()) {
                hazards.add(h);
                continue;
            }
            Map<ControlMeasureId, Integer> position = new HashMap<>();
            List<ControlMeasure> was = old.get().measures();
            for (int i = 0; i < was.size(); i++) {
                position.put(was.get(i).id(), i);
            }
            List<ControlMeasure> ordered = new ArrayList<>(h.measures());
            ordered.sort((a, b) -> Integer.compare(position.getOrDefault(a.id(), Integer.MAX_VALUE),
                    position.getOrDefault(b.id(), Integer.MAX_VALUE)));
            hazards.add(h.withMeasures(ordered));
        }
        return read.withHazards(hazards);
    }

    void sheet(String name) {
        this.sheet = name;
    }

    ExcelImportReport finish(String sheetName) {
        if (cols == null) {
            throw new ExcelImportException("sheet [" + sheetName + "] has no header row; allowed: the header row of the register form");
        }
        flush();
        for (RiskPointId id : baseline.ids()) {
            if (!ids.contains("RP", id.value())) {
                change(RegisterChange.Kind.RISK_POINT_REMOVED, 0, id, null, null,
                        t("风险点已删除：", "risk point removed: ") + baseline.lookup().apply(id).map(RiskPoint::name)
                                .orElse(id.value()));
            }
        }
        problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
        List<QuarantineReport.Refusal> refused = new ArrayList<>(refusals);
        refused.sort((a, b) -> Long.compare(a.item(), b.item()));
        QuarantineReport quarantine = new QuarantineReport(org.dualprevention.json.RegisterDocument.FORMAT, items, imported, refusedItems,
                refused, moreProblems, recomputations, List.of());
        return new ExcelImportReport(rows, imported, problems, moreProblems, warnings, changes, quarantine);
    }

    // ------------------------------------------------------------------ header

    private void header(Sheets.Row row) {
        Map<String, Col> byText = new HashMap<>();
        for (Col col : Col.values()) {
            byText.put(col.zh, col);
            byText.put(col.en, col);
        }
        Map<Col, Integer> found = new EnumMap<>(Col.class);
        for (int i = 0; i < row.cells().size(); i++) {
            String h = row.cell(i).strip();
            Col col = byText.get(h);
            if (col != null) {
                found.putIfAbsent(col, i);
            } else if (h.startsWith("因子 ") || h.startsWith("Factor ")) {
                factorCols.put(h.substring(h.indexOf(' ') + 1).strip(), i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Col col : Col.values()) {
            if (col != Col.NO && !found.containsKey(col)) {
                missing.add(col.header(zh));
            }
        }
        if (!missing.isEmpty()) {
            throw new ExcelImportException(t("第 " + row.number() + " 行（表头）缺少列：" + String.join("、", missing),
                    "row " + row.number() + " (header) lacks the columns " + missing));
        }
        this.cols = found;
    }

    // ------------------------------------------------------------------ risk point and hazard

    private @Nullable RiskPoint riskPoint(Sheets.Row row) {
        long before = count();
        RiskPointId id = id(row, Col.RP_ID, RiskPointId::of);
        String name = required(row, Col.RP_NAME);
        RiskPointKind kind = label(row, Col.RP_KIND, Text.KINDS, List.of(RiskPointKind.values()), k -> k.displayName(c.locale()));
        OrgUnitId unit = unit(row, Col.RP_UNIT);
        String zoneText = cell(row, Col.RP_ZONE).strip();
        Optional<MapZoneId> zone = Optional.empty();
        if (!zoneText.isEmpty()) {
            MapZoneId z = id(row, Col.RP_ZONE, MapZoneId::of);
            zone = Optional.ofNullable(z);
        }
        if (count() > before || id == null || name == null || kind == null || unit == null) {
            return null;
        }
        return RiskPoint.of(id, name, kind, unit, zone);
    }

    private boolean hazardBlank(Sheets.Row row) {
        for (Col col : Col.values()) {
            if (col.ordinal() >= Col.HZ_ID.ordinal() && !cell(row, col).isBlank()) {
                return false;
            }
        }
        for (int i : factorCols.values()) {
            if (!row.cell(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private @Nullable Hazard hazard(Sheets.Row row) {
        long before = count();
        HazardId id = id(row, Col.HZ_ID, HazardId::of);
        if (id != null && !ids.add("HZ", id.value())) {
            problem(row, Col.HZ_ID, id.value(), t("每个危险源编号只出现一次", "each hazard id once"));
        }
        String desc = required(row, Col.HZ_DESC);
        String catText = cell(row, Col.HZ_CATEGORY).strip();
        NameMatch<HazardCategory> catMatch = Text.hazardCategory(catText);
        HazardCategory cat = catMatch.value().orElse(null);
        if (cat == null) {
            problem(row, Col.HZ_CATEGORY, catText, catMatch.ambiguous()
                    ? catMatch.allowed(c.locale(), x -> x.displayName(c.locale()))
                    : String.join("、", labels(Text.KNOWN_CATEGORIES, x -> x.displayName(c.locale())))
                            + t("，或细类「名称 (代码)」", ", or a finer class \"name (code)\""));
        }
        Set<AccidentType> types = EnumSet.noneOf(AccidentType.class);
        String accText = cell(row, Col.HZ_ACCIDENTS).strip();
        for (String part : accText.split("[、,，;；]")) {
            NameMatch<AccidentType> match = Text.accidentType(part.strip());
            if (!match.found()) {
                problem(row, Col.HZ_ACCIDENTS, accText, match.ambiguous()
                        ? match.allowed(c.locale(), x -> x.displayName(c.locale()))
                        : t("一个或多个事故类型，以「、」分隔：", "one or more accident types separated by \"、\": ")
                                + String.join("、", labels(List.of(AccidentType.values()), x -> x.displayName(c.locale()))));
                types.clear();
                break;
            }
            types.add(match.value().orElseThrow());
        }
        String causes = cell(row, Col.HZ_CAUSES).strip();
        String consequences = cell(row, Col.HZ_CONSEQUENCES).strip();
        List<ControlMeasure> measures = measures(row);
        List<Assessment> assessments = assessments(row);
        Optional<ReassessmentFlag> flag = reassessment(row);
        if (count() > before || id == null || desc == null || cat == null || types.isEmpty() || measures == null
                || assessments == null || flag == null) {
            return null;
        }
        try {
            Hazard h = Hazard.of(id, desc, cat, types, causes, consequences).withMeasures(measures);
            return h.withHistory(assessments, flag);
        } catch (IllegalArgumentException e) {
            problem(row, Col.HZ_ID, id.value(), String.valueOf(e.getMessage()));
            return null;
        }
    }

    // ------------------------------------------------------------------ measures

    private @Nullable List<ControlMeasure> measures(Sheets.Row row) {
        long before = count();
        List<ControlMeasure> out = new ArrayList<>();
        Set<Object> ctl = new HashSet<>();
        Set<Object> resp = new HashSet<>();
        for (Col col : Col.values()) {
            if (col.measures == null) {
                continue;
            }
            String text = cell(row, col);
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                ControlMeasure m = measure(row, col, col.measures, line.strip());
                if (m != null) {
                    out.add(m);
                    ctl.add(m.controlLevel());
                    resp.add(m.responsibleUnit());
                }
            }
        }
        if (count() > before) {
            return null;
        }
        check(row, Col.CONTROL_LEVEL, ctl, x -> Text.controlLevel(x, levels), x -> ((ControlLevel) x).displayName(c.locale()));
        check(row, Col.RESPONSIBLE_UNIT, resp, units::get, x -> unitNames.getOrDefault((OrgUnitId) x, x.toString()));
        return count() > before ? null : out;
    }

    /** A summary column must say what the measure lines say (it is derived from them). */
    private void check(Sheets.Row row, Col col, Set<Object> derived, java.util.function.Function<String, @Nullable Object> resolve,
            java.util.function.Function<Object, String> shown) {
        String got = cell(row, col).strip();
        Set<Object> written = new HashSet<>();
        if (!got.isEmpty()) {
            for (String part : got.split(Text.LIST)) {
                written.add(Objects.requireNonNullElse(resolve.apply(part.strip()), part));
            }
        }
        String expected = derived.stream().map(shown).sorted().collect(Collectors.joining(Text.LIST));
        if (!written.equals(derived)) {
            problem(row, col, got, t("「" + expected + "」（由各措施的管控层级、责任单位得出；请在措施行内修改）",
                    "[" + expected + "] (derived from the measures; edit the measure lines instead)"));
        }
    }

    private @Nullable ControlMeasure measure(Sheets.Row row, Col col, MeasureCategory category, String line) {
        String format = t("每行一项措施：描述（编号：…；管控层级：…；责任单位：…；检查标准：…）",
                "one measure per line: description (id: …; level: …; unit: …; standard: …)");
        int open = Math.max(line.lastIndexOf("（编号："), line.lastIndexOf(" (id: "));
        boolean chinese = open >= 0 && line.startsWith("（编号：", open);
        if (open <= 0 || !line.endsWith(chinese ? "）" : ")")) {
            problem(row, col, line, format);
            return null;
        }
        String desc = line.substring(0, open).strip();
        String inner = line.substring(open + (chinese ? 1 : 2), line.length() - 1);
        String[] keys = chinese ? new String[] {"编号：", "；管控层级：", "；责任单位：", "；检查标准："}
                : new String[] {"id: ", "; level: ", "; unit: ", "; standard: "};
        String[] values = new String[4];
        int at = 0;
        for (int k = 0; k < 4; k++) {
            if (!inner.startsWith(keys[k], at)) {
                problem(row, col, line, format);
                return null;
            }
            int start = at + keys[k].length();
            int end = k == 3 ? inner.length() : inner.indexOf(keys[k + 1], start);
            if (end < 0) {
                problem(row, col, line, format);
                return null;
            }
            values[k] = inner.substring(start, end).strip();
            at = end;
        }
        ControlMeasureId id;
        try {
            id = ControlMeasureId.of(values[0]);
        } catch (IllegalArgumentException e) {
            problem(row, col, values[0], t("措施编号：", "a measure id: ") + e.getMessage());
            return null;
        }
        if (!ids.add("M", id.value())) {
            problem(row, col, values[0], t("每个措施编号只出现一次", "each measure id once"));
            return null;
        }
        ControlLevel level = Text.controlLevel(values[1], levels);
        if (level == null) {
            problem(row, col, values[1], labels(levels, l -> l.displayName(c.locale())).toString());
            return null;
        }
        OrgUnitId unit = units.get(values[2]);
        if (unit == null) {
            problem(row, col, values[2], t("组织中的单位名称或编号", "the name or id of a unit of the organisation"));
            return null;
        }
        try {
            return new ControlMeasure(id, category, desc, level, unit, values[3]);
        } catch (IllegalArgumentException | NullPointerException e) {
            problem(row, col, line, format + "; " + e.getMessage());
            return null;
        }
    }

    // ------------------------------------------------------------------ assessments

    private @Nullable List<Assessment> assessments(Sheets.Row row) {
        long before = count();
        List<Assessment> out = new ArrayList<>();
        String history = cell(row, Col.HISTORY);
        latestIndex = 0;
        for (String line : history.split("\n")) {
            if (!line.isBlank()) {
                Assessment a = historyLine(row, line.strip());
                latestIndex++;
                if (a != null) {
                    out.add(a);
                }
            }
        }
        String method = cell(row, Col.METHOD).strip();
        if (!method.isEmpty()) {
            Map<String, String> factors = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : factorCols.entrySet()) {
                String v = row.cell(e.getValue()).strip();
                if (!v.isEmpty()) {
                    factors.put(e.getKey(), v);
                }
            }
            Assessment a = assessment(row, Col.METHOD, cell(row, Col.ASSESSMENT_ID).strip(), method,
                    cell(row, Col.SCHEME).strip(), cell(row, Col.KIND).strip(), factors, cell(row, Col.SCORE).strip(),
                    cell(row, Col.LEVEL).strip(), cell(row, Col.ASSESSOR).strip(), cell(row, Col.ASSESSED_AT).strip(), true);
            if (a != null) {
                out.add(a);
            }
        } else if (!history.isBlank()) {
            problem(row, Col.METHOD, "", t("有历史评价时填写最近一次评价", "the latest assessment when there are earlier ones"));
        }
        return count() > before ? null : out;
    }

    private @Nullable Assessment historyLine(Sheets.Row row, String line) {
        String[] f = line.split(Text.FIELD, -1);
        if (f.length != 9) {
            problem(row, Col.HISTORY, line, t("每行一次评价：编号｜方法｜分级标准｜评价类型｜因子｜风险值｜风险等级｜评价人｜评价时间",
                    "one assessment per line: id｜method｜scheme｜kind｜factors｜score｜level｜assessor｜time"));
            return null;
        }
        Map<String, String> factors = new LinkedHashMap<>();
        for (String kv : f[4].split(Text.LIST)) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                problem(row, Col.HISTORY, f[4], t("因子写作「L=3、E=6、C=15」", "factors written as \"L=3、E=6、C=15\""));
                return null;
            }
            factors.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        return assessment(row, Col.HISTORY, f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), factors, f[5].strip(),
                f[6].strip(), f[7].strip(), f[8].strip(), false);
    }

    /** One assessment, checked and recomputed as the JSON register import does. */
    private @Nullable Assessment assessment(Sheets.Row row, Col where, String idText, String methodText, String schemeText,
            String kindText, Map<String, String> factorTexts, String scoreText, String levelText, String assessorText,
            String atText, boolean latest) {
        long before = count();
        AssessmentId id = parseId(row, latest ? Col.ASSESSMENT_ID : where, idText, AssessmentId::of);
        if (id != null && !ids.add("A", id.value())) {
            problem(row, latest ? Col.ASSESSMENT_ID : where, idText, t("每个评价编号只出现一次", "each assessment id once"));
        }
        AssessmentMethod method = null;
        MethodId methodId = parseId(row, latest ? Col.METHOD : where, methodText, MethodId::of);
        if (methodId != null) {
            method = providers.methods().apply(methodId);
            if (method == null) {
                problem(row, latest ? Col.METHOD : where, methodText, t("已安装的评价方法：", "an installed method: ")
                        + c.methods().stream().map(m -> m.id().value()).toList());
            }
        }
        GradingScheme scheme = null;
        SchemeId schemeId = parseId(row, latest ? Col.SCHEME : where, schemeText, SchemeId::of);
        if (schemeId != null) {
            scheme = providers.schemes().apply(schemeId);
            if (scheme == null || (method != null && !scheme.method().equals(method.id()))) {
                problem(row, latest ? Col.SCHEME : where, schemeText, t("已安装且用于该方法的分级标准：", "an installed scheme grading this method: ")
                        + c.schemes().stream().filter(s -> methodId == null || s.method().equals(methodId))
                                .map(s -> s.id().value()).toList());
                scheme = null;
            }
        }
        AssessmentKind kind = Text.ASSESSMENT_KINDS.get(kindText);
        if (kind == null) {
            problem(row, latest ? Col.KIND : where, kindText, labels(List.of(AssessmentKind.values()), k -> k.displayName(c.locale())).toString());
        }
        ActorId assessor = parseId(row, latest ? Col.ASSESSOR : where, assessorText, ActorId::of);
        Instant at = Text.time(atText, c.zone());
        if (at == null) {
            problem(row, latest ? Col.ASSESSED_AT : where, atText, t("日期时间，如 2026-01-05 08:30:00", "a date and time such as 2026-01-05 08:30:00"));
        }
        AssessmentInput input = null;
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : factorTexts.entrySet()) {
            BigDecimal d = Text.number(e.getValue());
            if (d == null) {
                factorProblem(row, where, latest, e.getKey(), e.getValue(), t("数值", "a number"));
            } else {
                values.put(e.getKey(), d);
            }
        }
        if (count() == before && method != null) {
            input = AssessmentInput.of(values);
            try {
                method.validate(input);
            } catch (ValidationException ex) {
                for (Violation v : ex.violations()) {
                    String key = v.path().startsWith("factors.") ? v.path().substring("factors.".length()) : v.path();
                    factorProblem(row, where, latest, key, v.value() == null ? "" : v.value(), v.allowed());
                }
            }
        }
        if (count() > before || id == null || methodId == null || method == null || schemeId == null || scheme == null
                || kind == null || assessor == null || at == null || input == null) {
            return null;
        }
        Score score;
        Grade grade;
        try {
            score = method.evaluate(input);
            grade = scheme.grade(score);
        } catch (RuntimeException ex) {
            problem(row, where, methodText, t("方法能够计算的因子；计算失败：", "factors the method can evaluate; it failed with: ") + ex);
            return null;
        }
        BigDecimal written = Text.number(scoreText);
        boolean scoreDiffers = written == null || written.compareTo(score.value()) != 0;
        if (scoreDiffers) {
            warning(row, latest ? Col.SCORE : where, scoreText, t("按因子重新计算为 ", "recomputed from the factors as ")
                    + Text.number(score.value()));
        }
        boolean levelDiffers = !levelText.equals(grade.level().displayName(Text.ZH))
                && !levelText.equals(grade.level().displayName(Text.EN));
        if (levelDiffers) {
            warning(row, latest ? Col.LEVEL : where, levelText, t("按因子重新分级为 ", "regraded from the factors as ")
                    + grade.level().displayName(c.locale()));
        }
        Group g = group;
        if ((scoreDiffers || levelDiffers) && g != null) {
            RiskLevel storedLevel = Text.LEVELS.get(levelText);
            String gradeText = latest ? cell(row, Col.GRADE).strip() : "";
            g.recomputed.add(new QuarantineReport.Recomputation(g.index, g.id, assessmentPointer(), scoreText, gradeText,
                    storedLevel == null ? levelText : storedLevel.code(), score.toString(), grade.code(),
                    grade.level().code(), new CellProblem(sheet, row.number(), "", "", "", "").where(Text.ZH)));
            // the source names the row; the cells are those of the warnings just listed
        }
        return new Assessment(id, methodId, schemeId, input, score, grade, kind, assessor, at);
    }

    private void factorProblem(Sheets.Row row, Col where, boolean latest, String key, String value, String allowed) {
        Integer col = factorCols.get(key);
        if (latest && col != null) {
            problem(row.number(), Text.column(col), RegisterColumns.factorHeader(key, zh), value, allowed,
                    assessmentPointer() + "/input/" + escape(key));
        } else if (latest) {
            problem(row.number(), "", RegisterColumns.factorHeader(key, zh), value, allowed
                    + t("（表头缺少该因子列）", " (the header has no column for this factor)"),
                    assessmentPointer() + "/input/" + escape(key));
        } else {
            problem(row, where, key + "=" + value, allowed);
        }
    }

    private @Nullable Optional<ReassessmentFlag> reassessment(Sheets.Row row) {
        String text = cell(row, Col.REASSESSMENT).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String[] f = text.split(Text.FIELD, -1);
        Instant at = f.length == 3 ? Text.time(f[2], c.zone()) : null;
        if (at == null || f[0].isBlank()) {
            problem(row, Col.REASSESSMENT, text, t("原因｜来源｜时间", "reason｜source｜time"));
            return null;
        }
        return Optional.of(new ReassessmentFlag(f[0].strip(), f[1].strip(), at));
    }

    // ------------------------------------------------------------------ changes

    private void compare(RiskPoint before, RiskPoint after, Group g) {
        List<String> rp = new ArrayList<>();
        diff(rp, Col.RP_NAME, before.name(), after.name());
        diff(rp, Col.RP_KIND, before.kind().displayName(c.locale()), after.kind().displayName(c.locale()));
        diff(rp, Col.RP_UNIT, unitName(before.owningUnit()), unitName(after.owningUnit()));
        diff(rp, Col.RP_ZONE, before.zone().map(MapZoneId::value).orElse(""), after.zone().map(MapZoneId::value).orElse(""));
        if (!rp.isEmpty()) {
            change(RegisterChange.Kind.RISK_POINT_CHANGED, g.firstRow, after.id(), null, null, String.join("；", rp));
        }
        Map<HazardId, Hazard> old = new LinkedHashMap<>();
        for (Hazard h : before.hazards()) {
            old.put(h.id(), h);
        }
        for (int i = 0; i < after.hazards().size(); i++) {
            Hazard h = after.hazards().get(i);
            int row = g.hazardRows.get(i);
            Hazard was = old.remove(h.id());
            if (was == null) {
                change(RegisterChange.Kind.HAZARD_ADDED, row, after.id(), h.id(), null,
                        t("新增危险源：", "new hazard: ") + h.description());
            } else if (!was.equals(h)) {
                String d = hazardDiff(was, h);
                if (!d.isEmpty()) {
                    change(RegisterChange.Kind.HAZARD_CHANGED, row, after.id(), h.id(), null, d);
                }
                measureChanges(was, h, row, after.id());
            }
        }
        for (Hazard h : old.values()) {
            change(RegisterChange.Kind.HAZARD_REMOVED, 0, after.id(), h.id(), null,
                    t("危险源已删除：", "hazard removed: ") + h.description());
        }
    }

    private void measureChanges(Hazard was, Hazard now, int row, RiskPointId rp) {
        Map<ControlMeasureId, ControlMeasure> old = new LinkedHashMap<>();
        for (ControlMeasure m : was.measures()) {
            old.put(m.id(), m);
        }
        for (ControlMeasure m : now.measures()) {
            ControlMeasure o = old.remove(m.id());
            if (o == null) {
                change(RegisterChange.Kind.MEASURE_ADDED, row, rp, now.id(), m.id(),
                        t("新增", "new ") + m.category().displayName(c.locale()) + t("：", ": ") + m.description());
            } else if (!o.equals(m)) {
                List<String> d = new ArrayList<>();
                if (!o.description().equals(m.description())) {
                    d.add(t("措施描述：", "measure description: ") + o.description() + " → " + m.description());
                }
                if (o.category() != m.category()) {
                    d.add(t("措施类别：", "measure category: ") + o.category().displayName(c.locale()) + " → "
                            + m.category().displayName(c.locale()));
                }
                diff(d, Col.CONTROL_LEVEL, o.controlLevel().displayName(c.locale()), m.controlLevel().displayName(c.locale()));
                diff(d, Col.RESPONSIBLE_UNIT, unitName(o.responsibleUnit()), unitName(m.responsibleUnit()));
                if (!o.inspectionStandard().equals(m.inspectionStandard())) {
                    d.add(t("检查标准：", "inspection standard: ") + o.inspectionStandard() + " → " + m.inspectionStandard());
                }
                change(RegisterChange.Kind.MEASURE_CHANGED, row, rp, now.id(), m.id(), String.join("；", d));
            }
        }
        for (ControlMeasure m : old.values()) {
            change(RegisterChange.Kind.MEASURE_REMOVED, row, rp, now.id(), m.id(),
                    t("措施已删除：", "measure removed: ") + m.description());
        }
    }

    private void change(RegisterChange.Kind kind, int row, RiskPointId rp, @Nullable HazardId hazard,
            @Nullable ControlMeasureId measure, String detail) {
        changes.add(new RegisterChange(kind, row, rp, Optional.ofNullable(hazard), Optional.ofNullable(measure), detail));
    }

    private String unitName(OrgUnitId id) {
        return unitNames.getOrDefault(id, id.value());
    }

    private String accidents(Set<AccidentType> types) {
        return types.stream().map(a -> a.displayName(c.locale())).collect(Collectors.joining(Text.LIST));
    }

    /** What differs in a hazard's own fields and assessments (measures are reported one by one elsewhere). */
    private String hazardDiff(Hazard a, Hazard b) {
        List<String> d = new ArrayList<>();
        diff(d, Col.HZ_DESC, a.description(), b.description());
        diff(d, Col.HZ_CATEGORY, a.category().displayName(c.locale()), b.category().displayName(c.locale()));
        diff(d, Col.HZ_ACCIDENTS, accidents(a.accidentTypes()), accidents(b.accidentTypes()));
        diff(d, Col.HZ_CAUSES, a.causes(), b.causes());
        diff(d, Col.HZ_CONSEQUENCES, a.consequences(), b.consequences());
        Map<AssessmentId, Assessment> olds = new LinkedHashMap<>();
        a.assessments().forEach(x -> olds.put(x.id(), x));
        for (Assessment x : b.assessments()) {
            Assessment y = olds.remove(x.id());
            if (y == null) {
                d.add(t("新增评价 ", "new assessment ") + x.id().value() + "（" + x.method().value() + "："
                        + RegisterWorkbook.factors(x) + "，" + x.level().displayName(c.locale()) + "）");
                continue;
            }
            int sizeBefore = d.size();
            diff(d, Col.METHOD, y.method().value(), x.method().value());
            diff(d, Col.SCHEME, y.scheme().value(), x.scheme().value());
            Set<String> keys = new LinkedHashSet<>(y.input().values().keySet());
            keys.addAll(x.input().values().keySet());
            for (String k : keys) {
                String from = y.input().value(k).map(Text::number).orElse("");
                String to = x.input().value(k).map(Text::number).orElse("");
                if (!from.equals(to)) {
                    d.add(RegisterColumns.factorHeader(k, zh) + "：" + from + " → " + to);
                }
            }
            if (x.score().value().compareTo(y.score().value()) != 0) {
                d.add(Col.SCORE.header(zh) + "：" + Text.number(y.score().value()) + " → " + Text.number(x.score().value()));
            }
            if (x.level() != y.level()) {
                d.add(Col.LEVEL.header(zh) + "：" + y.level().displayName(c.locale()) + " → " + x.level().displayName(c.locale()));
            }
            diff(d, Col.KIND, y.kind().displayName(c.locale()), x.kind().displayName(c.locale()));
            diff(d, Col.ASSESSOR, y.assessor().value(), x.assessor().value());
            diff(d, Col.ASSESSED_AT, Text.time(y.assessedAt(), c.zone()), Text.time(x.assessedAt(), c.zone()));
            if (!x.equals(y) && d.size() == sizeBefore) {
                d.add(t("评价 ", "assessment ") + x.id().value() + t(" 已改动", " changed"));
            }
        }
        for (AssessmentId gone : olds.keySet()) {
            d.add(t("评价已删除 ", "assessment removed ") + gone.value());
        }
        if (!a.reassessment().equals(b.reassessment())) {
            String from = a.reassessment().map(f -> f.reason()).orElse("");
            String to = b.reassessment().map(f -> f.reason()).orElse("");
            d.add(Col.REASSESSMENT.header(zh) + (from.equals(to) ? t(" 已改动", " changed") : "：" + from + " → " + to));
        }
        return String.join("；", d);
    }

    private void diff(List<String> d, Col col, String a, String b) {
        if (!a.equals(b)) {
            d.add(col.header(zh) + "：" + a + " → " + b);
        }
    }

    // ------------------------------------------------------------------ cells and problems

    private String cell(Sheets.Row row, Col col) {
        return row.cell(index(col));
    }

    /** The sheet column of a form column; every one is present once the header was read. */
    private int index(Col col) {
        return Objects.requireNonNull(Objects.requireNonNull(cols, "header").get(col), "column");
    }

    private @Nullable String required(Sheets.Row row, Col col) {
        String v = cell(row, col).strip();
        if (v.isEmpty()) {
            problem(row, col, "", t("非空文字", "text, not empty"));
            return null;
        }
        return v;
    }

    private <T> @Nullable T id(Sheets.Row row, Col col, java.util.function.Function<String, T> of) {
        return parseId(row, col, cell(row, col).strip(), of);
    }

    private <T> @Nullable T parseId(Sheets.Row row, Col col, String text, java.util.function.Function<String, T> of) {
        try {
            return of.apply(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            problem(row, col, text, t("编号：不超过 128 个字符、无控制字符的非空文字", "an id: non-blank text of at most 128 characters without control characters"));
            return null;
        }
    }

    private <T> @Nullable T label(Sheets.Row row, Col col, Map<String, T> map, List<T> values,
            java.util.function.Function<T, String> shown) {
        String v = cell(row, col).strip();
        T t = map.get(v);
        if (t == null) {
            problem(row, col, v, String.join("、", labels(values, shown)));
        }
        return t;
    }

    private static <T> List<String> labels(List<T> values, java.util.function.Function<T, String> shown) {
        return values.stream().map(shown).toList();
    }

    private @Nullable OrgUnitId unit(Sheets.Row row, Col col) {
        String v = cell(row, col).strip();
        OrgUnitId id = units.get(v);
        if (id == null) {
            problem(row, col, v, t("组织中的单位名称或编号", "the name or id of a unit of the organisation"));
        }
        return id;
    }

    private long count() {
        return problems.size() + moreProblems;
    }

    private void problem(Sheets.Row row, Col col, String value, String allowed) {
        int i = index(col);
        problem(row.number(), Text.column(i), col.header(zh), value, allowed, pointer(col));
    }

    private void problem(int row, String column, String field, String value, String allowed, String pointer) {
        if (problems.size() < MAX_PROBLEMS) {
            CellProblem p = new CellProblem(sheet, row, column, field, value, allowed);
            problems.add(p);
            Group g = group;
            refusals.add(new QuarantineReport.Refusal(g == null ? 0 : g.index, g == null ? "" : g.id, pointer,
                    QuarantineReport.Refusal.fieldOf(pointer), value, allowed, p.where(Text.ZH)));
        } else {
            moreProblems++;
        }
    }

    // ------------------------------------------------------------------ pointers into the register document

    /** The JSON Pointer of the current risk point in the equivalent register document. */
    private String itemPointer(Group g) {
        return "/riskPoints/" + g.index;
    }

    private String hazardPointer() {
        Group g = Objects.requireNonNull(group);
        return itemPointer(g) + "/hazards/" + (g.rowNumbers.size() - 1);
    }

    private String assessmentPointer() {
        return hazardPointer() + "/assessments/" + latestIndex;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Where a column's value lives in the register document (DOMAIN-neutral: the JSON form of the same register). */
    private String pointer(Col col) {
        Group g = group;
        if (g == null) {
            return "";
        }
        switch (col) {
            case NO:
                return itemPointer(g);
            case RP_ID:
                return itemPointer(g) + "/id";
            case RP_NAME:
                return itemPointer(g) + "/name";
            case RP_KIND:
                return itemPointer(g) + "/kind";
            case RP_UNIT:
                return itemPointer(g) + "/owningUnit";
            case RP_ZONE:
                return itemPointer(g) + "/zone";
            case HZ_ID:
                return hazardPointer() + "/id";
            case HZ_DESC:
                return hazardPointer() + "/description";
            case HZ_CATEGORY:
                return hazardPointer() + "/category";
            case HZ_ACCIDENTS:
                return hazardPointer() + "/accidentTypes";
            case HZ_CAUSES:
                return hazardPointer() + "/causes";
            case HZ_CONSEQUENCES:
                return hazardPointer() + "/consequences";
            case HISTORY:
                return assessmentPointer();
            case REASSESSMENT:
                return hazardPointer() + "/reassessment";
            case METHOD:
                return assessmentPointer() + "/method";
            case SCORE:
                return assessmentPointer() + "/score";
            case GRADE:
            case LEVEL:
                return assessmentPointer() + "/grade";
            case SCHEME:
                return assessmentPointer() + "/scheme";
            case KIND:
                return assessmentPointer() + "/kind";
            case ASSESSOR:
                return assessmentPointer() + "/assessor";
            case ASSESSED_AT:
                return assessmentPointer() + "/assessedAt";
            case ASSESSMENT_ID:
                return assessmentPointer() + "/id";
            default:
                return hazardPointer() + "/measures";
        }
    }

    private void warning(Sheets.Row row, Col col, String value, String allowed) {
        if (warnings.size() < MAX_PROBLEMS) {
            int i = index(col);
            warnings.add(new CellProblem(sheet, row.number(), Text.column(i), col.header(zh), value, allowed));
        }
    }

    private String t(String zhText, String enText) {
        return zh ? zhText : enText;
    }

}
