package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A register exported, edited in Excel as people do (a changed factor, a new hazard row, a new risk point, a
 * deleted hazard row, a deleted risk point, a new and a changed measure line), and imported against the
 * register it replaces: the import is the edited register, and every edit is reported, nothing else.
 */
class HandEditTest {
    private static final DataFormatter FORMAT = new DataFormatter();

    /** A change as the test expects it: kind and the ids it names. */
    record Seen(RegisterChange.Kind kind, String riskPoint, String hazard, String measure) {
        static Seen of(RegisterChange c) {
            return new Seen(c.kind(), c.riskPoint().value(), c.hazard().map(HazardId::value).orElse(""),
                    c.measure().map(ControlMeasureId::value).orElse(""));
        }
    }

    /** The workbook being edited, with cells found by header. */
    private static final class Sheet1 {
        final Sheet s;
        final List<String> headers = new ArrayList<>();

        Sheet1(Sheet s) {
            this.s = s;
            for (Cell c : s.getRow(0)) {
                while (headers.size() < c.getColumnIndex()) {
                    headers.add("");
                }
                headers.add(FORMAT.formatCellValue(c));
            }
        }

        int col(String header) {
            int i = headers.indexOf(header);
            assertTrue(i >= 0, header + " in " + headers);
            return i;
        }

        String get(int row, String header) {
            Row r = s.getRow(row);
            Cell c = r == null ? null : r.getCell(col(header));
            return c == null ? "" : FORMAT.formatCellValue(c);
        }

        void set(int row, String header, String value) {
            Row r = s.getRow(row) == null ? s.createRow(row) : s.getRow(row);
            if (value.isEmpty()) {
                Cell c = r.getCell(col(header));
                if (c != null) {
                    r.removeCell(c);
                }
            } else {
                r.createCell(col(header)).setCellValue(value);
            }
        }

        int rowOf(String header, String value) {
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                if (get(r, header).equals(value)) {
                    return r;
                }
            }
            throw new AssertionError(value + " not in column " + header);
        }

        /** Copies a row's cells to a new last row. */
        int copyToEnd(int from) {
            int to = s.getLastRowNum() + 1;
            Row src = s.getRow(from);
            Row dst = s.createRow(to);
            for (Cell c : src) {
                dst.createCell(c.getColumnIndex()).setCellValue(FORMAT.formatCellValue(c));
            }
            return to;
        }

        void delete(int row) {
            s.removeRow(s.getRow(row));
            if (row < s.getLastRowNum()) {
                s.shiftRows(row + 1, s.getLastRowNum(), -1);
            }
        }
    }

    private static Assessment latest(Hazard h) {
        return h.assessments().get(h.assessments().size() - 1);
    }

    private static AssessmentMethod method(Assessment a) {
        return Fixtures.METHODS.stream().filter(m -> m.id().equals(a.method())).findFirst().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> everyHandEditIsImportedAndReportedAndNothingElse() {
        return Seeds.cases("hand edits", 10, this::check);
    }

    private void check(Gen gen) throws Exception {
        Fixtures fx = new Fixtures(gen);
        List<RiskPoint> register = new ArrayList<>(fx.register(12));
        // a register the edits can all apply to: hazards with factors and measures, several multi-hazard points
        Map<RiskPointId, RiskPoint> expected = new LinkedHashMap<>();
        register.forEach(r -> expected.put(r.id(), r));
        Set<Seen> changes = new HashSet<>();
        byte[] edited;
        String factorDetail;
        String editedHazard;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(fx.write(register)))) {
            Sheet1 s = new Sheet1(wb.getSheetAt(0));
            List<RiskPoint> untouched = new ArrayList<>(register);
            RiskPoint last = untouched.remove(untouched.size() - 1);

            // 1. a changed factor
            RiskPoint fp = null;
            Hazard fh = null;
            FactorDefinition factor = null;
            for (RiskPoint r : untouched) {
                for (Hazard h : r.hazards()) {
                    for (FactorDefinition f : method(latest(h)).factors()) {
                        if (f.isDiscrete() && f.values().size() > 1 && fp == null) {
                            fp = r;
                            fh = h;
                            factor = f;
                        }
                    }
                }
            }
            assertTrue(fp != null, "the register has a hazard with a discrete factor");
            untouched.remove(fp);
            Assessment a = latest(fh);
            BigDecimal was = a.input().value(factor.key()).orElseThrow();
            List<BigDecimal> others = new ArrayList<>(factor.values());
            others.removeIf(v -> v.compareTo(was) == 0);
            BigDecimal now = gen.pick(others);
            int frow = s.rowOf("危险源编号", fh.id().value());
            s.set(frow, "因子 " + factor.key(), Text.number(now));
            AssessmentInput input = a.input().with(factor.key(), now);
            AssessmentMethod m = method(a);
            GradingScheme scheme = fx.context.schemes().stream().filter(x -> x.id().equals(a.scheme())).findFirst().orElseThrow();
            Score score = m.evaluate(input);
            Grade grade = scheme.grade(score);
            Assessment changed = new Assessment(a.id(), a.method(), a.scheme(), input, score, grade, a.kind(), a.assessor(),
                    a.assessedAt());
            Hazard fh2 = fh;
            List<Assessment> history = new ArrayList<>(fh.assessments());
            history.set(history.size() - 1, changed);
            expected.put(fp.id(), fp.withHazardChanged(fh.id(), h -> h.withHistory(history, fh2.reassessment())));
            changes.add(new Seen(RegisterChange.Kind.HAZARD_CHANGED, fp.id().value(), fh.id().value(), ""));
            factorDetail = "因子 " + factor.key() + "：" + Text.number(was) + " → " + Text.number(now);
            editedHazard = fh.id().value();

            // 2. a new measure line and a changed one, on a hazard that has measures
            RiskPoint mp = untouched.stream().filter(r -> r.hazards().stream().anyMatch(h -> !h.measures().isEmpty()))
                    .findFirst().orElse(null);
            if (mp != null) {
                untouched.remove(mp);
                Hazard mh = mp.hazards().stream().filter(h -> !h.measures().isEmpty()).findFirst().orElseThrow();
                ControlMeasure m0 = mh.measures().get(0);
                int mrow = s.rowOf("危险源编号", mh.id().value());
                Map<org.dualprevention.organization.OrgUnitId, String> units = RegisterWorkbook.unitNames(fx.context);
                // changed: the first measure's description
                String header0 = m0.category().displayName(Locale.CHINESE);
                String line0 = RegisterWorkbook.measureLine(m0, fx.context, units);
                ControlMeasure m0b = new ControlMeasure(m0.id(), m0.category(), m0.description() + " 加装护栏",
                        m0.controlLevel(), m0.responsibleUnit(), m0.inspectionStandard());
                s.set(mrow, header0, s.get(mrow, header0).replace(line0, RegisterWorkbook.measureLine(m0b, fx.context, units)));
                // new: a training line with the same control level and unit (the summary columns stay right)
                ControlMeasure added = new ControlMeasure(ControlMeasureId.of("M-新增-" + gen.seed()), MeasureCategory.TRAINING,
                        "班前讲解操作规程", m0.controlLevel(), m0.responsibleUnit(), "查培训记录");
                String training = MeasureCategory.TRAINING.displayName(Locale.CHINESE);
                String cell = s.get(mrow, training);
                s.set(mrow, training, (cell.isEmpty() ? "" : cell + "\n") + RegisterWorkbook.measureLine(added, fx.context, units));
                List<ControlMeasure> ms = new ArrayList<>(mh.measures());
                ms.set(0, m0b);
                ms.add(added);
                expected.put(mp.id(), mp.withHazardChanged(mh.id(), h -> h.withMeasures(ms)));
                changes.add(new Seen(RegisterChange.Kind.MEASURE_CHANGED, mp.id().value(), mh.id().value(), m0.id().value()));
                changes.add(new Seen(RegisterChange.Kind.MEASURE_ADDED, mp.id().value(), mh.id().value(), added.id().value()));
            }

            // 3. a new hazard row on the last risk point and a new risk point, both copied from the edited row
            if (!last.hazards().isEmpty()) {
                int newRow = s.copyToEnd(frow);
                Hazard nh = newHazard(s, newRow, last.id().value(), "HZ-新增-" + gen.seed(), "A-新增-" + gen.seed(), changed);
                List<Hazard> hs = new ArrayList<>(last.hazards());
                hs.add(nh);
                int lastRow = s.rowOf("危险源编号", last.hazards().get(0).id().value());
                for (String h : List.of("风险点名称", "风险点类型", "所属单位", "区域编号")) {
                    s.set(newRow, h, s.get(lastRow, h));
                }
                expected.put(last.id(), last.withHazards(hs));
                changes.add(new Seen(RegisterChange.Kind.HAZARD_ADDED, last.id().value(), nh.id().value(), ""));
            }
            int rpRow = s.copyToEnd(frow);
            s.set(rpRow, "风险点名称", "新增风险点 配电室");
            Hazard rh = newHazard(s, rpRow, "RP-新增-" + gen.seed(), "HZ-新增2-" + gen.seed(), "A-新增2-" + gen.seed(), changed);
            RiskPoint newPoint = RiskPoint.of(RiskPointId.of("RP-新增-" + gen.seed()), "新增风险点 配电室", fp.kind(),
                    fp.owningUnit(), fp.zone()).withHazard(rh);
            expected.put(newPoint.id(), newPoint);
            changes.add(new Seen(RegisterChange.Kind.RISK_POINT_ADDED, newPoint.id().value(), "", ""));

            // 4. deleted rows, bottom up: a hazard of a point with several, and a whole point
            RiskPoint several = untouched.stream().filter(r -> r.hazards().size() >= 2).findFirst().orElse(null);
            RiskPoint whole = untouched.stream().filter(r -> r != several).findFirst().orElse(null);
            List<Integer> deletions = new ArrayList<>();
            if (several != null) {
                Hazard gone = several.hazards().get(several.hazards().size() - 1);
                deletions.add(s.rowOf("危险源编号", gone.id().value()));
                expected.put(several.id(), several.withHazards(several.hazards().subList(0, several.hazards().size() - 1)));
                changes.add(new Seen(RegisterChange.Kind.HAZARD_REMOVED, several.id().value(), gone.id().value(), ""));
            }
            if (whole != null) {
                for (int r = 1; r <= s.s.getLastRowNum(); r++) {
                    if (s.get(r, "风险点编号").equals(whole.id().value())) {
                        deletions.add(r);
                    }
                }
                expected.remove(whole.id());
                changes.add(new Seen(RegisterChange.Kind.RISK_POINT_REMOVED, whole.id().value(), "", ""));
            }
            deletions.sort(java.util.Comparator.reverseOrder());
            deletions.forEach(s::delete);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }

        List<RiskPoint> back = new ArrayList<>();
        ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(edited), fx.context,
                RegisterBaseline.of(register), back::add);
        assertTrue(report.clean(), () -> "problems: " + report.problems());
        assertEquals(List.copyOf(expected.values()), back);
        Set<Seen> seen = new HashSet<>();
        report.changes().forEach(c -> seen.add(Seen.of(c)));
        assertEquals(changes, seen, () -> "changes: " + report.changes());
        assertEquals(changes.size(), report.changes().size(), () -> "each change once: " + report.changes());
        RegisterChange factorChange = report.changes().stream()
                .filter(c -> c.kind() == RegisterChange.Kind.HAZARD_CHANGED).findFirst().orElseThrow();
        assertTrue(factorChange.detail().contains(factorDetail), factorChange.detail() + " names " + factorDetail);
        assertTrue(factorChange.message(Locale.CHINESE).contains("危险源 " + editedHazard), factorChange.message(Locale.CHINESE));
        // the stale score and level cells of the edited rows are corrected, with a warning naming the cell
        assertTrue(report.warnings().stream().allMatch(w -> w.column().equals(Text.column(new RegisterColumns(fx.context)
                .index(RegisterColumns.Col.SCORE))) || w.column().equals(Text.column(new RegisterColumns(fx.context)
                .index(RegisterColumns.Col.LEVEL)))), () -> "warnings: " + report.warnings());
    }

    /** Turns a copied row into a new hazard with one assessment (the latest, under a new id) and no measures. */
    private static Hazard newHazard(Sheet1 s, int row, String rp, String hz, String assessment, Assessment latest) {
        s.set(row, "风险点编号", rp);
        s.set(row, "危险源编号", hz);
        s.set(row, "评价编号", assessment);
        for (String h : List.of("历史评价", "管控层级", "责任单位", "待重新评价", "工程技术措施", "管理措施", "培训教育措施",
                "个体防护措施", "应急处置措施")) {
            s.set(row, h, "");
        }
        Hazard copy = Hazard.of(HazardId.of(hz), s.get(row, "危险有害因素"),
                Text.hazardCategory(s.get(row, "危险有害因素类别")).value().orElseThrow(), accidents(s.get(row, "可能导致的事故类型")),
                s.get(row, "原因"), s.get(row, "后果"));
        Assessment a = new Assessment(AssessmentId.of(assessment), latest.method(), latest.scheme(), latest.input(),
                latest.score(), latest.grade(), latest.kind(), latest.assessor(), latest.assessedAt());
        return copy.withHistory(List.of(a), Optional.empty());
    }

    private static Set<org.dualprevention.risk.AccidentType> accidents(String text) {
        Set<org.dualprevention.risk.AccidentType> out = java.util.EnumSet.noneOf(org.dualprevention.risk.AccidentType.class);
        for (String p : text.split("、")) {
            out.add(Text.accidentType(p).value().orElseThrow());
        }
        return out;
    }
}
