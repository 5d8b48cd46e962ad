package com.tabletalk.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.ConsoleClient;
import com.tabletalk.testing.ConsoleFixtures;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Invite and reset mail through a real SMTP server started in this JVM. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MailIT {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(
            DB,
            ConfigOverride.config("account.smtpUrl", "smtp://127.0.0.1:" + SMTP_PORT),
            ConfigOverride.config("account.mailFrom", "Table-Talk <console@tabletalk.test>"));
    private static final Pattern LINK =
            Pattern.compile(Pattern.quote(TestApp.FRONTEND) + "/console/(invite|reset)/[A-Za-z0-9_-]{43}");

    private ConsoleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ConsoleFixtures(DB, APP.getLocalPort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String linkIn(MimeMessage message) throws Exception {
        Matcher matcher = LINK.matcher(message.getContent().toString());
        assertThat(matcher.find()).as("the mail holds a link").isTrue();
        return matcher.group();
    }

    @Test
    void anInviteGoesOutByMailAndItsLinkWorks() throws Exception {
        long restaurant = fixtures.restaurant("mailed", "Mailed Trattoria");
        ConsoleClient manager = fixtures.manager(restaurant);

        ApiClient.Reply invite = manager.post(
                "/console/restaurants/mailed/invites", ApiClient.json(Map.of("email", "chef@example.com")));

        assertThat(invite.status()).isEqualTo(201);
        assertThat(invite.body().get("emailed").asBoolean()).isTrue();
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = MAIL.getReceivedMessagesForDomain("example.com")[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("chef@example.com");
        assertThat(message.getFrom()[0].toString()).contains("console@tabletalk.test");
        assertThat(message.getSubject()).contains("Mailed Trattoria");
        String link = linkIn(message);
        assertThat(link).isEqualTo(invite.body().get("link").asText());
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(fixtures.signedOut()
                        .post(
                                "/console/invites/" + token + "/accept",
                                ApiClient.json(Map.of("password", "pasta every single day")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theConsoleCanInviteWithoutSendingMail() {
        long restaurant = fixtures.restaurant("quiet", "Quiet");

        ApiClient.Reply invite = fixtures.manager(restaurant)
                .post(
                        "/console/restaurants/quiet/invites",
                        ApiClient.json(Map.of("email", "quiet@example.com", "sendEmail", false)));

        assertThat(invite.body().get("emailed").asBoolean()).isFalse();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void forgotPasswordMailsAWorkingResetLink() throws Exception {
        ConsoleClient manager = fixtures.manager();

        ApiClient.Reply requested =
                fixtures.signedOut().post("/console/password-resets", ApiClient.json(Map.of("email", manager.email())));

        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.body().get("emailConfigured").asBoolean()).isTrue();
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        String link = linkIn(MAIL.getReceivedMessages()[0]);
        assertThat(link).contains("/console/reset/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        ApiClient.Reply completed = fixtures.signedOut()
                .post(
                        "/console/password-resets/" + token + "/complete",
                        ApiClient.json(Map.of("password", "remembered it at last")));
        assertThat(completed.status()).isEqualTo(200);
    }

    @Test
    void forgotPasswordForAnUnknownAddressAnswersTheSameAndSendsNothing() throws Exception {
        ConsoleClient manager = fixtures.manager();
        ApiClient.Reply known =
                fixtures.signedOut().post("/console/password-resets", ApiClient.json(Map.of("email", manager.email())));
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();

        ApiClient.Reply unknown = fixtures.signedOut()
                .post("/console/password-resets", ApiClient.json(Map.of("email", "stranger@example.com")));

        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(unknown.body()).isEqualTo(known.body());
        Thread.sleep(1_000);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }
}
