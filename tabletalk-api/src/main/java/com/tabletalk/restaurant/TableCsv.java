package com.tabletalk.restaurant;

import com.tabletalk.common.CsvCells;
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
                csv.printRecord(CsvCells.text(table.label()), CsvCells.text(table.url()));
            }
        }
    }
}
