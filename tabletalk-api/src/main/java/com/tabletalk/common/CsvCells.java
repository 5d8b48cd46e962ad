package com.tabletalk.common;

/** Cells of CSV files that people open in spreadsheets. */
public final class CsvCells {

    private CsvCells() {}

    /**
     * A spreadsheet runs a cell that starts with {@code = + - @} (or a tab or carriage return) as a formula; a
     * leading apostrophe makes it text again, as OWASP's CSV injection advice says. Null is an empty cell.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
