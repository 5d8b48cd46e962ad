package com.tabletalk.restaurant;

import com.google.zxing.common.BitMatrix;
import com.tabletalk.qr.QrCodes;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * {@code qr-sheet.pdf}: cards to cut out and put on the tables, each with the restaurant's name, an invitation
 * to scan, the table's QR code drawn as vector squares (sharp at any printer resolution) inside its quiet zone,
 * and the table's label printed small. Dashed guides run between the cards.
 */
public final class QrSheet {

    static final String INVITATION = "Scan with your phone for a game of good questions";

    private static final float PAGE_MARGIN = 18;
    private static final float CARD_PADDING = 14;
    private static final Color GUIDE = new Color(0.6f, 0.6f, 0.6f);
    private static final Color QUIET = new Color(0.35f, 0.35f, 0.35f);

    public enum Paper {
        A4(PDRectangle.A4),
        LETTER(PDRectangle.LETTER);

        private final PDRectangle size;

        Paper(PDRectangle size) {
            this.size = size;
        }

        public static Paper fromWire(String wire) {
            for (Paper paper : values()) {
                if (paper.name().toLowerCase(Locale.ROOT).equals(wire)) {
                    return paper;
                }
            }
            throw new IllegalArgumentException("Unknown paper " + wire);
        }
    }

    /** Cards per page and how they sit: columns by rows, in portrait. */
    public enum Layout {
        ONE(1, 1, 1),
        TWO(2, 1, 2),
        FOUR(4, 2, 2),
        SIX(6, 2, 3);

        final int perPage;
        final int columns;
        final int rows;

        Layout(int perPage, int columns, int rows) {
            this.perPage = perPage;
            this.columns = columns;
            this.rows = rows;
        }

        public static Layout perPage(int perPage) {
            for (Layout layout : values()) {
                if (layout.perPage == perPage) {
                    return layout;
                }
            }
            throw new IllegalArgumentException("Cards per page must be 1, 2, 4 or 6");
        }
    }

    private QrSheet() {}

    public static void write(
            String restaurantName, List<PrintedTable> tables, Paper paper, Layout layout, OutputStream out)
            throws IOException {
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(document);
            // PDF metadata is Unicode text, so the name goes in as it is even where the fonts lack its characters.
            document.getDocumentInformation().setTitle(restaurantName + " table codes");
            for (int first = 0; first < tables.size(); first += layout.perPage) {
                PDPage page = new PDPage(paper.size);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    List<PrintedTable> onPage = tables.subList(first, Math.min(first + layout.perPage, tables.size()));
                    drawPage(content, paper.size, layout, restaurantName, onPage, fonts);
                }
            }
            document.save(out);
        }
    }

    /** Where card {@code index} of a page sits, in PDF points from the page's lower left corner. */
    static PDRectangle cell(PDRectangle page, Layout layout, int index) {
        float width = (page.getWidth() - 2 * PAGE_MARGIN) / layout.columns;
        float height = (page.getHeight() - 2 * PAGE_MARGIN) / layout.rows;
        int column = index % layout.columns;
        int row = index / layout.columns;
        return new PDRectangle(
                PAGE_MARGIN + column * width, page.getHeight() - PAGE_MARGIN - (row + 1) * height, width, height);
    }

    private static void drawPage(
            PDPageContentStream content,
            PDRectangle page,
            Layout layout,
            String restaurantName,
            List<PrintedTable> tables,
            Fonts fonts)
            throws IOException {
        drawGuides(content, page, layout);
        for (int i = 0; i < tables.size(); i++) {
            drawCard(content, cell(page, layout, i), restaurantName, tables.get(i), fonts);
        }
    }

    /** Dashed lines across the whole sheet at every edge between cards, so one cut separates a row or column. */
    private static void drawGuides(PDPageContentStream content, PDRectangle page, Layout layout) throws IOException {
        content.saveGraphicsState();
        content.setStrokingColor(GUIDE);
        content.setLineWidth(0.5f);
        content.setLineDashPattern(new float[] {4, 3}, 0);
        for (int column = 1; column < layout.columns; column++) {
            float x = cell(page, layout, column).getLowerLeftX();
            content.moveTo(x, 0);
            content.lineTo(x, page.getHeight());
        }
        for (int row = 1; row < layout.rows; row++) {
            float y = cell(page, layout, row * layout.columns).getUpperRightY();
            content.moveTo(0, y);
            content.lineTo(page.getWidth(), y);
        }
        content.stroke();
        content.restoreGraphicsState();
    }

    private static void drawCard(
            PDPageContentStream content, PDRectangle card, String restaurantName, PrintedTable table, Fonts fonts)
            throws IOException {
        float innerWidth = card.getWidth() - 2 * CARD_PADDING;
        float centerX = card.getLowerLeftX() + card.getWidth() / 2;
        float scale = Math.min(card.getWidth(), card.getHeight()) / 250f;
        float nameSize = Math.min(28, 18 * scale);
        float invitationSize = Math.min(14, 9.5f * scale);
        float labelSize = 7;

        float top = card.getUpperRightY() - CARD_PADDING;
        float nameBaseline = top - nameSize;
        centered(content, fonts, restaurantName, true, nameSize, centerX, nameBaseline, innerWidth, Color.BLACK);
        float invitationBaseline = nameBaseline - invitationSize * 1.6f;
        centered(content, fonts, INVITATION, false, invitationSize, centerX, invitationBaseline, innerWidth, QUIET);

        float bottom = card.getLowerLeftY() + CARD_PADDING;
        float labelBaseline = bottom + 2;
        centered(content, fonts, "Table " + table.label(), false, labelSize, centerX, labelBaseline, innerWidth, QUIET);

        float codeTop = invitationBaseline - invitationSize;
        float codeBottom = labelBaseline + labelSize * 2;
        float side = Math.min(innerWidth, codeTop - codeBottom);
        drawCode(
                content,
                QrCodes.modules(table.url()),
                centerX - side / 2,
                codeBottom + (codeTop - codeBottom - side) / 2,
                side);
    }

    /** The symbol with its quiet zone (part of the matrix) on white, one filled rectangle per run of dark modules. */
    private static void drawCode(PDPageContentStream content, BitMatrix modules, float x, float y, float side)
            throws IOException {
        int count = modules.getWidth();
        float module = side / count;
        content.saveGraphicsState();
        content.setNonStrokingColor(Color.WHITE);
        content.addRect(x, y, side, side);
        content.fill();
        content.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < count; row++) {
            int column = 0;
            while (column < count) {
                if (!modules.get(column, row)) {
                    column++;
                    continue;
                }
                int run = 1;
                while (column + run < count && modules.get(column + run, row)) {
                    run++;
                }
                content.addRect(x + column * module, y + side - (row + 1) * module, run * module, module);
                column += run;
            }
        }
        content.fill();
        content.restoreGraphicsState();
    }

    private static void centered(
            PDPageContentStream content,
            Fonts fonts,
            String text,
            boolean bold,
            float size,
            float centerX,
            float baseline,
            float maxWidth,
            Color color)
            throws IOException {
        PDFont font = fonts.fontFor(text, bold);
        String printable = fonts.printable(text, font);
        float fitted = size;
        while (width(font, printable, fitted) > maxWidth && fitted > 6) {
            fitted -= 0.5f;
        }
        while (width(font, printable, fitted) > maxWidth && printable.length() > 1) {
            printable = printable.substring(0, printable.length() - 2) + "\u2026";
            printable = fonts.printable(printable, font);
        }
        content.saveGraphicsState();
        content.setNonStrokingColor(color);
        content.beginText();
        content.setFont(font, fitted);
        content.newLineAtOffset(centerX - width(font, printable, fitted) / 2, baseline);
        content.showText(printable);
        content.endText();
        content.restoreGraphicsState();
    }

    private static float width(PDFont font, String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * Helvetica (one of PDF's standard fonts, nothing embedded) for text that WinAnsi can encode; otherwise
     * Liberation Sans, which PDFBox ships, embedded as a subset: it covers Latin, Greek and Cyrillic. A character
     * neither covers (CJK, emoji, control characters) prints as '?' rather than failing the whole sheet.
     */
    private static final class Fonts {
        private final PDDocument document;
        private final PDFont standard = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDFont standardBold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDFont unicode;

        Fonts(PDDocument document) {
            this.document = document;
        }

        PDFont fontFor(String text, boolean bold) throws IOException {
            PDFont standardFont = bold ? standardBold : standard;
            if (encodes(standardFont, text)) {
                return standardFont;
            }
            if (unicode == null) {
                try (InputStream ttf = PDDocument.class.getResourceAsStream(
                        "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                    if (ttf == null) {
                        throw new IOException("PDFBox's Liberation Sans is missing from the classpath");
                    }
                    unicode = PDType0Font.load(document, ttf, true);
                }
            }
            return unicode;
        }

        String printable(String text, PDFont font) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                String character = Character.toString(codePoint);
                out.append(!Character.isISOControl(codePoint) && encodes(font, character) ? character : "?");
            });
            return out.toString();
        }

        private static boolean encodes(PDFont font, String text) {
            try {
                font.encode(text);
                return font.getStringWidth(text) >= 0;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
