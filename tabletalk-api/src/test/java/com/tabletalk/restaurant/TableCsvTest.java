package com.tabletalk.restaurant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableCsvTest {

    @Test
    void writesAHeaderAndOneRowPerTable() throws Exception {
        String csv = write(List.of(
                new PrintedTable("7", "https://tt.example/r/luigis/t/7"),
                new PrintedTable("Patio, 3", "https://tt.example/r/luigis/t/Patio%2C%203")));

        assertThat(csv)
                .isEqualTo("table,url\r\n7,https://tt.example/r/luigis/t/7\r\n"
                        + "\"Patio, 3\",https://tt.example/r/luigis/t/Patio%2C%203\r\n");
    }

    @Test
    void labelsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() throws Exception {
        String csv = write(List.of(
                new PrintedTable("=HYPERLINK(\"http://evil\")", "u1"),
                new PrintedTable("@SUM(A1)", "u2"),
                new PrintedTable("+1", "u3"),
                new PrintedTable("-1", "u4"),
                new PrintedTable("Café Ørsted", "u5")));

        assertThat(csv.lines().skip(1).toList())
                .containsExactly(
                        "\"'=HYPERLINK(\"\"http://evil\"\")\",u1",
                        "'@SUM(A1),u2",
                        "'+1,u3",
                        "'-1,u4",
                        "Café Ørsted,u5");
    }

    private static String write(List<PrintedTable> tables) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableCsv.write(tables, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
