package org.dualprevention.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.PeriodReport;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.json.support.NonClosingOutputStream;

/**
 * The quarterly or yearly statistics table of hidden-danger investigation and governance
 * (隐患排查治理统计分析表) that 16号令 Art. 14 asks each unit to send, signed by its principal, by the 15th of
 * the first month of the next quarter and by 31 January of the next year (DOMAIN.md §5.2), as an .xlsx
 * workbook: a title with the unit and the period, the deadline, one row per direct sub-unit and a total row
 * (合计), and a line for the principal's signature. Each row shows the hidden dangers found (general and
 * major), rectified and closed, the rectification rate (整改率) in total and per grade, the closed-loop rate
 * (闭环率), the on-time rectification rate, the overdue ones still open, the major ones with a governance
 * plan, the inspection completion rate and the mean days to close: the figures of analytics'
 * {@link UnitStatistics} (DOMAIN.md §10.3). A rate over nothing reads 不适用.
 *
 * <p>Chinese by default, English with {@link ExcelContext#withLocale}.
 *
 * @since 0.1
 */
public final class StatisticsWorkbook {
    static final String SHEET_ZH = "隐患排查治理统计分析表";
    static final String SHEET_EN = "Hidden-danger statistics";

    /** The table's columns after the unit, in order, with their headers in both languages. */
    static final List<String> HEADERS_ZH = List.of("单位", "排查出隐患", "一般隐患", "重大隐患", "已整改", "整改率",
            "一般隐患整改率", "重大隐患整改率", "已验收销号", "闭环率", "按期整改率", "逾期未整改", "重大隐患列入治理计划",
            "排查完成率", "平均闭环天数");
    static final List<String> HEADERS_EN = List.of("Unit", "Found", "General", "Major", "Rectified", "Rectification rate",
            "Rectification rate (general)", "Rectification rate (major)", "Closed after acceptance", "Closed-loop rate",
            "On-time rectification rate", "Overdue and open", "Major ones with a governance plan",
            "Inspection completion rate", "Mean days to close");

    private StatisticsWorkbook() {
    }

    /**
     * Writes the table.
     *
     * @param out where to write the .xlsx; not closed
     * @param context the organisation (units by name) and language
     * @param report the quarter's or year's figures, from {@code Statistics.report}
     * @throws UncheckedIOException if writing fails
     */
    public static void write(OutputStream out, ExcelContext context, PeriodReport report) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(report, "report");
        boolean zh = context.chinese();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet(zh ? SHEET_ZH : SHEET_EN);
            CellStyle hs = RegisterWorkbook.header(wb);
            Map<OrgUnitId, String> units = RegisterWorkbook.unitNames(context);
            List<String> headers = zh ? HEADERS_ZH : HEADERS_EN;
            Row title = s.createRow(0);
            Cell t = title.createCell(0);
            t.setCellValue(Text.pick(zh, "隐患排查治理统计分析表（" + period(report.period(), true) + "）",
                    "Hidden-danger investigation and governance statistics (" + period(report.period(), false) + ")"));
            t.setCellStyle(hs);
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
            String unit = units.getOrDefault(report.unit(), report.unit().value());
            s.createRow(1).createCell(0).setCellValue(Text.pick(zh, "填报单位：" + unit, "Reporting unit: " + unit));
            s.createRow(2).createCell(0).setCellValue(Text.pick(zh, "统计截至：" + report.total().asOf(),
                    "Figures as of: " + report.total().asOf()));
            s.createRow(3).createCell(0).setCellValue(report.deadline()
                    .map(d -> Text.pick(zh, "报送期限：" + d + "（《安全生产事故隐患排查治理暂行规定》第十四条）",
                            "Send by: " + d + " (Art. 14 of the interim provisions on hidden dangers, SAWS order 16)"))
                    .orElse(Text.pick(zh, "报送期限：无（非季度或年度）", "Send by: none (not a quarter or a year)")));
            Row h = s.createRow(5);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = h.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(hs);
                s.setColumnWidth(i, (i == 0 ? 20 : 12) * 256);
            }
            int r = 6;
            for (UnitStatistics u : report.rows()) {
                row(s.createRow(r++), units.getOrDefault(u.unit(), u.unit().value()), u, zh);
            }
            row(s.createRow(r++), Text.pick(zh, "合计（" + unit + "）", "Total (" + unit + ")"), report.total(), zh);
            r++;
            s.createRow(r).createCell(0).setCellValue(Text.pick(zh, "单位主要负责人（签字）：", "Principal (signature):"));
            s.getRow(r).createCell(headers.size() / 2).setCellValue(Text.pick(zh, "日期：", "Date:"));
            wb.write(new NonClosingOutputStream(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Row row, String unit, UnitStatistics u, boolean zh) {
        List<Object> cells = new ArrayList<>();
        cells.add(unit);
        cells.add(u.found());
        cells.add(u.byGrade().getOrDefault(HiddenDangerFact.GENERAL, 0L));
        cells.add(u.majorFound());
        cells.add(u.rectification().numerator());
        cells.add(LedgerWorkbook.percent(u.rectification(), zh));
        cells.add(LedgerWorkbook.percent(u.rectificationOf(HiddenDangerFact.GENERAL), zh));
        cells.add(LedgerWorkbook.percent(u.rectificationOf(HiddenDangerFact.MAJOR), zh));
        cells.add(u.closedLoop().numerator());
        cells.add(LedgerWorkbook.percent(u.closedLoop(), zh));
        cells.add(LedgerWorkbook.percent(u.onTimeRectification(), zh));
        cells.add(u.overdueOpen());
        cells.add(u.majorPlanned());
        cells.add(LedgerWorkbook.percent(u.inspectionCompletion(), zh));
        cells.add(u.meanDaysToClose().map(BigDecimal::toPlainString).orElse(Text.pick(zh, "不适用", "not applicable")));
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v instanceof Long n) {
                row.createCell(i).setCellValue(n);
            } else {
                row.createCell(i).setCellValue(String.valueOf(v));
            }
        }
    }

    /** The period as people name it: 2026 年第 1 季度, 2026 年度; Q1 2026, 2026. */
    static String period(ReportingPeriod p, boolean zh) {
        return switch (p.kind()) {
            case QUARTER -> zh ? p.start().getYear() + " 年第 " + ((p.start().getMonthValue() - 1) / 3 + 1) + " 季度"
                    : "Q" + ((p.start().getMonthValue() - 1) / 3 + 1) + " " + p.start().getYear();
            case YEAR -> zh ? p.start().getYear() + " 年度" : Integer.toString(p.start().getYear());
            case MONTH -> zh ? p.start().getYear() + " 年 " + p.start().getMonthValue() + " 月"
                    : p.start().getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                            + p.start().getYear();
            case CUSTOM -> zh ? p.start() + " 至 " + p.lastDay() : p.start() + " to " + p.lastDay();
        };
    }
}
