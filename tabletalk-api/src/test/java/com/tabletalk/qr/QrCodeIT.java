package com.tabletalk.qr;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** QR codes decode back to the web app's addresses. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QrCodeIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.forPort(APP.getLocalPort());
    }

    @Test
    void tableSvgOpensTheTablesEntryPage() throws Exception {
        ApiClient.Reply reply = api.get("/tables/window-4/qr.svg");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(decodeSvg(new String(reply.raw().body(), StandardCharsets.UTF_8)))
                .isEqualTo(TestApp.FRONTEND + "/t/window-4");
    }

    @Test
    void tablePngHasTheAskedSizeAndDecodes() throws Exception {
        ApiClient.Reply reply = api.get("/tables/window-4/qr.png?size=300");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(reply.raw().body()));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(decode(image)).isEqualTo(TestApp.FRONTEND + "/t/window-4");
    }

    @Test
    void sessionSvgOpensTheJoinPage() throws Exception {
        // Many sessions, since every id makes a different symbol.
        for (int i = 0; i < 25; i++) {
            Phone phone = aSession().withMode("dual").create(api);

            ApiClient.Reply reply = api.get("/sessions/" + phone.sessionId() + "/qr.svg");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
            assertThat(decodeSvg(new String(reply.raw().body(), StandardCharsets.UTF_8)))
                    .isEqualTo(TestApp.FRONTEND + "/s/" + phone.sessionId() + "/join");
        }
    }

    /** Draws our SVG's path (runs of "M x y h n v1 h-n z") onto an image, then decodes it. */
    private static String decodeSvg(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int scale = 8;
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setColor(Color.BLACK);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        while (run.find()) {
            graphics.fillRect(
                    Integer.parseInt(run.group(1)) * scale,
                    Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale,
                    scale);
        }
        graphics.dispose();
        return decode(image);
    }

    private static String decode(BufferedImage image) throws Exception {
        // The images are rendered, not photographed: "pure" decoding reads them exactly, whatever the content.
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
    }
}
