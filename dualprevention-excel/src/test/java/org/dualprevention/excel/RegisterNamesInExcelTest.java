package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.engine.names.NameAlias;
import org.dualprevention.engine.names.NameKind;
import org.dualprevention.engine.names.RegisterNames;
import org.dualprevention.excel.RegisterColumns.Col;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardCategoryGroup;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.Test;

/**
 * The Excel reader reads accident types and hazard categories by the same names as core's {@link RegisterNames}
 * (which the CSV example and hosts use): every standard name in Chinese and English, every code and every alias
 * of the shipped table, written into a workbook of either language, is read as RegisterNames resolves it; an
 * ambiguous alias is refused with its candidates; and every label the workbook writes is a name RegisterNames knows.
 */
class RegisterNamesInExcelTest {
    private static final RegisterNames NAMES = RegisterNames.standard();
    private static final List<Locale> LANGUAGES = List.of(Locale.CHINESE, Locale.ENGLISH);

    private static List<String> accidentNames() {
        List<String> out = new ArrayList<>();
        for (AccidentType t : AccidentType.values()) {
            for (Locale l : LANGUAGES) {
                out.add(t.displayName(l));
            }
            out.add(t.code());
        }
        NAMES.aliases().stream().filter(a -> a.kind() == NameKind.ACCIDENT_TYPE && !a.ambiguous())
                .map(NameAlias::name).forEach(out::add);
        return out;
    }

    private static List<String> categoryNames() {
        List<String> out = new ArrayList<>();
        for (Locale l : LANGUAGES) {
            for (HazardCategoryGroup g : HazardCategoryGroup.values()) {
                out.add(g.displayName(l));
            }
            for (HazardCategory c : Text.KNOWN_CATEGORIES) {
                out.add(c.displayName(l));
            }
        }
        NAMES.aliases().stream().filter(a -> a.kind() == NameKind.HAZARD_CATEGORY && !a.ambiguous())
                .map(NameAlias::name).forEach(out::add);
        return out;
    }

    @Test
    void everyLabelTheWorkbookWritesIsANameRegisterNamesKnows() {
        for (Locale l : LANGUAGES) {
            for (AccidentType t : AccidentType.values()) {
                assertEquals(t, NAMES.accidentType(t.displayName(l)).value().orElse(null), l + " " + t);
            }
            for (HazardCategory c : Text.KNOWN_CATEGORIES) {
                assertEquals(c, NAMES.hazardCategory(c.displayName(l)).value().orElse(null), l + " " + c);
            }
        }
    }

    @Test
    void everyNameRegisterNamesResolvesIsReadFromAWorkbookOfEitherLanguage() throws Exception {
        List<String> accidents = accidentNames();
        List<String> categories = categoryNames();
        assertTrue(accidents.size() > 60 && categories.size() > 40, accidents.size() + " " + categories.size());
        for (Locale locale : LANGUAGES) {
            Fixtures fx = new Fixtures(31L);
            ExcelContext context = fx.context.withLocale(locale);
            List<RiskPoint> register = fx.register(80);
            Map<HazardId, String> catOf = new LinkedHashMap<>();
            Map<HazardId, List<String>> accOf = new LinkedHashMap<>();
            int i = 0;
            for (RiskPoint rp : register) {
                for (Hazard h : rp.hazards()) {
                    catOf.put(h.id(), categories.get(i % categories.size()));
                    accOf.put(h.id(), List.of(accidents.get((3 * i) % accidents.size()),
                            accidents.get((3 * i + 1) % accidents.size()), accidents.get((3 * i + 2) % accidents.size())));
                    i++;
                }
            }
            assertTrue(i >= categories.size() && 3 * i >= accidents.size(), "hazards enough to use every name once: " + i);
            byte[] edited = edit(context, register, catOf, accOf);
            List<RiskPoint> back = new ArrayList<>();
            ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(edited), context,
                    RegisterBaseline.none(), back::add);
            assertEquals(List.of(), report.problems(), locale.toString());
            assertEquals(register.size(), back.size(), locale.toString());
            int checked = 0;
            for (RiskPoint rp : back) {
                for (Hazard h : rp.hazards()) {
                    String cat = catOf.get(h.id());
                    assertEquals(NAMES.hazardCategory(cat).value().orElseThrow(), h.category(), locale + ": [" + cat + "]");
                    Set<AccidentType> expected = EnumSet.noneOf(AccidentType.class);
                    accOf.get(h.id()).forEach(n -> expected.add(NAMES.accidentType(n).value().orElseThrow()));
                    assertEquals(expected, h.accidentTypes(), locale + ": " + accOf.get(h.id()));
                    checked++;
                }
            }
            assertEquals(i, checked, locale.toString());
        }
    }

    @Test
    void anAmbiguousAliasIsRefusedWithItsCandidatesInTheReadersLanguage() throws Exception {
        for (Locale locale : LANGUAGES) {
            boolean zh = locale == Locale.CHINESE;
            Fixtures fx = new Fixtures(37L);
            ExcelContext context = fx.context.withLocale(locale);
            List<RiskPoint> register = fx.register(6);
            List<Hazard> hazards = register.stream().flatMap(r -> r.hazards().stream()).toList();
            assertTrue(hazards.size() >= 2, "two hazards");
            Map<HazardId, String> catOf = Map.of(hazards.get(0).id(), "管理缺陷");
            Map<HazardId, List<String>> accOf = Map.of(hazards.get(1).id(), List.of("触电", "爆炸"));
            byte[] edited = edit(context, register, catOf, accOf);
            ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(edited), context,
                    RegisterBaseline.none(), r -> { });
            CellProblem cat = report.problems().stream().filter(p -> p.value().equals("管理缺陷")).findFirst()
                    .orElseThrow(() -> new AssertionError(locale + ": " + report.problems()));
            assertTrue(cat.allowed().contains(zh ? "有歧义" : "ambiguous")
                    && cat.allowed().contains(HazardCategory.of("4").displayName(locale))
                    && cat.allowed().contains(HazardCategory.of("49").displayName(locale)), cat.allowed());
            CellProblem acc = report.problems().stream().filter(p -> p.value().equals("触电、爆炸")).findFirst()
                    .orElseThrow(() -> new AssertionError(locale + ": " + report.problems()));
            assertTrue(acc.allowed().contains(zh ? "有歧义" : "ambiguous")
                    && acc.allowed().contains(AccidentType.fromCode("15").displayName(locale)), acc.allowed());
            long heldBack = register.stream().filter(r -> r.hazards().contains(hazards.get(0))
                    || r.hazards().contains(hazards.get(1))).count();
            assertEquals(heldBack, report.quarantine().refusedItems(), report.problems().toString());
        }
    }

    /** Writes the register and sets the category and accident cells of the hazards named. */
    private static byte[] edit(ExcelContext context, List<RiskPoint> register, Map<HazardId, String> catOf,
            Map<HazardId, List<String>> accOf) throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        RegisterWorkbook.write(written, context, register);
        RegisterColumns cols = new RegisterColumns(context);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(written.toByteArray()))) {
            Sheet s = wb.getSheetAt(0);
            int hz = cols.index(Col.HZ_ID);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                if (row == null || row.getCell(hz) == null) {
                    continue;
                }
                HazardId id = HazardId.of(row.getCell(hz).getStringCellValue());
                if (catOf.containsKey(id)) {
                    row.createCell(cols.index(Col.HZ_CATEGORY)).setCellValue(catOf.get(id));
                }
                if (accOf.containsKey(id)) {
                    row.createCell(cols.index(Col.HZ_ACCIDENTS)).setCellValue(String.join("、", accOf.get(id)));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
