package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.inspection.InspectionScheduler;
import org.dualprevention.engine.inspection.RoutineCadence;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.query.PageRequest;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/**
 * A hidden danger that a routine inspection reported has the engine's id, {@code routine.<unit>@<day>/<shift>/<item>}
 * (English words and codes, kept because stored data depends on it); the ledger shows it by names in its language.
 */
class FindingIdsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final OrgUnitId C = OrgUnitId.of("C");
    private static final OrgUnitId P = OrgUnitId.of("P");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Test
    void aRoutineFindingIsShownByNamesInBothLanguages() throws Exception {
        Organization org = Organization.of(List.of(OrgUnit.root(C, "化工公司", ControlLevel.COMPANY),
                OrgUnit.child(P, "一号罐区岗位", ControlLevel.POST, C)));
        DualPrevention dp = DualPrevention.builder().storage(InMemoryStorage.create())
                .clock(Clock.fixed(DAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE)).discover(false).build();
        dp.register().saveOrganization(org);
        // the engine's routine plan of the post (its id and per-shift schedule), with one checklist item
        InspectionPlan routine = InspectionScheduler.routinePlans(org, RoutineCadence.defaults(), DAY).stream()
                .filter(p -> p.unit().equals(P)).findFirst().orElseThrow();
        InspectionItem exit = InspectionItem.checklist(InspectionItemId.of("EXIT-1"), "安全出口", "畅通",
                ChecklistClass.ON_SITE);
        dp.inspections().savePlan(InspectionPlan.of(routine.id(), routine.name(), routine.kind(), P, routine.schedule(),
                List.of(exit), DAY, Optional.empty()));
        dp.inspections().scheduleTasks(DAY.atStartOfDay(ZONE).toInstant(), DAY.plusDays(1).atStartOfDay(ZONE).toInstant());
        InspectionTask task = dp.inspections().tasksDue(DAY.atStartOfDay(ZONE).toInstant(),
                DAY.plusDays(1).atStartOfDay(ZONE).toInstant(), PageRequest.first(10)).items().get(0);
        InspectionTask recorded = dp.inspections().recordTask(task.id(), Actor.of(ActorId.of("w1"), P),
                List.of(ItemResult.failed(exit.id(), "堵塞", List.of())));
        HiddenDanger finding = dp.hiddenDangers().find(recorded.record().orElseThrow().results().get(0).hiddenDanger()
                .orElseThrow()).orElseThrow();
        assertEquals("routine.P@2026-11-02/day/EXIT-1", finding.id().value(), "the engine's id scheme this test reads");

        ExcelContext context = ExcelContext.of(org, Fixtures.METHODS, BuiltInSchemes.all(), ZONE);
        assertEquals("日常排查｜一号罐区岗位｜2026-11-02 白班｜检查项 EXIT-1", idCell(context, finding));
        assertEquals("Routine inspection｜一号罐区岗位｜2026-11-02 day shift｜item EXIT-1",
                idCell(context.withLocale(Locale.ENGLISH), finding));
    }

    @Test
    void everyPeriodOfTheSchedulerHasWordsAndOtherIdsStayAsTheyAre() {
        assertEquals("", FindingIds.period("once", true));
        assertEquals("2026-11-02", FindingIds.period("2026-11-02", true));
        assertEquals("2026-11-02 白班", FindingIds.period("2026-11-02/day", true));
        assertEquals("2026-11-02 night", FindingIds.period("2026-11-02/night", true), "a host's shift by its own code");
        assertEquals("2026 年第 5 周", FindingIds.period("2026-W05", true));
        assertEquals("week 5 of 2026", FindingIds.period("2026-W05", false));
        assertEquals("2026 年 3 月", FindingIds.period("2026-03", true));
        assertEquals("2026 年第 4 季度", FindingIds.period("2026-Q4", true));
        assertEquals("Q4 2026", FindingIds.period("2026-Q4", false));
    }

    private static String idCell(ExcelContext context, HiddenDanger d) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerWorkbook.write(out, context, DAY, List.of(d), id -> Optional.empty());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            String shown = new DataFormatter().formatCellValue(wb.getSheetAt(0).getRow(1)
                    .getCell(LedgerWorkbook.Col.ID.ordinal()));
            assertFalse(shown.contains("routine.") || shown.contains("@") || shown.contains("/day"), shown);
            assertTrue(shown.contains("EXIT-1"), shown);
            return shown;
        }
    }
}
