package org.dualprevention.excel;

import java.util.Locale;
import java.util.Objects;

/**
 * One refused cell of an imported workbook, named the way people read a sheet: the row number Excel shows
 * and the column letter.
 *
 * @param sheet the sheet's name
 * @param row the row number as Excel shows it (the header is row 1)
 * @param column the column letter, e.g. {@code C}; empty when the problem is about the whole row
 * @param field the column's header, e.g. {@code 风险点类型}
 * @param value the cell's text as read (empty for an empty cell)
 * @param allowed what the cell may hold
 * @since 0.1
 */
public record CellProblem(String sheet, int row, String column, String field, String value, String allowed) {
    /** Validates the components. */
    public CellProblem {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(allowed, "allowed");
    }

    /**
     * The problem as a sentence, e.g. {@code 第 12 行 C 列（风险点类型）：「车间」不可接受；应为：场所/区域、设备设施、作业活动}.
     *
     * @param locale Chinese unless the language is English
     * @return the sentence
     */
    public String message(Locale locale) {
        if ("en".equals(locale.getLanguage())) {
            String where = column.isEmpty() ? "row " + row : "row " + row + " column " + column;
            return where + " (" + field + "): [" + value + "] not accepted; allowed: " + allowed;
        }
        String where = column.isEmpty() ? "第 " + row + " 行" : "第 " + row + " 行 " + column + " 列";
        return where + "（" + field + "）：「" + value + "」不可接受；应为：" + allowed;
    }

    /**
     * Where the cell is, e.g. {@code 风险分级管控清单 第 12 行 C 列（风险点类型）}: the source of a refusal in the
     * {@link org.dualprevention.json.QuarantineReport}.
     *
     * @param locale Chinese unless the language is English
     * @return the place
     */
    public String where(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        String at = en ? (column.isEmpty() ? "row " + row : "row " + row + " column " + column)
                : (column.isEmpty() ? "第 " + row + " 行" : "第 " + row + " 行 " + column + " 列");
        String what = field.isEmpty() ? "" : en ? " (" + field + ")" : "（" + field + "）";
        return (sheet.isEmpty() ? "" : sheet + " ") + at + what;
    }

    @Override
    public String toString() {
        return message(Locale.CHINESE);
    }
}
