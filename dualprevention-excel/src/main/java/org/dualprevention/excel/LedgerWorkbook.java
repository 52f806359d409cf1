package org.dualprevention.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.Rate;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.json.support.NonClosingOutputStream;

/**
 * The hidden-danger ledger (隐患排查治理台账) as an .xlsx workbook: one row per hidden danger with its risk
 * point, zone and unit, grade and state, the five implementations of its rectification plan (责任人, 整改措施,
 * 整改资金, 整改期限, 应急预案; DOMAIN.md §5.2), the day rectified, the acceptance, and whether it is overdue;
 * and a second sheet with the rectification rate (整改率) and the closed-loop rate (闭环率) per grade
 * (一般 / 重大) and in total, counted over the ledger's rows with analytics' definitions (DOMAIN.md §10.3:
 * withdrawn ones are not counted; a rate over nothing is 不适用, never 0 % or 100 %).
 *
 * <p>Headers, labels and dates are Chinese by default, English with {@link ExcelContext#withLocale}; codes
 * are never shown. Written streaming (SXSSF): the hidden dangers are iterated once and only a window of
 * rows is held in memory.
 *
 * @since 0.1
 */
public final class LedgerWorkbook {
    static final String SHEET_ZH = "隐患排查治理台账";
    static final String SHEET_EN = "Hidden-danger ledger";
    static final String RATES_ZH = "整改率统计";
    static final String RATES_EN = "Rectification rates";

    /** The ledger's columns, in order. */
    enum Col {
        NO("序号", "No."),
        ID("隐患编号", "Hidden danger id"),
        TITLE("隐患名称", "Title"),
        DESCRIPTION("隐患描述", "Description"),
        FOUND_ON("发现日期", "Found on"),
        REPORTER("上报人", "Reported by"),
        SOURCE("隐患来源", "Source"),
        CATEGORY("隐患类别", "Category"),
        UNIT("所属单位", "Unit"),
        RISK_POINT("风险点", "Risk point"),
        ZONE("区域编号", "Zone id"),
        GRADE("隐患等级", "Grade"),
        STATE("状态", "State"),
        RESPONSIBLE("整改责任人", "Person responsible"),
        MEASURES("整改措施", "Measures"),
        FUNDS("整改资金", "Funds"),
        DEADLINE("整改期限", "Deadline"),
        CONTINGENCY("应急预案", "Contingency plan"),
        RECTIFIED_ON("整改完成日期", "Rectified on"),
        ACCEPTOR("验收人", "Accepted by"),
        ACCEPTED_ON("验收日期", "Accepted on"),
        OVERDUE("是否逾期", "Overdue");

        final String zh;
        final String en;

        Col(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        String header(boolean chinese) {
            return chinese ? zh : en;
        }
    }

    /** The columns of the rates sheet. */
    static final List<String> RATE_HEADERS_ZH = List.of("隐患等级", "发现隐患（不含撤销）", "已整改", "整改率", "已验收销号", "闭环率");
    static final List<String> RATE_HEADERS_EN = List.of("Grade", "Found (not withdrawn)", "Rectified", "Rectification rate",
            "Closed after acceptance", "Closed-loop rate");

    private LedgerWorkbook() {
    }

    /**
     * Writes the ledger, streaming.
     *
     * @param out where to write the .xlsx; not closed
     * @param context the organisation (units by name), zone and language
     * @param asOf the day the ledger is drawn up: overdue and the rates are as of this day
     * @param dangers the hidden dangers, in the order to list them; iterated once
     * @param riskPoints finds a hidden danger's risk point (for its name and zone), e.g. the storage's lookup
     * @throws UncheckedIOException if writing fails
     */
    public static void write(OutputStream out, ExcelContext context, LocalDate asOf, Iterable<HiddenDanger> dangers,
            Function<RiskPointId, Optional<RiskPoint>> riskPoints) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(riskPoints, "riskPoints");
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        wb.setCompressTempFiles(true);
        try {
            boolean zh = context.chinese();
            Sheet sheet = wb.createSheet(zh ? SHEET_ZH : SHEET_EN);
            CellStyle hs = RegisterWorkbook.header(wb);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            Row h = sheet.createRow(0);
            for (Col c : Col.values()) {
                Cell cell = h.createCell(c.ordinal());
                cell.setCellValue(c.header(zh));
                cell.setCellStyle(hs);
            }
            sheet.createFreezePane(0, 1);
            Map<OrgUnitId, String> units = RegisterWorkbook.unitNames(context);
            Map<Bucket, long[]> counts = new EnumMap<>(Bucket.class);
            int r = 1;
            for (HiddenDanger d : dangers) {
                Optional<RiskPoint> rp = d.riskPoint().flatMap(riskPoints);
                Row row = sheet.createRow(r);
                row.createCell(Col.NO.ordinal()).setCellValue(r);
                r++;
                Cells cells = new Cells(row);
                cells.put(Col.ID, FindingIds.shown(d, units, zh));
                cells.put(Col.TITLE, d.title());
                cells.put(Col.DESCRIPTION, d.description());
                cells.put(Col.FOUND_ON, d.foundOn().toString());
                cells.put(Col.REPORTER, context.person(d.reporter()));
                cells.put(Col.SOURCE, d.source().displayName(context.locale()));
                cells.put(Col.CATEGORY, d.category().map(c -> c.displayName(context.locale())).orElse(""));
                cells.put(Col.UNIT, units.getOrDefault(d.unit(), d.unit().value()));
                cells.put(Col.RISK_POINT, rp.map(RiskPoint::name).orElse(d.riskPoint().map(RiskPointId::value).orElse("")));
                cells.put(Col.ZONE, rp.flatMap(RiskPoint::zone).map(MapZoneId::value).orElse(""));
                cells.put(Col.GRADE, d.grade().map(g -> g.displayName(context.locale()))
                        .orElse(Text.pick(zh, "未定级", "not graded")));
                cells.put(Col.STATE, d.state().displayName(context.locale()));
                if (d.plan().isPresent()) {
                    RectificationPlan p = d.plan().get();
                    cells.put(Col.RESPONSIBLE, context.person(p.responsible()));
                    cells.put(Col.MEASURES, p.measures());
                    cells.put(Col.FUNDS, funds(p.funds(), zh));
                    cells.put(Col.CONTINGENCY, p.contingencyPlan());
                }
                cells.put(Col.DEADLINE, d.deadline().map(LocalDate::toString).orElse(""));
                cells.put(Col.RECTIFIED_ON, d.completedOn().map(LocalDate::toString).orElse(""));
                d.acceptance().ifPresent(a -> {
                    cells.put(Col.ACCEPTOR, context.person(a.acceptor()));
                    cells.put(Col.ACCEPTED_ON, LocalDate.ofInstant(a.closedAt(), context.zone()).toString());
                });
                cells.put(Col.OVERDUE, d.isOverdue(asOf)
                        ? Text.pick(zh, "逾期 " + d.daysOverdue(asOf) + " 天", "overdue by " + d.daysOverdue(asOf)
                                + (d.daysOverdue(asOf) == 1 ? " day" : " days"))
                        : Text.pick(zh, "否", "no"));
                count(counts, HiddenDangerFact.from(d, rp, context.zone()), asOf);
            }
            rates(wb, hs, counts, zh, context);
            wb.write(new NonClosingOutputStream(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                wb.close(); // also deletes the temporary files
            } catch (IOException e) {
                // nothing left to release that the caller could act on
            }
        }
    }

    /** Rows of the rates sheet. */
    enum Bucket {
        GENERAL, MAJOR, UNGRADED, TOTAL
    }

    private static void count(Map<Bucket, long[]> counts, HiddenDangerFact f, LocalDate asOf) {
        if (f.withdrawn() || f.reportedOn().isAfter(asOf)) {
            return;
        }
        Bucket b = HiddenDangerFact.MAJOR.equals(f.grade()) ? Bucket.MAJOR
                : HiddenDangerFact.GENERAL.equals(f.grade()) ? Bucket.GENERAL : Bucket.UNGRADED;
        for (Bucket x : List.of(b, Bucket.TOTAL)) {
            long[] c = counts.computeIfAbsent(x, k -> new long[3]);
            c[0]++;
            if (f.isRectifiedBy(asOf)) {
                c[1]++;
            }
            if (f.isClosedBy(asOf)) {
                c[2]++;
            }
        }
    }

    private static void rates(SXSSFWorkbook wb, CellStyle hs, Map<Bucket, long[]> counts, boolean zh, ExcelContext c) {
        Sheet s = wb.createSheet(zh ? RATES_ZH : RATES_EN);
        Row h = s.createRow(0);
        List<String> headers = zh ? RATE_HEADERS_ZH : RATE_HEADERS_EN;
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = h.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(hs);
        }
        int r = 1;
        for (Bucket b : Bucket.values()) {
            long[] n = counts.getOrDefault(b, new long[3]);
            if (b == Bucket.UNGRADED && n[0] == 0) {
                continue;
            }
            Row row = s.createRow(r++);
            String label = switch (b) {
                case GENERAL -> HiddenDangerGrade.GENERAL.displayName(c.locale());
                case MAJOR -> HiddenDangerGrade.MAJOR.displayName(c.locale());
                case UNGRADED -> Text.pick(zh, "未定级", "not graded");
                case TOTAL -> Text.pick(zh, "合计", "Total");
            };
            row.createCell(0).setCellValue(label);
            row.createCell(1).setCellValue((double) n[0]);
            row.createCell(2).setCellValue((double) n[1]);
            row.createCell(3).setCellValue(percent(Rate.of(n[1], n[0]), zh));
            row.createCell(4).setCellValue((double) n[2]);
            row.createCell(5).setCellValue(percent(Rate.of(n[2], n[0]), zh));
        }
    }

    /** A rate as people read it: {@code 75.0%}, or 不适用 when nothing was counted. */
    static String percent(Rate rate, boolean zh) {
        return rate.percent(1).map(p -> p.toPlainString() + "%").orElse(Text.pick(zh, "不适用", "not applicable"));
    }

    static String funds(Funds f, boolean zh) {
        String amount = Text.number(f.amount());
        if (zh && "CNY".equals(f.currency())) {
            return amount + " 元";
        }
        return amount + " " + f.currency();
    }

    /** Writes non-empty text cells of one row. */
    private static final class Cells {
        private final Row row;

        Cells(Row row) {
            this.row = row;
        }

        void put(Col col, String value) {
            if (!value.isEmpty()) {
                row.createCell(col.ordinal()).setCellValue(value);
            }
        }
    }

    static List<String> headers(boolean zh) {
        List<String> out = new ArrayList<>();
        for (Col c : Col.values()) {
            out.add(c.header(zh));
        }
        return out;
    }
}
