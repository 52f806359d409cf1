package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.document.Directory;
import org.dualprevention.analytics.PeriodReport;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.Statistics;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The ledger and the Art. 14 statistics table, read back with POI and checked against the model. */
class LedgerAndStatisticsTest {
    private static final DataFormatter FORMAT = new DataFormatter();
    private static final Instant START = Instant.parse("2026-01-05T01:00:00Z");

    private static List<String> cells(Sheet s, int r, int width) {
        List<String> out = new ArrayList<>();
        Row row = s.getRow(r);
        for (int i = 0; i < width; i++) {
            Cell c = row == null ? null : row.getCell(i);
            out.add(c == null ? "" : FORMAT.formatCellValue(c));
        }
        return out;
    }

    private static Map<RiskPointId, RiskPoint> byId(List<RiskPoint> register) {
        Map<RiskPointId, RiskPoint> byId = new HashMap<>();
        register.forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    /** Hidden dangers in every state, half of them on risk points of the register. */
    private static List<HiddenDanger> dangers(Fixtures fx, List<RiskPoint> register) {
        List<HiddenDanger> out = new ArrayList<>();
        Gen gen = fx.gen;
        for (int i = 0; i < 40; i++) {
            HiddenDangerState state = HiddenDangerState.values()[i % HiddenDangerState.values().length];
            Optional<RiskPoint> rp = gen.chance(0.5) ? Optional.of(gen.pick(register)) : Optional.empty();
            var h = gen.dangers(Fixtures.ZONE).history(fx.org, rp, state, gen.instant(START, Duration.ofDays(60)));
            out.add(h.get(h.size() - 1).next());
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> theLedgerPrintsPeopleByTheDirectorysNamesAndByIdOnlyWhereNoNameIsGiven() {
        return Seeds.cases("ledger-people", 4, gen -> {
            Fixtures fx = new Fixtures(gen);
            List<RiskPoint> register = fx.register(6);
            Map<RiskPointId, RiskPoint> byId = byId(register);
            List<HiddenDanger> dangers = dangers(fx, register);
            Directory directory = Directory.empty();
            Map<ActorId, String> named = new HashMap<>();
            for (HiddenDanger d : dangers) {
                List<ActorId> people = new ArrayList<>(List.of(d.reporter()));
                d.plan().ifPresent(p -> people.add(p.responsible()));
                d.acceptance().ifPresent(a -> people.add(a.acceptor()));
                for (ActorId a : people) {
                    if (!named.containsKey(a) && gen.chance(0.6)) {
                        String name = "张工" + named.size();
                        named.put(a, name);
                        directory = directory.withPerson(a, name);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LedgerWorkbook.write(out, fx.context.withDirectory(directory), LocalDate.of(2026, 6, 30), dangers,
                    id -> Optional.ofNullable(byId.get(id)));
            java.util.function.Function<ActorId, String> shown = a -> named.getOrDefault(a, a.value());
            int namedCells = 0;
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                Sheet s = wb.getSheet("隐患排查治理台账");
                assertEquals("上报人", cells(s, 0, LedgerWorkbook.Col.values().length)
                        .get(LedgerWorkbook.Col.REPORTER.ordinal()));
                for (int i = 0; i < dangers.size(); i++) {
                    HiddenDanger d = dangers.get(i);
                    List<String> row = cells(s, i + 1, LedgerWorkbook.Col.values().length);
                    assertEquals(shown.apply(d.reporter()), row.get(LedgerWorkbook.Col.REPORTER.ordinal()));
                    assertEquals(d.plan().map(p -> shown.apply(p.responsible())).orElse(""),
                            row.get(LedgerWorkbook.Col.RESPONSIBLE.ordinal()));
                    assertEquals(d.acceptance().map(a -> shown.apply(a.acceptor())).orElse(""),
                            row.get(LedgerWorkbook.Col.ACCEPTOR.ordinal()));
                    namedCells += named.containsKey(d.reporter()) ? 1 : 0;
                }
            }
            assertTrue(namedCells > 0, "the seed named no reporter: the test would prove nothing");
        });
    }

    @TestFactory
    Stream<DynamicTest> theLedgerListsEveryHiddenDangerWithTheFiveImplementationsAndTheRatesPerGrade() {
        return Seeds.cases("ledger", 4, gen -> {
            Fixtures fx = new Fixtures(gen);
            List<RiskPoint> register = fx.register(6);
            Map<RiskPointId, RiskPoint> byId = byId(register);
            List<HiddenDanger> dangers = dangers(fx, register);
            LocalDate asOf = LocalDate.of(2026, 6, 30);
            for (Locale locale : List.of(Locale.CHINESE, Locale.ENGLISH)) {
                boolean zh = locale == Locale.CHINESE;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                LedgerWorkbook.write(out, fx.context.withLocale(locale), asOf, dangers, id -> Optional.ofNullable(byId.get(id)));
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                    Sheet s = wb.getSheet(zh ? "隐患排查治理台账" : "Hidden-danger ledger");
                    List<String> headers = cells(s, 0, LedgerWorkbook.Col.values().length);
                    assertEquals(LedgerWorkbook.headers(zh), headers);
                    if (zh) {
                        for (String h : List.of("风险点", "区域编号", "所属单位", "整改责任人", "整改措施", "整改资金", "整改期限",
                                "应急预案", "验收人", "验收日期", "隐患等级")) {
                            assertTrue(headers.contains(h), h + " in " + headers);
                        }
                    }
                    assertEquals(dangers.size(), s.getLastRowNum());
                    for (int i = 0; i < dangers.size(); i++) {
                        HiddenDanger d = dangers.get(i);
                        List<String> row = cells(s, i + 1, headers.size());
                        assertEquals(d.id().value(), row.get(LedgerWorkbook.Col.ID.ordinal()));
                        assertEquals(d.state().displayName(locale), row.get(LedgerWorkbook.Col.STATE.ordinal()));
                        assertEquals(d.grade().map(g -> g.displayName(locale)).orElse(zh ? "未定级" : "not graded"),
                                row.get(LedgerWorkbook.Col.GRADE.ordinal()));
                        Optional<RiskPoint> rp = d.riskPoint().map(byId::get);
                        assertEquals(rp.map(RiskPoint::name).orElse(""), row.get(LedgerWorkbook.Col.RISK_POINT.ordinal()));
                        assertEquals(rp.flatMap(RiskPoint::zone).map(z -> z.value()).orElse(""),
                                row.get(LedgerWorkbook.Col.ZONE.ordinal()));
                        assertEquals(d.plan().map(p -> p.responsible().value()).orElse(""),
                                row.get(LedgerWorkbook.Col.RESPONSIBLE.ordinal()));
                        assertEquals(d.plan().map(p -> p.measures()).orElse(""), row.get(LedgerWorkbook.Col.MEASURES.ordinal()));
                        assertEquals(d.plan().map(p -> p.contingencyPlan()).orElse(""),
                                row.get(LedgerWorkbook.Col.CONTINGENCY.ordinal()));
                        assertEquals(d.plan().isPresent(), !row.get(LedgerWorkbook.Col.FUNDS.ordinal()).isEmpty());
                        assertEquals(d.deadline().map(LocalDate::toString).orElse(""), row.get(LedgerWorkbook.Col.DEADLINE.ordinal()));
                        assertEquals(d.acceptance().map(a -> a.acceptor().value()).orElse(""),
                                row.get(LedgerWorkbook.Col.ACCEPTOR.ordinal()));
                        assertEquals(d.completedOn().map(LocalDate::toString).orElse(""),
                                row.get(LedgerWorkbook.Col.RECTIFIED_ON.ordinal()));
                        assertEquals(d.acceptance().map(a -> LocalDate.ofInstant(a.closedAt(), Fixtures.ZONE).toString())
                                .orElse(""), row.get(LedgerWorkbook.Col.ACCEPTED_ON.ordinal()));
                        assertEquals(d.source().displayName(locale), row.get(LedgerWorkbook.Col.SOURCE.ordinal()));
                        assertEquals(RegisterWorkbook.unitNames(fx.context).get(d.unit()),
                                row.get(LedgerWorkbook.Col.UNIT.ordinal()));
                        assertEquals(d.foundOn().toString(), row.get(LedgerWorkbook.Col.FOUND_ON.ordinal()));
                        String overdue = row.get(LedgerWorkbook.Col.OVERDUE.ordinal());
                        assertEquals(d.isOverdue(asOf), !overdue.equals(zh ? "否" : "no"), overdue);
                        for (String cell : row) {
                            for (HiddenDangerState st : HiddenDangerState.values()) {
                                assertFalse(cell.equals(st.code()), "raw code " + cell);
                            }
                            assertFalse(cell.equals("general") || cell.equals("major"), "raw code " + cell);
                        }
                    }
                    // rates: an oracle from the model, counted apart from the workbook's code
                    Sheet rates = wb.getSheet(zh ? "整改率统计" : "Rectification rates");
                    Map<String, List<String>> byLabel = new HashMap<>();
                    for (int r = 1; r <= rates.getLastRowNum(); r++) {
                        List<String> row = cells(rates, r, 6);
                        byLabel.put(row.get(0), row);
                    }
                    for (HiddenDangerGrade g : HiddenDangerGrade.values()) {
                        List<HiddenDanger> of = dangers.stream().filter(d -> d.state() != HiddenDangerState.WITHDRAWN
                                && d.grade().equals(Optional.of(g))).toList();
                        long rectified = of.stream().filter(d -> d.completedOn().isPresent() || d.acceptance().isPresent()).count();
                        long closed = of.stream().filter(d -> d.state() == HiddenDangerState.CLOSED).count();
                        List<String> row = byLabel.get(g.displayName(locale));
                        assertEquals(List.of(g.displayName(locale), Long.toString(of.size()), Long.toString(rectified),
                                expectedPercent(rectified, of.size(), zh), Long.toString(closed),
                                expectedPercent(closed, of.size(), zh)), row);
                    }
                    long found = dangers.stream().filter(d -> d.state() != HiddenDangerState.WITHDRAWN).count();
                    assertEquals(Long.toString(found), byLabel.get(zh ? "合计" : "Total").get(1));
                }
            }
        });
    }

    private static String expectedPercent(long n, long d, boolean zh) {
        if (d == 0) {
            return zh ? "不适用" : "not applicable";
        }
        return java.math.BigDecimal.valueOf(n * 100).divide(java.math.BigDecimal.valueOf(d), 1,
                java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    @TestFactory
    Stream<DynamicTest> theQuarterlyTableHasARowPerSubUnitATotalTheDeadlineAndTheSignatureLine() {
        return Seeds.cases("statistics", 3, gen -> {
            Fixtures fx = new Fixtures(gen);
            List<RiskPoint> register = fx.register(6);
            Map<RiskPointId, RiskPoint> byId = byId(register);
            List<HiddenDanger> dangers = dangers(fx, register);
            OrgUnit root = fx.org.units().get(0);
            Statistics stats = Statistics.of(fx.org, Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), Fixtures.ZONE),
                    Fixtures.ZONE);
            PeriodReport report = stats.report(root.id(), ReportingPeriod.quarter(2026, 1),
                    HiddenDangerFact.project(dangers, byId, Fixtures.ZONE), List.of());
            for (Locale locale : List.of(Locale.CHINESE, Locale.ENGLISH)) {
                boolean zh = locale == Locale.CHINESE;
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                StatisticsWorkbook.write(out, fx.context.withLocale(locale), report);
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                    Sheet s = wb.getSheetAt(0);
                    assertEquals(zh ? "隐患排查治理统计分析表" : "Hidden-danger statistics", s.getSheetName());
                    assertEquals(zh ? "隐患排查治理统计分析表（2026 年第 1 季度）"
                            : "Hidden-danger investigation and governance statistics (Q1 2026)", cells(s, 0, 1).get(0));
                    assertTrue(cells(s, 3, 1).get(0).contains("2026-04-15"), cells(s, 3, 1).toString());
                    List<String> headers = zh ? StatisticsWorkbook.HEADERS_ZH : StatisticsWorkbook.HEADERS_EN;
                    assertEquals(headers, cells(s, 5, headers.size()));
                    List<UnitStatistics> rows = new ArrayList<>(report.rows());
                    rows.add(report.total());
                    for (int i = 0; i < rows.size(); i++) {
                        UnitStatistics u = rows.get(i);
                        List<String> row = cells(s, 6 + i, headers.size());
                        assertEquals(Long.toString(u.found()), row.get(1), "row " + i + " " + row);
                        assertEquals(Long.toString(u.majorFound()), row.get(3));
                        assertEquals(Long.toString(u.rectification().numerator()), row.get(4));
                        assertEquals(expectedPercent(u.rectification().numerator(), u.rectification().denominator(), zh),
                                row.get(5));
                        assertEquals(expectedPercent(u.rectificationOf("major").numerator(),
                                u.rectificationOf("major").denominator(), zh), row.get(7));
                        assertEquals(expectedPercent(u.closedLoop().numerator(), u.closedLoop().denominator(), zh), row.get(9));
                        assertEquals(Long.toString(u.overdueOpen()), row.get(11));
                        assertEquals(zh ? "不适用" : "not applicable", row.get(13), "no inspection tasks were given");
                    }
                    assertTrue(cells(s, 5 + rows.size(), 1).get(0).startsWith(zh ? "合计" : "Total"));
                    assertEquals(zh ? "单位主要负责人（签字）：" : "Principal (signature):", cells(s, 7 + rows.size(), 1).get(0));
                }
            }
        });
    }
}
