package com.tabletalk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tabletalk.common.FrontendLinks;
import org.junit.jupiter.api.Test;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;

class AccountMailTest {

    @Test
    void smtpsUrlsUseTlsFromTheStartWithDecodedCredentials() {
        Mailer mailer = AccountMail.mailer("smtps://apikey:p%40ss%3Aword@smtp.example.com");

        assertThat(mailer.getTransportStrategy()).isEqualTo(TransportStrategy.SMTPS);
        assertThat(mailer.getServerConfig().getHost()).isEqualTo("smtp.example.com");
        assertThat(mailer.getServerConfig().getPort()).isEqualTo(465);
        assertThat(mailer.getServerConfig().getUsername()).isEqualTo("apikey");
        assertThat(mailer.getServerConfig().getPassword()).isEqualTo("p@ss:word");
    }

    @Test
    void starttlsUrlsInsistOnStarttls() {
        Mailer mailer = AccountMail.mailer("smtp+starttls://user:secret@smtp.example.com:2525");

        assertThat(mailer.getTransportStrategy()).isEqualTo(TransportStrategy.SMTP_TLS);
        assertThat(mailer.getServerConfig().getPort()).isEqualTo(2525);
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> AccountMail.mailer("http://smtp.example.com")).hasMessageContaining("SMTP_URL");
        assertThatThrownBy(() -> AccountMail.mailer("smtp:///nohost")).hasMessageContaining("host");
    }

    @Test
    void anUnparsableUrlIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> AccountMail.mailer("smtps://user:my secret@smtp.example.com"))
                .hasMessageContaining("SMTP_URL")
                .hasMessageNotContaining("my secret");
    }

    @Test
    void withoutAUrlNothingIsSent() {
        AccountMail mail = AccountMail.from(new AccountConfig(), new FrontendLinks("https://tabletalk.example"));

        assertThat(mail.configured()).isFalse();
        assertThat(mail.send("someone@example.com", "subject", "text")).isFalse();
    }
}
