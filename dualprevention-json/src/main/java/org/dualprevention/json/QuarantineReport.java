package org.dualprevention.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.dualprevention.Violation;
import org.dualprevention.json.support.NonClosingOutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outcome of a quarantine import ({@link RegisterDocument#quarantine}): every valid item was imported,
 * and every refused one is listed here with each of its problems; every item whose stored claim (score,
 * grade, level) disagreed with the recomputation was imported with the recomputed values and is listed with
 * both. Nothing is dropped without a line here: when more problems were found than
 * {@link ImportOptions#maxProblems()} allows to list, {@link #unlisted()} counts the rest and
 * {@link #refusedItems()} still counts every refused item.
 *
 * <p>The report is meant to be read by a program as much as by a person: {@link #writeJson} and
 * {@link #writeCsv} write it whole, one row per refused value or recomputed claim. Other importers (a
 * workbook, a CSV table) build the same report with the public constructors, naming the table row of each
 * problem in {@code source}.
 *
 * @param format the document format, e.g. {@code dualprevention.register}
 * @param itemsRead the items read from the document
 * @param imported the items delivered to the sink
 * @param refusedItems the items held back, each with at least one line in {@code refused} unless over the cap
 * @param refused the problems of the refused items, in document order
 * @param unlisted problems of refused items not listed because of the cap
 * @param recomputed the stored claims that disagreed with the recomputation, in document order
 * @param warnings other disagreements accepted (a listed scheme's name or source), with JSON Pointers
 * @since 0.1
 */
public record QuarantineReport(String format, long itemsRead, long imported, long refusedItems, List<Refusal> refused,
        long unlisted, List<Recomputation> recomputed, List<Violation> warnings) {
    /** The {@code format} of the JSON written by {@link #writeJson}. */
    public static final String REPORT_FORMAT = "dualprevention.quarantine";
    /** The columns of the CSV written by {@link #writeCsv}, in order. */
    public static final List<String> CSV_COLUMNS = List.of("kind", "item", "itemId", "pointer", "field", "value",
            "allowed", "storedScore", "storedGrade", "storedLevel", "recomputedScore", "recomputedGrade",
            "recomputedLevel", "source");

    /** Validates and copies the components. */
    public QuarantineReport {
        Objects.requireNonNull(format, "format");
        refused = List.copyOf(refused);
        recomputed = List.copyOf(recomputed);
        warnings = List.copyOf(warnings);
        if (itemsRead < 0 || imported < 0 || refusedItems < 0 || unlisted < 0 || imported + refusedItems > itemsRead) {
            throw new IllegalArgumentException("counts [read " + itemsRead + ", imported " + imported + ", refused "
                    + refusedItems + ", unlisted " + unlisted + "] are not allowed; allowed: not negative, "
                    + "imported + refused at most read");
        }
    }

    /**
     * One problem of a refused item.
     *
     * @param item the item's index in the document (0 for the first risk point)
     * @param itemId the item's id as written, empty when it could not be read
     * @param pointer the JSON Pointer of the bad value, e.g. {@code /riskPoints/3/hazards/0/accidentTypes/1}
     * @param field the name of the field holding the bad value ({@code accidentTypes}), empty for the item itself
     * @param value the bad value as text ({@code (missing)} when absent)
     * @param allowed what would have been accepted
     * @param source where the value came from in the original table (e.g. {@code register.csv 第 7 行}), empty
     *     when the document was not converted from a table
     * @since 0.1
     */
    public record Refusal(long item, String itemId, String pointer, String field, String value, String allowed,
            String source) {
        /** Validates the components. */
        public Refusal {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(allowed, "allowed");
            Objects.requireNonNull(source, "source");
        }

        /**
         * The name of the field a JSON Pointer ends in, skipping array indexes: {@code accidentTypes} for
         * {@code /riskPoints/3/hazards/0/accidentTypes/1}; empty for an item itself ({@code /riskPoints/3}).
         *
         * @param pointer a JSON Pointer
         * @return the field name, unescaped
         */
        public static String fieldOf(String pointer) {
            String[] parts = pointer.split("/", -1);
            for (int i = parts.length - 1; i >= 2; i--) {
                if (!parts[i].isEmpty() && !parts[i].chars().allMatch(Character::isDigit)) {
                    return parts[i].replace("~1", "/").replace("~0", "~");
                }
            }
            return "";
        }

        Refusal withSource(String s) {
            return new Refusal(item, itemId, pointer, field, value, allowed, s);
        }
    }

    /**
     * A stored claim that disagreed with what the installed method and scheme compute; the item was imported
     * with the recomputed values, and the stored ones are kept here.
     *
     * @param item the item's index in the document
     * @param itemId the item's id
     * @param pointer the JSON Pointer of the assessment
     * @param storedScore the score the document claimed
     * @param storedGrade the grade code the document claimed
     * @param storedLevel the risk level code the document claimed ({@code major}, {@code significant}, …)
     * @param recomputedScore the score the method computes from the input
     * @param recomputedGrade the grade code the scheme gives that score
     * @param recomputedLevel the risk level code of that grade
     * @param source where the assessment came from in the original table, empty if not from a table
     * @since 0.1
     */
    public record Recomputation(long item, String itemId, String pointer, String storedScore, String storedGrade,
            String storedLevel, String recomputedScore, String recomputedGrade, String recomputedLevel, String source) {
        /** Validates the components. */
        public Recomputation {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(storedScore, "storedScore");
            Objects.requireNonNull(storedGrade, "storedGrade");
            Objects.requireNonNull(storedLevel, "storedLevel");
            Objects.requireNonNull(recomputedScore, "recomputedScore");
            Objects.requireNonNull(recomputedGrade, "recomputedGrade");
            Objects.requireNonNull(recomputedLevel, "recomputedLevel");
            Objects.requireNonNull(source, "source");
        }

        Recomputation withSource(String s) {
            return new Recomputation(item, itemId, pointer, storedScore, storedGrade, storedLevel, recomputedScore,
                    recomputedGrade, recomputedLevel, s);
        }
    }

    /**
     * Whether every item was imported as written.
     *
     * @return true if nothing was refused or recomputed
     */
    public boolean clean() {
        return refusedItems == 0 && recomputed.isEmpty();
    }

    /**
     * A copy whose lines name where each value came from in the table the document was converted from.
     *
     * @param sourceOf gives, for a JSON Pointer, the table row it came from (e.g. {@code register.csv 第 7 行}),
     *     or an empty string when it does not know
     * @return the copy
     */
    public QuarantineReport withSources(Function<String, String> sourceOf) {
        Objects.requireNonNull(sourceOf, "sourceOf");
        List<Refusal> r = new ArrayList<>();
        for (Refusal x : refused) {
            r.add(x.withSource(Objects.requireNonNull(sourceOf.apply(x.pointer()), "source")));
        }
        List<Recomputation> c = new ArrayList<>();
        for (Recomputation x : recomputed) {
            c.add(x.withSource(Objects.requireNonNull(sourceOf.apply(x.pointer()), "source")));
        }
        return new QuarantineReport(format, itemsRead, imported, refusedItems, r, unlisted, c, warnings);
    }

    /**
     * Writes the report as one JSON object: {@code {"format": "dualprevention.quarantine", "version": 1,
     * "document", "itemsRead", "imported", "refusedItems", "unlisted", "refused": [{"item", "itemId",
     * "pointer", "field", "value", "allowed", "source"}], "recomputed": [{"item", "itemId", "pointer",
     * "storedScore", "storedGrade", "storedLevel", "recomputedScore", "recomputedGrade", "recomputedLevel",
     * "source"}], "warnings": [{"pointer", "value", "allowed"}]}}.
     *
     * @param out where to write UTF-8 JSON; not closed
     */
    public void writeJson(OutputStream out) {
        Objects.requireNonNull(out, "out");
        JsonMapper mapper = DualPreventionJson.mapper();
        try (JsonGenerator g = mapper.createGenerator(new NonClosingOutputStream(out))) {
            g.writeStartObject();
            g.writeStringProperty("format", REPORT_FORMAT);
            g.writeNumberProperty("version", 1);
            g.writeStringProperty("document", format);
            g.writeNumberProperty("itemsRead", itemsRead);
            g.writeNumberProperty("imported", imported);
            g.writeNumberProperty("refusedItems", refusedItems);
            g.writeNumberProperty("unlisted", unlisted);
            g.writeArrayPropertyStart("refused");
            for (Refusal r : refused) {
                g.writeStartObject();
                g.writeNumberProperty("item", r.item());
                g.writeStringProperty("itemId", r.itemId());
                g.writeStringProperty("pointer", r.pointer());
                g.writeStringProperty("field", r.field());
                g.writeStringProperty("value", r.value());
                g.writeStringProperty("allowed", r.allowed());
                g.writeStringProperty("source", r.source());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("recomputed");
            for (Recomputation c : recomputed) {
                g.writeStartObject();
                g.writeNumberProperty("item", c.item());
                g.writeStringProperty("itemId", c.itemId());
                g.writeStringProperty("pointer", c.pointer());
                g.writeStringProperty("storedScore", c.storedScore());
                g.writeStringProperty("storedGrade", c.storedGrade());
                g.writeStringProperty("storedLevel", c.storedLevel());
                g.writeStringProperty("recomputedScore", c.recomputedScore());
                g.writeStringProperty("recomputedGrade", c.recomputedGrade());
                g.writeStringProperty("recomputedLevel", c.recomputedLevel());
                g.writeStringProperty("source", c.source());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("warnings");
            for (Violation w : warnings) {
                g.writeStartObject();
                g.writeStringProperty("pointer", w.path());
                g.writeStringProperty("value", w.value());
                g.writeStringProperty("allowed", w.allowed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * Writes the report as CSV (RFC 4180, a header row of {@link #CSV_COLUMNS}): one row per refused value
     * ({@code kind} {@code refused}: pointer, field, value, allowed), per recomputed claim ({@code recomputed}:
     * the stored and recomputed score, grade and level) and per warning ({@code warning}). A cell that a
     * spreadsheet would take for a formula (starting with {@code =}, {@code +}, {@code -} or {@code @} and not
     * a number) is written with a leading {@code '}, so that opening the report cannot run what a hostile
     * document put in it.
     *
     * @param out where to write; not closed
     */
    public void writeCsv(Appendable out) {
        Objects.requireNonNull(out, "out");
        try {
            row(out, CSV_COLUMNS);
            for (Refusal r : refused) {
                row(out, List.of("refused", Long.toString(r.item()), r.itemId(), r.pointer(), r.field(), r.value(),
                        r.allowed(), "", "", "", "", "", "", r.source()));
            }
            for (Recomputation c : recomputed) {
                row(out, List.of("recomputed", Long.toString(c.item()), c.itemId(), c.pointer(), "", "", "",
                        c.storedScore(), c.storedGrade(), c.storedLevel(), c.recomputedScore(), c.recomputedGrade(),
                        c.recomputedLevel(), c.source()));
            }
            for (Violation w : warnings) {
                row(out, List.of("warning", "", "", w.path(), Refusal.fieldOf(w.path()), w.value(), w.allowed(),
                        "", "", "", "", "", "", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the quarantine report", e);
        }
    }

    private static void row(Appendable out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One CSV cell: quoted when needed, formula-like text defused. */
    static String cell(String text) {
        String t = text;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0 && !t.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            t = "'" + t;
        }
        if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }
}
