package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.excel.RegisterColumns.Col;
import org.dualprevention.json.QuarantineReport;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every column that is read, given a value it cannot hold: the refusal names that row and column letter,
 * the pointer ends in the field of the register document, only that risk point is held back.
 */
class ColumnRefusalTest {

    static Stream<Arguments> badCells() {
        return Stream.of(
                Arguments.of(Col.RP_ID, "", "id"),
                Arguments.of(Col.RP_NAME, "", "name"),
                Arguments.of(Col.RP_KIND, "车间", "kind"),
                Arguments.of(Col.RP_UNIT, "不存在的单位", "owningUnit"),
                Arguments.of(Col.RP_ZONE, "z".repeat(200), "zone"),
                Arguments.of(Col.HZ_ID, "", "id"),
                Arguments.of(Col.HZ_DESC, "", "description"),
                Arguments.of(Col.HZ_CATEGORY, "其它", "category"),
                Arguments.of(Col.HZ_ACCIDENTS, "触电、被车撞", "accidentTypes"),
                Arguments.of(Col.METHOD, "XYZ", "method"),
                Arguments.of(Col.SCHEME, "NO-SUCH-SCHEME", "scheme"),
                Arguments.of(Col.KIND, "随便评评", "kind"),
                Arguments.of(Col.ASSESSOR, "", "assessor"),
                Arguments.of(Col.ASSESSED_AT, "昨天", "assessedAt"),
                Arguments.of(Col.ASSESSMENT_ID, "", "id"),
                Arguments.of(Col.HISTORY, "只有一段文字", "assessments"),
                Arguments.of(Col.CONTROL_LEVEL, "宇宙级", "measures"),
                Arguments.of(Col.MANAGEMENT, "没有编号的措施", "measures"),
                Arguments.of(Col.REASSESSMENT, "原因", "reassessment"));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @MethodSource("badCells")
    void aBadCellIsRefusedAtItsRowAndColumnAndHoldsBackOnlyItsRiskPoint(Col col, String bad, String field) throws Exception {
        Fixtures fx = new Fixtures(11L);
        List<RiskPoint> register = fx.register(8);
        RiskPoint target = register.stream().filter(r -> r.hazards().size() >= 1).findFirst().orElseThrow();
        Hazard h = target.hazards().get(0);
        RegisterColumns cols = new RegisterColumns(fx.context);
        int c = cols.index(col);
        int row = -1;
        byte[] edited;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(fx.write(register)))) {
            Sheet s = wb.getSheetAt(0);
            int hz = cols.index(Col.HZ_ID);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Row x = s.getRow(r);
                if (x.getCell(hz) != null && x.getCell(hz).getStringCellValue().equals(h.id().value())) {
                    row = r;
                }
            }
            if (bad.isEmpty()) {
                if (s.getRow(row).getCell(c) != null) {
                    s.getRow(row).removeCell(s.getRow(row).getCell(c));
                }
            } else {
                s.getRow(row).createCell(c).setCellValue(bad);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }
        List<RiskPoint> back = new ArrayList<>();
        ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(edited), fx.context,
                RegisterBaseline.of(register), back::add);
        int excelRow = row + 1;
        assertTrue(report.problems().stream().anyMatch(p -> p.row() == excelRow && p.column().equals(Text.column(c))),
                () -> col + ": " + report.problems());
        QuarantineReport q = report.quarantine();
        assertEquals(1, q.refusedItems(), () -> col + ": " + q.refused());
        // a risk point whose id cell was emptied is refused under no id, and the baseline's one is missing from the sheet
        String itemId = col == Col.RP_ID ? "" : target.id().value();
        assertTrue(q.refused().stream().anyMatch(r -> r.field().equals(field) && r.itemId().equals(itemId)
                && r.source().contains("第 " + excelRow + " 行 " + Text.column(c) + " 列")), () -> col + ": " + q.refused());
        List<RiskPoint> expected = new ArrayList<>(register);
        expected.remove(target);
        assertEquals(expected, back, col + ": the other risk points are imported unchanged");
        if (col == Col.RP_ID) {
            assertEquals(List.of(RegisterChange.Kind.RISK_POINT_REMOVED),
                    report.changes().stream().map(RegisterChange::kind).toList());
        } else {
            assertTrue(report.changes().isEmpty(), () -> "a held-back risk point is not reported as removed: " + report.changes());
        }
    }

    @ParameterizedTest(name = "repeated {0}")
    @MethodSource("idColumns")
    void aRepeatedIdIsRefusedAtItsSecondPlace(Col col) throws Exception {
        Fixtures fx = new Fixtures(13L);
        List<RiskPoint> register = fx.register(10);
        List<RiskPoint> withHazards = register.stream().filter(r -> !r.hazards().isEmpty()).toList();
        RiskPoint first = withHazards.get(0);
        RiskPoint second = withHazards.get(withHazards.size() - 1);
        RegisterColumns cols = new RegisterColumns(fx.context);
        int c = cols.index(col);
        int hz = cols.index(Col.HZ_ID);
        byte[] edited;
        int row = -1;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(fx.write(register)))) {
            Sheet s = wb.getSheetAt(0);
            String firstValue = null;
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Row x = s.getRow(r);
                String h = x.getCell(hz) == null ? "" : x.getCell(hz).getStringCellValue();
                if (h.equals(first.hazards().get(0).id().value())) {
                    firstValue = x.getCell(c).getStringCellValue();
                }
                if (h.equals(second.hazards().get(0).id().value())) {
                    row = r;
                }
            }
            s.getRow(row).createCell(c).setCellValue(firstValue);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }
        int excelRow = row + 1;
        ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(edited), fx.context,
                RegisterBaseline.none(), rp -> { });
        assertTrue(report.problems().stream().anyMatch(p -> p.row() == excelRow && p.column().equals(Text.column(c))
                && p.allowed().contains("只出现一次")), () -> col + ": " + report.problems());
        assertEquals(register.size() - 1, report.imported(), () -> col + ": " + report.problems());
    }

    static Stream<Col> idColumns() {
        return Stream.of(Col.HZ_ID, Col.ASSESSMENT_ID);
    }
}
