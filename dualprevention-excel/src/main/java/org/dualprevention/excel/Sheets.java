package org.dualprevention.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.jspecify.annotations.Nullable;

/** Streaming read of one sheet, row by row, as the text a person sees in each cell (POI's SAX event API). */
final class Sheets {
    private Sheets() {
    }

    /** One row: its Excel number (1-based) and the cell texts by zero-based column. */
    record Row(int number, List<String> cells) {
        String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column);
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * Reads the sheet whose name is one of {@code names} (or the first sheet if none matches), handing each
     * row to {@code rows}, in order.
     *
     * @return the name of the sheet read
     */
    static String read(Path file, List<String> names, Consumer<String> sheetName, Consumer<Row> rows) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            String chosen = null;
            InputStream chosenStream = null;
            while (it.hasNext()) {
                InputStream in = it.next();
                String name = it.getSheetName();
                if (chosen == null || (names.contains(name) && !names.contains(chosen))) {
                    if (chosenStream != null) {
                        chosenStream.close();
                    }
                    chosen = name;
                    chosenStream = in;
                } else {
                    in.close();
                }
            }
            if (chosenStream == null || chosen == null) {
                throw new ExcelImportException("the workbook has no sheet; allowed: a workbook with the sheet " + names);
            }
            sheetName.accept(chosen);
            try (InputStream in = chosenStream) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Collect(rows), new DataFormatter(), false));
                xml.parse(new InputSource(in));
            }
            return chosen;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof ExcelImportException x) {
                throw x;
            }
            throw new ExcelImportException("the file is not a readable .xlsx workbook: " + e.getMessage(), e);
        }
    }

    private static final class Collect implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<Row> rows;
        private List<String> cells = new ArrayList<>();

        Collect(Consumer<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.accept(new Row(rowNum + 1, List.copyOf(cells)));
        }

        @Override
        public void cell(String cellReference, String formattedValue, @Nullable XSSFComment comment) {
            int col = Text.columnOf(cellReference);
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
        }
    }
}
