package com.tabletalk.question;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.CsvCells;
import com.tabletalk.common.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** The question library as CSV, in the seed files' columns: written for export, read strictly for import. */
public final class QuestionCsv {

    public static final List<String> COLUMNS = List.of(
            "id",
            "context",
            "active",
            "difficulty",
            "category",
            "type",
            "text",
            "hint",
            "option_a",
            "option_b",
            "option_c",
            "option_d");

    public static final int MAX_BYTES = 1024 * 1024;
    public static final int MAX_ROWS = 5_000;

    private static final CSVFormat WRITE = CSVFormat.RFC4180
            .builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .get();
    private static final CSVFormat READ =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** One data row of an imported file: its line (the header is line 1) and its twelve cells. */
    public record Row(long line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(String column) {
            return cells.get(COLUMNS.indexOf(column));
        }

        /** Options a to d in order, empty cells as null. */
        public List<String> options() {
            List<String> options = new ArrayList<>();
            for (String column : List.of("option_a", "option_b", "option_c", "option_d")) {
                String value = cell(column);
                options.add(value.isEmpty() ? null : value);
            }
            return options;
        }
    }

    private QuestionCsv() {}

    public static void write(List<QuestionLibraryDao.QuestionRow> questions, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(writer, WRITE)) {
            for (QuestionLibraryDao.QuestionRow question : questions) {
                csv.printRecord(
                        question.id(),
                        question.context(),
                        question.active(),
                        question.difficulty(),
                        CsvCells.text(question.category()),
                        question.type(),
                        CsvCells.text(question.text()),
                        CsvCells.text(question.hint()),
                        CsvCells.text(question.optionA()),
                        CsvCells.text(question.optionB()),
                        CsvCells.text(question.optionC()),
                        CsvCells.text(question.optionD()));
            }
        }
    }

    /**
     * Reads an uploaded file: UTF-8 (a byte order mark is fine), the header exactly {@link #COLUMNS}, twelve cells on
     * every row, at most {@link #MAX_ROWS} rows. Anything else is refused as a whole with a sentence saying why.
     */
    public static List<Row> read(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The file is larger than 1 MiB.");
        }
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw ApiException.invalid("The file is empty: it needs the header " + String.join(",", COLUMNS) + ".");
        }
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (header) {
                    if (!cells.equals(COLUMNS)) {
                        throw ApiException.invalid(
                                "The first line must be exactly the header " + String.join(",", COLUMNS) + ".");
                    }
                    header = false;
                    continue;
                }
                long line = record.getRecordNumber();
                if (cells.size() != COLUMNS.size()) {
                    throw ApiException.invalid(
                            "Row " + line + " has " + cells.size() + " cells; every row has " + COLUMNS.size() + ".");
                }
                if (rows.size() == MAX_ROWS) {
                    throw ApiException.invalid("The file has more than " + MAX_ROWS + " rows; split it.");
                }
                rows.add(new Row(
                        line, cells.stream().map(QuestionCsv::unneutralised).toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.invalid("The file is not well-formed CSV (check the quotes around cells near row "
                    + (rows.size() + 2) + ").");
        }
        return rows;
    }

    /** Takes off the apostrophe an export put before a formula-looking cell, so an export imports unchanged. */
    private static String unneutralised(String cell) {
        if (cell.length() > 1
                && cell.charAt(0) == '\''
                && CsvCells.text(cell.substring(1)).equals(cell)) {
            return cell.substring(1);
        }
        return cell;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("The file is not UTF-8 text; save it from the spreadsheet as CSV UTF-8.");
        }
    }
}
