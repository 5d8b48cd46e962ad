package com.tabletalk.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevBannerTest {

    @Test
    void withoutFrontendUrlItNamesTheLocalAddressADemoTableItsQrCodeAndHowToLetPhonesIn() {
        String text = DevBanner.text(null, "8080", Optional.of("10.0.0.7"));

        assertThat(text)
                .contains("Table-Talk is running at http://localhost:8080\n")
                .contains("Try a table:  http://localhost:8080/t/demo-1\n")
                .contains("Its QR code:  http://localhost:8080/api/tables/demo-1/qr.png\n")
                .contains("FRONTEND_URL=http://10.0.0.7:8080 mvn -Pdev -DskipTests package");
    }

    @Test
    void theExampleAddressStandsInWhenTheMachineHasNoneOnANetwork() {
        assertThat(DevBanner.text("", "9000", Optional.empty()))
                .contains("http://localhost:9000/t/demo-1")
                .contains("FRONTEND_URL=http://192.168.1.20:9000");
    }

    @Test
    void withFrontendUrlSetTheLinksUseItAndTheHintIsNoLongerNeeded() {
        String text = DevBanner.text("http://192.168.1.20:8080/", "8080", Optional.of("192.168.1.20"));

        assertThat(text)
                .contains("Table-Talk is running at http://192.168.1.20:8080\n")
                .contains("Try a table:  http://192.168.1.20:8080/t/demo-1\n")
                .contains("Its QR code:  http://192.168.1.20:8080/api/tables/demo-1/qr.png\n")
                .doesNotContain("restart with FRONTEND_URL");
    }
}
