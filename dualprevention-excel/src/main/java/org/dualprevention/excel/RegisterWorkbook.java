package org.dualprevention.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.json.support.NonClosingOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The risk register as an .xlsx workbook in the form of the 风险分级管控清单: one row per hazard, with its
 * risk point, category and accident types, the method with its factors and score, the level with its colour,
 * control levels and responsible units, and the control measures by category (engineering, management,
 * training, personal protection, emergency). Also an empty template with drop-down validation.
 *
 * <h2>Layout</h2>
 * One row per hazard; a risk point without hazards has one row with the hazard columns empty. The rows of one
 * risk point are adjacent. The hazard's latest assessment fills the method, factor ({@code 因子 L} …), score,
 * grade and level columns; earlier ones are lines of {@code 历史评价}. Each control measure is one line of
 * its category's column: {@code 描述（编号：M-1；管控层级：公司级；责任单位：生产部；检查标准：…）}. Units are
 * shown by name (by id where two units share a name); enum values by their labels, never by code.
 *
 * <h2>Import</h2>
 * {@link #read} streams the sheet (POI's SAX event API) and rebuilds each risk point from its rows, checking
 * every cell: labels of both languages are accepted; ids must be unique; units must be in the organisation;
 * method and scheme must be installed, the scheme must grade the method, and the factors must be allowed
 * values, as in the JSON register import. The score, grade and level cells are derived: they are recomputed,
 * and a cell that disagrees is a warning, not a refusal (a hand-edited factor is expected to leave them
 * stale). A risk point with any problem is held back whole, and each of its rows is listed; the others are
 * delivered.
 *
 * @since 0.1
 */
public final class RegisterWorkbook {
    private static final int WINDOW = 200;

    private RegisterWorkbook() {
    }

    /**
     * Writes the register, streaming: the risk points are iterated once and at most a few hundred rows are
     * held in memory.
     *
     * @param out where to write the .xlsx; not closed
     * @param context the organisation, providers, zone and language
     * @param riskPoints the risk points, in the order to write them
     * @throws UncheckedIOException if writing fails
     */
    public static void write(OutputStream out, ExcelContext context, Iterable<RiskPoint> riskPoints) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(riskPoints, "riskPoints");
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        wb.setCompressTempFiles(true);
        try {
            new Writer(wb, context).write(riskPoints);
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

    /**
     * Imports a register workbook from a file, streaming. Valid risk points go to {@code sink} one by one, in
     * sheet order; rows of risk points with problems are held back and listed in the report.
     *
     * @param file the .xlsx file
     * @param context the organisation, providers, zone and language of the messages
     * @param baseline the register being replaced, to report changes against; {@link RegisterBaseline#none()} for none
     * @param sink receives each accepted risk point (version 0 for a new one, the baseline's version otherwise)
     * @return every problem, warning and change
     * @throws ExcelImportException if the file is not a workbook of this form at all
     */
    public static ExcelImportReport read(Path file, ExcelContext context, RegisterBaseline baseline,
            Consumer<RiskPoint> sink) {
        Objects.requireNonNull(file, "file");
        RegisterReader r = new RegisterReader(context, baseline, sink);
        String sheet = Sheets.read(file, List.of(RegisterColumns.SHEET_ZH, RegisterColumns.SHEET_EN), r::sheet, r::row);
        return r.finish(sheet);
    }

    /**
     * Imports a register workbook from a stream: copies it to a temporary file (a zip is read by random
     * access) and reads that as {@link #read(Path, ExcelContext, RegisterBaseline, Consumer)} does.
     *
     * @param in the .xlsx bytes; not closed
     * @param context the organisation, providers, zone and language of the messages
     * @param baseline the register being replaced
     * @param sink receives each accepted risk point
     * @return every problem, warning and change
     */
    public static ExcelImportReport read(InputStream in, ExcelContext context, RegisterBaseline baseline,
            Consumer<RiskPoint> sink) {
        Objects.requireNonNull(in, "in");
        Path tmp = null;
        try {
            tmp = Files.createTempFile("dualprevention-import", ".xlsx");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return read(tmp, context, baseline, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left in the temporary directory; the operating system cleans it
                }
            }
        }
    }

    /**
     * Writes an empty register workbook: the header row and drop-down lists (data validation) for the risk
     * point kinds, hazard categories, accident types, methods, factor values, levels, assessment kinds,
     * grading schemes and units, taken from a hidden sheet of allowed values.
     *
     * @param out where to write the .xlsx; not closed
     * @param context the organisation, providers and language
     */
    public static void template(OutputStream out, ExcelContext context) {
        Objects.requireNonNull(out, "out");
        Template.write(out, context);
    }

    /**
     * The risk point as the register form holds it: each hazard's control measures ordered by category
     * (engineering, management, training, personal protection, emergency, the order of the form's columns),
     * keeping their order within a category. This is what an import without a baseline delivers for an
     * exported risk point; an import against a baseline keeps the baseline's order of the measures it
     * already has instead (and puts new ones after them, in this order).
     *
     * @param riskPoint a risk point
     * @return the same risk point with its measures in the form's order
     */
    public static RiskPoint canonical(RiskPoint riskPoint) {
        Objects.requireNonNull(riskPoint, "riskPoint");
        List<Hazard> hazards = new ArrayList<>();
        for (Hazard h : riskPoint.hazards()) {
            hazards.add(h.withMeasures(byCategory(h.measures())));
        }
        return riskPoint.withHazards(hazards);
    }

    /** Measures ordered by category in the order of the form's columns, stable within a category. */
    static List<ControlMeasure> byCategory(List<ControlMeasure> measures) {
        List<ControlMeasure> sorted = new ArrayList<>(measures);
        sorted.sort(java.util.Comparator.comparingInt(m -> RegisterColumns.measureColumn(m.category())));
        return sorted;
    }

    /** Unit display names: the name where it is unique, else the id. */
    static Map<OrgUnitId, String> unitNames(ExcelContext context) {
        Map<String, Long> counts = context.organization().units().stream()
                .collect(Collectors.groupingBy(OrgUnit::name, Collectors.counting()));
        Map<OrgUnitId, String> names = new HashMap<>();
        for (OrgUnit u : context.organization().units()) {
            names.put(u.id(), counts.getOrDefault(u.name(), 0L) == 1 ? u.name() : u.id().value());
        }
        return names;
    }

    static String factors(Assessment a) {
        return a.input().values().entrySet().stream().map(e -> e.getKey() + "=" + Text.number(e.getValue()))
                .collect(Collectors.joining(Text.LIST));
    }

    static String assessmentLine(Assessment a, ExcelContext c) {
        return String.join(Text.FIELD, a.id().value(), a.method().value(), a.scheme().value(),
                a.kind().displayName(c.locale()), factors(a), Text.number(a.score().value()),
                a.level().displayName(c.locale()), a.assessor().value(), Text.time(a.assessedAt(), c.zone()));
    }

    static String measureLine(ControlMeasure m, ExcelContext c, Map<OrgUnitId, String> units) {
        String unit = units.getOrDefault(m.responsibleUnit(), m.responsibleUnit().value());
        if (c.chinese()) {
            return m.description() + "（编号：" + m.id().value() + "；管控层级：" + m.controlLevel().displayName(c.locale())
                    + "；责任单位：" + unit + "；检查标准：" + m.inspectionStandard() + "）";
        }
        return m.description() + " (id: " + m.id().value() + "; level: " + m.controlLevel().displayName(c.locale())
                + "; unit: " + unit + "; standard: " + m.inspectionStandard() + ")";
    }

    static CellStyle header(Workbook wb) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        s.setFont(f);
        s.setWrapText(true);
        return s;
    }

    static Map<RiskLevel, CellStyle> levelStyles(Workbook wb) {
        Map<RiskLevel, CellStyle> styles = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) {
            XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
            String hex = l.rgb().substring(1);
            byte[] rgb = {(byte) Integer.parseInt(hex.substring(0, 2), 16), (byte) Integer.parseInt(hex.substring(2, 4), 16),
                (byte) Integer.parseInt(hex.substring(4, 6), 16)};
            s.setFillForegroundColor(new XSSFColor(rgb, null));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            styles.put(l, s);
        }
        return styles;
    }

    private static final class Writer {
        private final ExcelContext c;
        private final RegisterColumns cols;
        private final Sheet sheet;
        private final CellStyle wrap;
        private final Map<RiskLevel, CellStyle> levels;
        private final Map<OrgUnitId, String> units;
        private int rowIndex = 1;

        Writer(SXSSFWorkbook wb, ExcelContext c) {
            this.c = c;
            this.cols = new RegisterColumns(c);
            this.sheet = wb.createSheet(c.chinese() ? RegisterColumns.SHEET_ZH : RegisterColumns.SHEET_EN);
            this.wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            this.levels = levelStyles(wb);
            this.units = unitNames(c);
            Row h = sheet.createRow(0);
            CellStyle hs = header(wb);
            List<String> headers = cols.headers(c.chinese());
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = h.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(hs);
            }
            sheet.createFreezePane(0, 1);
        }

        void write(Iterable<RiskPoint> riskPoints) {
            for (RiskPoint rp : riskPoints) {
                if (rp.hazards().isEmpty()) {
                    riskPointCells(rp);
                    continue;
                }
                for (Hazard h : rp.hazards()) {
                    Row row = riskPointCells(rp);
                    hazardCells(row, h);
                }
            }
        }

        private void text(Row row, int col, String value) {
            if (!value.isEmpty()) {
                row.createCell(col).setCellValue(value);
            }
        }

        private void text(Row row, RegisterColumns.Col col, String value) {
            text(row, cols.index(col), value);
        }

        private Row riskPointCells(RiskPoint rp) {
            Row row = sheet.createRow(rowIndex);
            row.createCell(0).setCellValue(rowIndex);
            rowIndex++;
            text(row, RegisterColumns.Col.RP_ID, rp.id().value());
            text(row, RegisterColumns.Col.RP_NAME, rp.name());
            text(row, RegisterColumns.Col.RP_KIND, rp.kind().displayName(c.locale()));
            text(row, RegisterColumns.Col.RP_UNIT, units.getOrDefault(rp.owningUnit(), rp.owningUnit().value()));
            text(row, RegisterColumns.Col.RP_ZONE, rp.zone().map(z -> z.value()).orElse(""));
            return row;
        }

        private void hazardCells(Row row, Hazard h) {
            text(row, RegisterColumns.Col.HZ_ID, h.id().value());
            text(row, RegisterColumns.Col.HZ_DESC, h.description());
            text(row, RegisterColumns.Col.HZ_CATEGORY, h.category().displayName(c.locale()));
            text(row, RegisterColumns.Col.HZ_ACCIDENTS, h.accidentTypes().stream().map(a -> a.displayName(c.locale()))
                    .collect(Collectors.joining(Text.LIST)));
            text(row, RegisterColumns.Col.HZ_CAUSES, h.causes());
            text(row, RegisterColumns.Col.HZ_CONSEQUENCES, h.consequences());
            List<Assessment> as = h.assessments();
            if (!as.isEmpty()) {
                Assessment a = as.get(as.size() - 1);
                text(row, RegisterColumns.Col.METHOD, a.method().value());
                List<String> keys = cols.factorKeys();
                for (int i = 0; i < keys.size(); i++) {
                    Optional<BigDecimal> v = a.input().value(keys.get(i));
                    if (v.isPresent()) {
                        text(row, cols.factorIndex(i), Text.number(v.get()));
                    }
                }
                row.createCell(cols.index(RegisterColumns.Col.SCORE)).setCellValue(a.score().value().doubleValue());
                text(row, RegisterColumns.Col.GRADE, a.grade().name());
                Cell level = row.createCell(cols.index(RegisterColumns.Col.LEVEL));
                level.setCellValue(a.level().displayName(c.locale()));
                level.setCellStyle(levels.get(a.level()));
                text(row, RegisterColumns.Col.SCHEME, a.scheme().value());
                text(row, RegisterColumns.Col.KIND, a.kind().displayName(c.locale()));
                text(row, RegisterColumns.Col.ASSESSOR, a.assessor().value());
                text(row, RegisterColumns.Col.ASSESSED_AT, Text.time(a.assessedAt(), c.zone()));
                text(row, RegisterColumns.Col.ASSESSMENT_ID, a.id().value());
                wrapped(row, RegisterColumns.Col.HISTORY, as.subList(0, as.size() - 1).stream()
                        .map(x -> assessmentLine(x, c)).collect(Collectors.joining("\n")));
            }
            Set<String> ctl = new LinkedHashSet<>();
            Set<String> resp = new LinkedHashSet<>();
            Map<MeasureCategory, List<String>> byCategory = new EnumMap<>(MeasureCategory.class);
            for (ControlMeasure m : h.measures()) {
                ctl.add(m.controlLevel().displayName(c.locale()));
                resp.add(units.getOrDefault(m.responsibleUnit(), m.responsibleUnit().value()));
                byCategory.computeIfAbsent(m.category(), k -> new ArrayList<>()).add(measureLine(m, c, units));
            }
            text(row, RegisterColumns.Col.CONTROL_LEVEL, String.join(Text.LIST, ctl));
            text(row, RegisterColumns.Col.RESPONSIBLE_UNIT, String.join(Text.LIST, resp));
            for (RegisterColumns.Col col : RegisterColumns.Col.values()) {
                if (col.measures != null) {
                    wrapped(row, col, String.join("\n", byCategory.getOrDefault(col.measures, List.of())));
                }
            }
            h.reassessment().ifPresent(f -> text(row, RegisterColumns.Col.REASSESSMENT,
                    String.join(Text.FIELD, f.reason(), f.source(), Text.time(f.flaggedAt(), c.zone()))));
        }

        private void wrapped(Row row, RegisterColumns.Col col, String value) {
            if (!value.isEmpty()) {
                Cell cell = row.createCell(cols.index(col));
                cell.setCellValue(value);
                cell.setCellStyle(wrap);
            }
        }
    }
}
