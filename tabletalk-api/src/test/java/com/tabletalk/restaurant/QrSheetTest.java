package com.tabletalk.restaurant;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.tabletalk.restaurant.QrSheet.Layout;
import com.tabletalk.restaurant.QrSheet.Paper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The printed sheet, rendered as a printer would, gives back every table's URL from its code. */
class QrSheetTest {

    /** About what a phone's camera resolves of a card held at the table; 110 dpi misread a module now and then. */
    private static final float DPI = 150;

    @Test
    void twelveTablesFourToAnA4PageMakeThreePagesWhoseCodesOpenTheirTables() throws Exception {
        List<PrintedTable> tables = tables(12);

        try (PDDocument pdf = Loader.loadPDF(write("Luigi's", tables, Paper.A4, Layout.FOUR))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(decodeAll(pdf, Layout.FOUR)).isEqualTo(urls(tables));
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Luigi's", QrSheet.INVITATION, "Table 7", "Table 12");
        }
    }

    @ParameterizedTest
    @CsvSource({"A4,1,3", "A4,2,2", "LETTER,4,1", "LETTER,6,1", "A4,6,1"})
    void everyPaperAndLayoutDecodes(Paper paper, int perPage, int pages) throws Exception {
        List<PrintedTable> tables = tables(3);
        Layout layout = Layout.perPage(perPage);

        try (PDDocument pdf = Loader.loadPDF(write("Trattoria", tables, paper, layout))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(pages);
            assertThat(pdf.getPage(0).getMediaBox().getHeight())
                    .isEqualTo(paper == Paper.A4 ? PDRectangle.A4.getHeight() : PDRectangle.LETTER.getHeight());
            assertThat(decodeAll(pdf, layout)).isEqualTo(urls(tables));
        }
    }

    @Test
    void unicodeNamesAndLabelsPrintWithoutFailing() throws Exception {
        List<PrintedTable> tables = List.of(
                new PrintedTable("Ørsted 1", "https://tt.example/r/a/t/%C3%98rsted%201"),
                new PrintedTable("寿司 2", "https://tt.example/r/a/t/%E5%AF%BF%E5%8F%B8%202"));

        for (String name : List.of("Café Ørsted", "寿司", "Ресторан «Ёлка»", "Tab\tle\u0000 😀", "x".repeat(100))) {
            try (PDDocument pdf = Loader.loadPDF(write(name, tables, Paper.LETTER, Layout.TWO))) {
                assertThat(decodeAll(pdf, Layout.TWO)).isEqualTo(urls(tables));
                if (name.startsWith("Café")) {
                    assertThat(new PDFTextStripper().getText(pdf)).contains("Café Ørsted", "Table Ørsted 1");
                }
            }
        }
    }

    /** Hairline-free vector squares: the page holds no image at all. */
    @Test
    void codesAreVectorGraphicsNotImages() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(write("Luigi's", tables(2), Paper.A4, Layout.TWO))) {
            assertThat(pdf.getPage(0).getResources().getXObjectNames()).isEmpty();
        }
    }

    private static List<PrintedTable> tables(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new PrintedTable(Integer.toString(n), "https://tt.example/r/luigis/t/" + n))
                .toList();
    }

    private static List<String> urls(List<PrintedTable> tables) {
        return tables.stream().map(PrintedTable::url).toList();
    }

    private static byte[] write(String name, List<PrintedTable> tables, Paper paper, Layout layout) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QrSheet.write(name, tables, paper, layout, out);
        return out.toByteArray();
    }

    /** Renders each page and decodes the code in each card, in reading order; blank cells are skipped. */
    static List<String> decodeAll(PDDocument pdf, Layout layout) throws Exception {
        PDFRenderer renderer = new PDFRenderer(pdf);
        List<String> decoded = new ArrayList<>();
        float scale = DPI / 72;
        for (int page = 0; page < pdf.getNumberOfPages(); page++) {
            BufferedImage image = renderer.renderImageWithDPI(page, DPI);
            PDRectangle box = pdf.getPage(page).getMediaBox();
            for (int i = 0; i < layout.perPage; i++) {
                PDRectangle cell = QrSheet.cell(box, layout, i);
                int x = Math.round(cell.getLowerLeftX() * scale);
                int y = Math.round((box.getHeight() - cell.getUpperRightY()) * scale);
                BufferedImage card = image.getSubimage(
                        x,
                        y,
                        Math.min(Math.round(cell.getWidth() * scale), image.getWidth() - x),
                        Math.min(Math.round(cell.getHeight() * scale), image.getHeight() - y));
                decode(card).ifPresent(decoded::add);
            }
        }
        return decoded;
    }

    /**
     * A code is read as a phone's camera app would: with the local-contrast binarizer first and, if that misreads
     * a module at this resolution (a checksum or format error), with the global one, which suits a crisp black
     * on white print. A code neither can read fails the test.
     */
    private static Optional<String> decode(BufferedImage image) {
        BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
        ReaderException misread = null;
        for (BinaryBitmap bitmap : List.of(
                new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return Optional.of(new QRCodeReader()
                        .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                        .getText());
            } catch (NotFoundException e) {
                return Optional.empty();
            } catch (ChecksumException | FormatException e) {
                misread = e;
            }
        }
        throw new AssertionError("A code on the sheet is unreadable", misread);
    }
}
