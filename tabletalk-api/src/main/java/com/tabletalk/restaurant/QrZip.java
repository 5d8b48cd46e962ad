package com.tabletalk.restaurant;

import com.tabletalk.qr.QrCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** {@code qr-codes.zip}: one SVG per table, named by its label, for a designer to place. */
public final class QrZip {

    private static final int MAX_NAME_LENGTH = 60;

    private QrZip() {}

    public static void write(Iterable<PrintedTable> tables, OutputStream out) throws IOException {
        Set<String> used = new HashSet<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (PrintedTable table : tables) {
            zip.putNextEntry(new ZipEntry(uniqueName(fileName(table.label()), used)));
            zip.write(QrCodes.svg(table.url()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /**
     * {@code table-<label>.svg} with only letters, digits, spaces, '-' and '_' kept: no path separators, dots or
     * control characters reach an unzipping tool, and the prefix keeps names such as "CON" safe on Windows.
     */
    static String fileName(String label) {
        String safe = label.replaceAll("[^\\p{L}\\p{N} _-]", "_").strip();
        if (safe.length() > MAX_NAME_LENGTH) {
            safe = safe.substring(0, MAX_NAME_LENGTH).strip();
        }
        return "table-" + safe;
    }

    /** Two labels can clean to the same name ("a/b" and "a_b"): the later one gets a number. */
    private static String uniqueName(String base, Set<String> used) {
        String name = base;
        for (int n = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
            name = base + "-" + n;
        }
        return name + ".svg";
    }
}
