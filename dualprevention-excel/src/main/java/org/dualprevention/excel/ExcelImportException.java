package org.dualprevention.excel;

import org.dualprevention.DualPreventionException;

/**
 * A workbook that cannot be imported at all: not an .xlsx file, no sheet, or a header row without the
 * columns the form needs. Problems of single rows are not thrown; they are listed in the
 * {@link ExcelImportReport}.
 *
 * @since 0.1
 */
public final class ExcelImportException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    ExcelImportException(String message) {
        super(message);
    }

    ExcelImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
