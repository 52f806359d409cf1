package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterWorkbookTest {
    private static final long SEED = 20_261_201L;

    @TempDir
    Path dir;

    private static List<String> row(Sheet s, int r) {
        DataFormatter f = new DataFormatter();
        List<String> out = new ArrayList<>();
        Row row = s.getRow(r);
        for (int i = 0; i < Math.max(row.getLastCellNum(), s.getRow(0).getLastCellNum()); i++) {
            Cell c = row.getCell(i);
            out.add(c == null ? "" : f.formatCellValue(c));
        }
        return out;
    }

    @Test
    void exportHasChineseHeadersLabelsAndLevelColours() throws Exception {
        Fixtures fx = new Fixtures(SEED);
        List<RiskPoint> register = fx.register(6);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(fx.write(register)))) {
            Sheet s = wb.getSheet("风险分级管控清单");
            List<String> headers = row(s, 0);
            for (String h : List.of("风险点名称", "危险有害因素", "可能导致的事故类型", "评价方法", "因子 L", "因子 E", "因子 C",
                    "因子 S", "风险值", "风险等级", "管控层级", "责任单位", "工程技术措施", "管理措施", "培训教育措施", "个体防护措施",
                    "应急处置措施")) {
                assertTrue(headers.contains(h), "seed " + SEED + ": header " + h + " in " + headers);
            }
            int level = headers.indexOf("风险等级");
            int accidents = headers.indexOf("可能导致的事故类型");
            int r = 1;
            int checked = 0;
            for (RiskPoint rp : register) {
                for (Hazard h : rp.hazards()) {
                    List<String> cells = row(s, r);
                    assertEquals(rp.name(), cells.get(headers.indexOf("风险点名称")), "seed " + SEED + " row " + (r + 1));
                    String types = cells.get(accidents);
                    for (AccidentType t : h.accidentTypes()) {
                        assertTrue(types.contains(t.displayName(Locale.CHINESE)), "seed " + SEED + ": " + types);
                        assertFalse(List.of(types.split("、")).contains(t.code()), "no raw code in " + types);
                    }
                    Assessment a = h.assessments().get(h.assessments().size() - 1);
                    assertEquals(a.level().displayName(Locale.CHINESE), cells.get(level));
                    XSSFCell cell = (XSSFCell) s.getRow(r).getCell(level);
                    assertEquals(a.level().rgb().substring(1).toUpperCase(Locale.ROOT),
                            cell.getCellStyle().getFillForegroundXSSFColor().getARGBHex().substring(2));
                    checked++;
                    r++;
                }
                if (rp.hazards().isEmpty()) {
                    r++;
                }
            }
            assertTrue(checked > 5, "seed " + SEED + ": only " + checked + " hazard rows");
        }
    }

    @Test
    void refusedRowsAreNamedByRowAndColumnAndTheirRiskPointIsHeldBack() throws Exception {
        Fixtures fx = new Fixtures(SEED);
        List<RiskPoint> register = fx.register(6);
        RiskPoint bad = register.stream().filter(r -> r.hazards().size() >= 2).findFirst().orElseThrow();
        byte[] edited;
        int badRow = -1;
        String kindColumn;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(fx.write(register)))) {
            Sheet s = wb.getSheetAt(0);
            List<String> headers = row(s, 0);
            int hz = headers.indexOf("危险源编号");
            int cat = headers.indexOf("风险等级");
            kindColumn = Text.column(headers.indexOf("可能导致的事故类型"));
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                if (row(s, r).get(hz).equals(bad.hazards().get(0).id().value())) {
                    badRow = r;
                }
            }
            s.getRow(badRow).getCell(headers.indexOf("可能导致的事故类型")).setCellValue("被车撞");
            assertTrue(cat > 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }
        List<RiskPoint> back = new ArrayList<>();
        ExcelImportReport report = RegisterWorkbook.read(Fixtures.file(dir, edited), fx.context, RegisterBaseline.none(),
                back::add);
        assertFalse(report.clean());
        CellProblem p = report.problems().get(0);
        assertEquals(badRow + 1, p.row());
        assertEquals(kindColumn, p.column());
        assertEquals("被车撞", p.value());
        assertTrue(p.allowed().contains(AccidentType.VEHICLE.displayName(Locale.CHINESE)), p.allowed());
        assertTrue(p.message(Locale.CHINESE).startsWith("第 " + (badRow + 1) + " 行 " + kindColumn + " 列"), p.message(Locale.CHINESE));
        // every row of the held-back risk point is listed
        long listedRows = report.problems().stream().map(CellProblem::row).distinct().count();
        assertEquals(bad.hazards().size(), listedRows, report.problems().toString());
        assertEquals(register.size() - 1, back.size());
        assertTrue(back.stream().noneMatch(r -> r.id().equals(bad.id())));
        assertEquals(RiskLevel.values().length, 4);
    }
}
