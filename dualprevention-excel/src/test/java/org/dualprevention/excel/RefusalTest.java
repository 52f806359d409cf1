package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.json.DocumentSink;
import org.dualprevention.json.DocumentSource;
import org.dualprevention.json.GradingSchemeRef;
import org.dualprevention.json.ImportOptions;
import org.dualprevention.json.QuarantineReport;
import org.dualprevention.json.RegisterDocument;
import org.dualprevention.json.RegisterHeader;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Refused cells give the JSON import's quarantine report: the same pointers into the register document, the
 * cell named as people read it in {@code source}, stored claims kept beside the recomputed ones.
 */
class RefusalTest {
    private static final DataFormatter FORMAT = new DataFormatter();

    private static int col(Sheet s, String header) {
        for (int i = 0; i < s.getRow(0).getLastCellNum(); i++) {
            if (FORMAT.formatCellValue(s.getRow(0).getCell(i)).equals(header)) {
                return i;
            }
        }
        throw new AssertionError(header);
    }

    private static int rowOf(Sheet s, int col, String value) {
        for (int r = 1; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row != null && row.getCell(col) != null && FORMAT.formatCellValue(row.getCell(col)).equals(value)) {
                return r;
            }
        }
        throw new AssertionError(value);
    }

    @Test
    void refusedCellsAreListedWithThePointersOfTheJsonImportAndTheirCells() throws Exception {
        Seeds.run(Seeds.base(), gen -> {
            Fixtures fx = new Fixtures(gen);
            List<RiskPoint> register = fx.register(12);
            // three risk points with hazards: a LEC one for a bad factor, one for a bad accident type, one for a stale score
            RiskPoint lec = register.stream().filter(r -> !r.hazards().isEmpty()
                    && last(r.hazards().get(0)).method().value().equals("LEC")).findFirst().orElseThrow();
            List<RiskPoint> others = register.stream().filter(r -> r != lec && !r.hazards().isEmpty()).toList();
            RiskPoint accidents = others.get(0);
            RiskPoint stale = others.get(1);
            int lecIndex = register.indexOf(lec);
            Hazard lh = lec.hazards().get(0);
            int n = lh.assessments().size() - 1;
            byte[] edited;
            int factorRow;
            int accidentRow;
            int staleRow;
            String factorColumn;
            String accidentColumn;
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(fx.write(register)))) {
                Sheet s = wb.getSheetAt(0);
                int hz = col(s, "危险源编号");
                factorRow = rowOf(s, hz, lh.id().value());
                int e = col(s, "因子 E");
                factorColumn = Text.column(e);
                s.getRow(factorRow).getCell(e).setCellValue("7");
                accidentRow = rowOf(s, hz, accidents.hazards().get(0).id().value());
                int acc = col(s, "可能导致的事故类型");
                accidentColumn = Text.column(acc);
                s.getRow(accidentRow).getCell(acc).setCellValue("被车撞");
                staleRow = rowOf(s, hz, stale.hazards().get(0).id().value());
                s.getRow(staleRow).getCell(col(s, "风险值")).setCellValue(99999);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                edited = out.toByteArray();
            }
            List<RiskPoint> back = new ArrayList<>();
            ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(edited), fx.context,
                    RegisterBaseline.none(), back::add);
            QuarantineReport q = report.quarantine();
            assertEquals(register.size(), q.itemsRead());
            assertEquals(register.size() - 2, q.imported());
            assertEquals(2, q.refusedItems());
            assertEquals(register.size() - 2, back.size());

            QuarantineReport.Refusal factor = q.refused().stream().filter(r -> r.field().equals("E")).findFirst().orElseThrow();
            String pointer = "/riskPoints/" + lecIndex + "/hazards/0/assessments/" + n + "/input/E";
            assertEquals(pointer, factor.pointer());
            assertEquals(lec.id().value(), factor.itemId());
            assertEquals(lecIndex, factor.item());
            assertEquals("7", factor.value());
            assertEquals("风险分级管控清单 第 " + (factorRow + 1) + " 行 " + factorColumn + " 列（因子 E）", factor.source());

            QuarantineReport.Refusal accident = q.refused().stream().filter(r -> r.field().equals("accidentTypes"))
                    .findFirst().orElseThrow();
            assertEquals("/riskPoints/" + register.indexOf(accidents) + "/hazards/0/accidentTypes", accident.pointer());
            assertEquals("被车撞", accident.value());
            assertTrue(accident.allowed().contains(AccidentType.VEHICLE.displayName(Locale.CHINESE)), accident.allowed());
            assertTrue(accident.source().startsWith("风险分级管控清单 第 " + (accidentRow + 1) + " 行 " + accidentColumn + " 列"),
                    accident.source());
            // every row of a held-back risk point is listed, so nothing is dropped without a line
            Set<String> heldBack = Set.of(lec.id().value(), accidents.id().value());
            assertEquals(heldBack, q.refused().stream().map(QuarantineReport.Refusal::itemId).collect(Collectors.toSet()));
            assertEquals(lec.hazards().size() + accidents.hazards().size(), q.refused().stream()
                    .filter(r -> r.field().isEmpty()).count(), q.refused().toString());

            // the stale score: imported with the recomputed values, the stored claim kept beside them
            QuarantineReport.Recomputation rc = q.recomputed().stream().filter(x -> x.itemId().equals(stale.id().value()))
                    .findFirst().orElseThrow();
            Assessment sa = last(stale.hazards().get(0));
            assertEquals("99999", rc.storedScore());
            assertEquals(0, new BigDecimal(rc.recomputedScore()).compareTo(sa.score().value()));
            assertEquals(sa.level().code(), rc.recomputedLevel());
            assertEquals(sa.level().code(), rc.storedLevel());
            assertEquals("/riskPoints/" + register.indexOf(stale) + "/hazards/0/assessments/"
                    + (stale.hazards().get(0).assessments().size() - 1), rc.pointer());
            assertTrue(back.contains(RegisterWorkbook.canonical(stale)), "the stale row's risk point is imported as recomputed");
            assertFalse(q.clean());

            // the CSV has a line per refusal and recomputation, naming the cell
            StringBuilder csv = new StringBuilder();
            q.writeCsv(csv);
            assertTrue(csv.toString().contains(factor.source()), csv.toString());
            assertEquals(1 + q.refused().size() + q.recomputed().size(), csv.toString().split("\r\n").length);

            // the JSON import of the same register, with the same bad factor, refuses it at the same pointer
            List<Hazard> hazards = new ArrayList<>(lec.hazards());
            Assessment la = last(lh);
            List<Assessment> history = new ArrayList<>(lh.assessments());
            history.set(n, new Assessment(la.id(), la.method(), la.scheme(), la.input().with("E", new BigDecimal(7)),
                    la.score(), la.grade(), la.kind(), la.assessor(), la.assessedAt()));
            hazards.set(0, lh.withHistory(history, lh.reassessment()));
            List<RiskPoint> bad = new ArrayList<>(register);
            bad.set(lecIndex, lec.withHazards(hazards));
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            RegisterDocument.write(json, new RegisterHeader(fx.org, fx.context.schemes().stream()
                    .map(GradingSchemeRef::of).toList()), bad);
            QuarantineReport jq = RegisterDocument.quarantine(DocumentSource.of(json.toByteArray()),
                    fx.context.providers(), ImportOptions.defaults(), new DocumentSink<RegisterHeader, RiskPoint>() {
                        @Override
                        public void begin(RegisterHeader header) {
                        }

                        @Override
                        public void accept(List<RiskPoint> batch) {
                        }
                    });
            assertTrue(jq.refused().stream().anyMatch(r -> r.pointer().equals(pointer) && r.field().equals("E")),
                    jq.refused().toString());
        });
    }

    private static Assessment last(Hazard h) {
        return h.assessments().get(h.assessments().size() - 1);
    }
}
