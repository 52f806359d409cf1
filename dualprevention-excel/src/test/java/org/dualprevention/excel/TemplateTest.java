package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.spi.AssessmentMethod;
import org.junit.jupiter.api.Test;

/** The empty template's headers and drop-downs, read back with POI's data validations. */
class TemplateTest {
    private static final DataFormatter FORMAT = new DataFormatter();

    private static List<String> namedList(XSSFWorkbook wb, String nameName) {
        Name name = wb.getName(nameName);
        assertTrue(name != null, "workbook name " + nameName);
        AreaReference area = new AreaReference(name.getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
        Sheet s = wb.getSheet(area.getFirstCell().getSheetName());
        List<String> out = new ArrayList<>();
        for (CellReference c : area.getAllReferencedCells()) {
            Row r = s.getRow(c.getRow());
            out.add(FORMAT.formatCellValue(r.getCell(c.getCol())));
        }
        return out;
    }

    @Test
    void theTemplateHasTheHeadersAndADropDownPerCodedColumnWithEachMethodsOwnScale() throws Exception {
        for (Locale locale : List.of(Locale.CHINESE, Locale.ENGLISH)) {
            boolean zh = locale == Locale.CHINESE;
            Fixtures fx = new Fixtures(7L);
            ExcelContext context = fx.context.withLocale(locale);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RegisterWorkbook.template(out, context);
            RegisterColumns cols = new RegisterColumns(context);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                XSSFSheet sheet = wb.getSheet(zh ? "风险分级管控清单" : "Risk register");
                List<String> headers = new ArrayList<>();
                for (int i = 0; i < cols.width(); i++) {
                    headers.add(FORMAT.formatCellValue(sheet.getRow(0).getCell(i)));
                }
                assertEquals(cols.headers(zh), headers);
                assertTrue(wb.isSheetHidden(wb.getSheetIndex(zh ? "取值范围" : "Allowed values")));
                Map<Integer, XSSFDataValidation> byColumn = new HashMap<>();
                for (XSSFDataValidation v : sheet.getDataValidations()) {
                    CellRangeAddress[] regions = v.getRegions().getCellRangeAddresses();
                    assertEquals(1, regions.length);
                    assertEquals(1, regions[0].getFirstRow(), "from the first data row");
                    assertEquals(Template.ROWS, regions[0].getLastRow());
                    assertEquals(regions[0].getFirstColumn(), regions[0].getLastColumn());
                    byColumn.put(regions[0].getFirstColumn(), v);
                }
                check(wb, byColumn, cols.index(RegisterColumns.Col.RP_KIND), DataValidation.ErrorStyle.STOP,
                        List.of(RiskPointKind.values()).stream().map(k -> k.displayName(locale)).toList());
                check(wb, byColumn, cols.index(RegisterColumns.Col.HZ_CATEGORY), DataValidation.ErrorStyle.STOP,
                        Text.KNOWN_CATEGORIES.stream().map(k -> k.displayName(locale)).toList());
                // several accident types may be entered, so the list warns and does not stop
                check(wb, byColumn, cols.index(RegisterColumns.Col.HZ_ACCIDENTS), DataValidation.ErrorStyle.WARNING,
                        List.of(AccidentType.values()).stream().map(k -> k.displayName(locale)).toList());
                assertEquals(20, AccidentType.values().length);
                check(wb, byColumn, cols.index(RegisterColumns.Col.LEVEL), DataValidation.ErrorStyle.STOP,
                        List.of(RiskLevel.values()).stream().map(k -> k.displayName(locale)).toList());
                check(wb, byColumn, cols.index(RegisterColumns.Col.METHOD), DataValidation.ErrorStyle.STOP,
                        Fixtures.METHODS.stream().map(m -> m.id().value()).toList());
                check(wb, byColumn, cols.index(RegisterColumns.Col.CONTROL_LEVEL), DataValidation.ErrorStyle.WARNING,
                        fx.org.levels().stream().map(l -> l.displayName(locale)).toList());
                // factors: the chosen method's own scale (LEC's L is not LS's L)
                String method = Text.column(cols.index(RegisterColumns.Col.METHOD));
                for (int i = 0; i < cols.factorKeys().size(); i++) {
                    XSSFDataValidation v = byColumn.get(cols.factorIndex(i));
                    assertTrue(v != null, "factor " + cols.factorKeys().get(i) + " has a drop-down");
                    String formula = v.getValidationConstraint().getFormula1();
                    assertTrue(formula.contains("INDIRECT(\"F_\"&SUBSTITUTE($" + method + "2"), formula);
                    assertTrue(formula.endsWith("\"_" + cols.factorKeys().get(i) + "\"))"), formula);
                }
                int scales = 0;
                for (AssessmentMethod m : Fixtures.METHODS) {
                    for (FactorDefinition f : m.factors()) {
                        assertEquals(f.values().stream().map(Text::number).toList(),
                                namedList(wb, Template.factorName(m.id().value(), f.key())), m.id() + " " + f.key());
                        scales++;
                    }
                }
                assertTrue(scales >= 12, "every built-in method's factors: " + scales);
                assertEquals(List.of("1", "2", "3", "4", "5"), namedList(wb, "F_LS_L"));
                assertEquals(List.of("0.1", "0.2", "0.5", "1", "3", "6", "10"), namedList(wb, "F_LEC_L"));
            }
            // the empty template imports as an empty register
            ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(out.toByteArray()), fx.context,
                    RegisterBaseline.none(), rp -> {
                        throw new AssertionError("no risk point in an empty template");
                    });
            assertEquals(0, report.rows());
            assertTrue(report.clean());
        }
    }

    private static void check(XSSFWorkbook wb, Map<Integer, XSSFDataValidation> byColumn, int column, int style,
            List<String> expected) {
        XSSFDataValidation v = byColumn.get(column);
        assertTrue(v != null, "column " + Text.column(column) + " has a drop-down");
        assertEquals(style, v.getErrorStyle(), "column " + Text.column(column));
        assertTrue(v.getShowErrorBox());
        assertEquals(expected, namedList(wb, v.getValidationConstraint().getFormula1()), "column " + Text.column(column));
    }
}
