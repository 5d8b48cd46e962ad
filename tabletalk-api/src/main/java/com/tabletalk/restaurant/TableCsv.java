package com.tabletalk.restaurant;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code tables.csv}: one {@code table,url} row per table, the list a restaurant asked for. */
public final class TableCsv {

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setHeader("table", "url").get();

    private TableCsv() {}

    public static void write(Iterable<PrintedTable> tables, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            for (PrintedTable table : tables) {
                csv.printRecord(cell(table.label()), cell(table.url()));
            }
        }
    }

    /**
     * A spreadsheet runs a cell that starts with {@code = + - @} (or a tab or carriage return) as a formula; a
     * leading apostrophe makes it text again, as OWASP's CSV injection advice says.
     */
    static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
