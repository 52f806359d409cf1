package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.excel.RegisterColumns.Col;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The other hand edits: a risk point renamed on all its rows, and a measure line deleted. */
class RenameAndRemoveMeasureTest {

    @TestFactory
    Stream<DynamicTest> aRenamedRiskPointAndADeletedMeasureAreImportedAndReported() {
        return Seeds.cases("rename and remove a measure", 8, gen -> {
            Fixtures fx = new Fixtures(gen);
            List<RiskPoint> register = fx.register(10);
            RiskPoint renamed = register.get(0);
            RiskPoint mp = register.stream().skip(1).filter(r -> r.hazards().stream().anyMatch(h -> !h.measures().isEmpty()))
                    .findFirst().orElseThrow();
            Hazard mh = mp.hazards().stream().filter(h -> !h.measures().isEmpty()).findFirst().orElseThrow();
            ControlMeasure gone = mh.measures().get(gen.intBetween(0, mh.measures().size() - 1));
            List<ControlMeasure> left = new ArrayList<>(mh.measures());
            left.remove(gone);
            RegisterColumns cols = new RegisterColumns(fx.context);
            Map<OrgUnitId, String> units = RegisterWorkbook.unitNames(fx.context);
            byte[] edited;
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(fx.write(register)))) {
                Sheet s = wb.getSheetAt(0);
                for (int r = 1; r <= s.getLastRowNum(); r++) {
                    Row row = s.getRow(r);
                    String rp = text(row, cols.index(Col.RP_ID));
                    String hz = text(row, cols.index(Col.HZ_ID));
                    if (rp.equals(renamed.id().value())) {
                        row.createCell(cols.index(Col.RP_NAME)).setCellValue("改名后的风险点");
                    }
                    if (hz.equals(mh.id().value())) {
                        int mc = cols.index(measureColumn(gone));
                        String line = RegisterWorkbook.measureLine(gone, fx.context, units);
                        List<String> lines = new ArrayList<>(List.of(text(row, mc).split("\n")));
                        assertTrue(lines.remove(line), line + " in " + lines);
                        set(row, mc, String.join("\n", lines));
                        // the summary columns say what the remaining measures say
                        set(row, cols.index(Col.CONTROL_LEVEL), left.stream().map(m -> m.controlLevel().displayName(Locale.CHINESE))
                                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining("、")));
                        set(row, cols.index(Col.RESPONSIBLE_UNIT), left.stream().map(m -> units.get(m.responsibleUnit()))
                                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining("、")));
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                edited = out.toByteArray();
            }
            List<RiskPoint> back = new ArrayList<>();
            ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(edited), fx.context,
                    RegisterBaseline.of(register), back::add);
            assertTrue(report.clean(), () -> "problems: " + report.problems());
            List<RiskPoint> expected = new ArrayList<>(register);
            expected.set(0, renamed.withDetails("改名后的风险点", renamed.kind(), renamed.owningUnit(), renamed.zone()));
            expected.set(register.indexOf(mp), mp.withHazardChanged(mh.id(), h -> h.withMeasures(left)));
            assertEquals(expected, back);
            assertEquals(2, report.changes().size(), () -> "changes: " + report.changes());
            RegisterChange rename = report.changes().stream().filter(c -> c.kind() == RegisterChange.Kind.RISK_POINT_CHANGED)
                    .findFirst().orElseThrow();
            assertEquals(renamed.id(), rename.riskPoint());
            assertEquals("风险点名称：" + renamed.name() + " → 改名后的风险点", rename.detail());
            RegisterChange removed = report.changes().stream().filter(c -> c.kind() == RegisterChange.Kind.MEASURE_REMOVED)
                    .findFirst().orElseThrow();
            assertEquals(gone.id(), removed.measure().orElseThrow());
            assertEquals(mh.id(), removed.hazard().orElseThrow());
            assertEquals(mp.id(), removed.riskPoint());
        });
    }

    private static Col measureColumn(ControlMeasure m) {
        for (Col c : Col.values()) {
            if (c.measures == m.category()) {
                return c;
            }
        }
        throw new AssertionError(m.category());
    }

    private static String text(Row row, int c) {
        Cell cell = row.getCell(c);
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static void set(Row row, int c, String value) {
        if (value.isEmpty()) {
            Cell cell = row.getCell(c);
            if (cell != null) {
                row.removeCell(cell);
            }
        } else {
            row.createCell(c).setCellValue(value);
        }
    }
}
