package com.tabletalk.restaurant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class QrZipTest {

    @Test
    void holdsOneSvgPerTableNamedByItsLabel() throws Exception {
        Map<String, String> entries = unzip(List.of(
                new PrintedTable("7", "https://tt.example/r/luigis/t/7"),
                new PrintedTable("Patio 3", "https://tt.example/r/luigis/t/Patio%203")));

        assertThat(entries).containsOnlyKeys("table-7.svg", "table-Patio 3.svg");
        assertThat(entries.get("table-7.svg")).startsWith("<svg").contains("<path");
    }

    @Test
    void fileNamesCannotEscapeTheFolderOrCollide() throws Exception {
        Map<String, String> entries = unzip(List.of(
                new PrintedTable("../../etc/passwd", "u1"),
                new PrintedTable("a/b", "u2"),
                new PrintedTable("a_b", "u3"),
                new PrintedTable("A_B", "u4"),
                new PrintedTable("Ørsted\u0000\u202e", "u5")));

        assertThat(entries)
                .containsOnlyKeys(
                        "table-______etc_passwd.svg",
                        "table-a_b.svg",
                        "table-a_b-2.svg",
                        "table-A_B-3.svg",
                        "table-Ørsted__.svg");
    }

    private static Map<String, String> unzip(List<PrintedTable> tables) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QrZip.write(tables, out);
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip =
                new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
