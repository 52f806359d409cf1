package org.dualprevention.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dualprevention.excel.RegisterColumns.Col;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.json.support.NonClosingOutputStream;

/** The empty register form with drop-down lists drawn from a hidden sheet of allowed values. */
final class Template {
    static final String LISTS_ZH = "取值范围";
    static final String LISTS_EN = "Allowed values";
    /** Rows that carry the drop-downs. */
    static final int ROWS = 5000;

    private Template() {
    }

    static void write(OutputStream out, ExcelContext c) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            boolean zh = c.chinese();
            RegisterColumns cols = new RegisterColumns(c);
            Sheet sheet = wb.createSheet(zh ? RegisterColumns.SHEET_ZH : RegisterColumns.SHEET_EN);
            Sheet lists = wb.createSheet(zh ? LISTS_ZH : LISTS_EN);
            Row h = sheet.createRow(0);
            CellStyle hs = RegisterWorkbook.header(wb);
            List<String> headers = cols.headers(zh);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = h.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(hs);
                sheet.setColumnWidth(i, 14 * 256);
            }
            sheet.createFreezePane(0, 1);
            Lists l = new Lists(wb, lists, sheet, zh);
            l.add(cols.index(Col.RP_KIND), Col.RP_KIND.header(zh),
                    List.of(RiskPointKind.values()).stream().map(k -> k.displayName(c.locale())).toList());
            List<String> units = new ArrayList<>(new LinkedHashSet<>(RegisterWorkbook.unitNames(c).values()));
            l.add(cols.index(Col.RP_UNIT), Col.RP_UNIT.header(zh), units);
            l.add(cols.index(Col.HZ_CATEGORY), Col.HZ_CATEGORY.header(zh),
                    Text.KNOWN_CATEGORIES.stream().map(k -> k.displayName(c.locale())).toList());
            l.add(cols.index(Col.HZ_ACCIDENTS), Col.HZ_ACCIDENTS.header(zh),
                    List.of(AccidentType.values()).stream().map(k -> k.displayName(c.locale())).toList(), true);
            l.add(cols.index(Col.METHOD), Col.METHOD.header(zh), c.methods().stream().map(m -> m.id().value()).toList());
            List<String> keys = cols.factorKeys();
            String methodColumn = Text.column(cols.index(Col.METHOD));
            for (int i = 0; i < keys.size(); i++) {
                Set<String> values = new LinkedHashSet<>();
                for (AssessmentMethod m : c.methods()) {
                    for (FactorDefinition f : m.factors()) {
                        if (f.key().equals(keys.get(i)) && f.isDiscrete()) {
                            List<String> scale = f.values().stream().map(Text::number).toList();
                            values.addAll(scale);
                            l.name(factorName(m.id().value(), f.key()), m.id().value() + " " + f.key(), scale);
                        }
                    }
                }
                if (!values.isEmpty()) {
                    // the method's own scale once the method is chosen; any method's value before
                    String union = l.name("list_factor_" + i, RegisterColumns.factorHeader(keys.get(i), zh),
                            new ArrayList<>(values));
                    String formula = "IF($" + methodColumn + "2=\"\"," + union + ",INDIRECT(\"F_\"&SUBSTITUTE($"
                            + methodColumn + "2,\"-\",\"_\")&\"_" + sanitize(keys.get(i)) + "\"))";
                    l.validate(cols.factorIndex(i), formula, DataValidation.ErrorStyle.STOP,
                            zh ? "因子取值" : "Factor value",
                            zh ? "请选择所选评价方法该因子的取值" : "Choose a value of this factor on the chosen method's scale");
                }
            }
            l.add(cols.index(Col.LEVEL), Col.LEVEL.header(zh),
                    List.of(RiskLevel.values()).stream().map(k -> k.displayName(c.locale())).toList());
            l.add(cols.index(Col.SCHEME), Col.SCHEME.header(zh), c.schemes().stream().map(GradingScheme::id)
                    .map(s -> s.value()).toList());
            l.add(cols.index(Col.KIND), Col.KIND.header(zh),
                    List.of(AssessmentKind.values()).stream().map(k -> k.displayName(c.locale())).toList());
            l.add(cols.index(Col.CONTROL_LEVEL), Col.CONTROL_LEVEL.header(zh),
                    c.organization().levels().stream().map(x -> x.displayName(c.locale())).toList(), true);
            l.add(cols.index(Col.RESPONSIBLE_UNIT), Col.RESPONSIBLE_UNIT.header(zh), units, true);
            wb.setSheetHidden(wb.getSheetIndex(lists), true);
            wb.write(new NonClosingOutputStream(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook name of a method's scale of a factor, as the template's INDIRECT formulas build it. */
    static String factorName(String method, String key) {
        return "F_" + sanitize(method.replace('-', '_')) + "_" + sanitize(key);
    }

    private static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9_.]", "_");
    }

    /** Writes each list into a column of the hidden sheet and binds a list validation to a register column. */
    private static final class Lists {
        private final XSSFWorkbook wb;
        private final Sheet lists;
        private final Sheet target;
        private final DataValidationHelper helper;
        private final boolean zh;
        private int column;

        Lists(XSSFWorkbook wb, Sheet lists, Sheet target, boolean zh) {
            this.wb = wb;
            this.zh = zh;
            this.lists = lists;
            this.target = target;
            this.helper = target.getDataValidationHelper();
        }

        void add(int targetColumn, String title, List<String> values) {
            add(targetColumn, title, values, false);
        }

        /**
         * A drop-down from a list; {@code several} for a column that may hold several values separated by
         * 「、」 (accident types, control levels, units): there the list helps and a warning asks, but does not stop.
         */
        void add(int targetColumn, String title, List<String> values, boolean several) {
            if (values.isEmpty()) {
                return;
            }
            String name = name("list_" + Text.column(column), title, values);
            validate(targetColumn, name, several ? DataValidation.ErrorStyle.WARNING : DataValidation.ErrorStyle.STOP,
                    title, several ? (zh ? "可填写多项，以「、」分隔" : "several values may be separated by 、") : "");
        }

        /** Writes a list into the next column of the hidden sheet under a workbook name; returns the name. */
        String name(String nameName, String title, List<String> values) {
            for (int i = 0; i <= values.size(); i++) {
                Row r = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
                r.createCell(column).setCellValue(i == 0 ? title : values.get(i - 1));
            }
            String letter = Text.column(column);
            Name name = wb.createName();
            name.setNameName(nameName);
            name.setRefersToFormula("'" + lists.getSheetName() + "'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1));
            column++;
            return nameName;
        }

        void validate(int targetColumn, String formula, int errorStyle, String title, String prompt) {
            DataValidationConstraint constraint = helper.createFormulaListConstraint(formula);
            DataValidation v = helper.createValidation(constraint, new CellRangeAddressList(1, ROWS, targetColumn, targetColumn));
            v.setShowErrorBox(true);
            v.setErrorStyle(errorStyle);
            v.createErrorBox(title, zh ? "不在可选范围内" : "not an allowed value");
            if (!prompt.isEmpty()) {
                v.setShowPromptBox(true);
                v.createPromptBox(title, prompt);
            }
            v.setSuppressDropDownArrow(true);
            target.addValidationData(v);
        }
    }

}
