package com.tabletalk.account;

import com.tabletalk.common.FrontendLinks;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console mail (invite and reset links), sent only when {@code SMTP_URL} is set. {@code smtps://} uses TLS from
 * the start, {@code smtp+starttls://} insists on STARTTLS, plain {@code smtp://} upgrades when the server offers it.
 */
public class AccountMail {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMail.class);
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Optional<Mailer> mailer;
    private final String from;

    AccountMail(Optional<Mailer> mailer, String from) {
        this.mailer = mailer;
        this.from = from;
    }

    public static AccountMail from(AccountConfig config, FrontendLinks links) {
        String from = config.mailFrom().isEmpty()
                ? "no-reply@" + URI.create(links.origin()).getHost()
                : config.mailFrom();
        return new AccountMail(
                config.smtpUrl().isEmpty() ? Optional.empty() : Optional.of(mailer(config.smtpUrl())), from);
    }

    static Mailer mailer(String smtpUrl) {
        URI uri;
        try {
            uri = new URI(smtpUrl);
        } catch (URISyntaxException e) {
            // The parser's message repeats the input, password included; this one does not.
            throw new IllegalArgumentException(
                    "SMTP_URL is not a valid URL (URL-encode special characters in the password)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        TransportStrategy strategy;
        int defaultPort;
        switch (scheme) {
            case "smtps" -> {
                strategy = TransportStrategy.SMTPS;
                defaultPort = 465;
            }
            case "smtp+starttls" -> {
                strategy = TransportStrategy.SMTP_TLS;
                defaultPort = 587;
            }
            case "smtp" -> {
                strategy = TransportStrategy.SMTP;
                defaultPort = 25;
            }
            default ->
                throw new IllegalArgumentException("SMTP_URL must start with smtp://, smtp+starttls:// or smtps://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "SMTP_URL must name a host, e.g. smtps://user:password@smtp.example.com");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        return MailerBuilder.withSMTPServer(
                        uri.getHost(), uri.getPort() > 0 ? uri.getPort() : defaultPort, user, password)
                .withTransportStrategy(strategy)
                .withSessionTimeout(TIMEOUT_MILLIS)
                .buildMailer();
    }

    public boolean configured() {
        return mailer.isPresent();
    }

    /** Sends and waits; false when mail is off or the server refused (the console then offers the link to copy). */
    public boolean send(String to, String subject, String text) {
        if (mailer.isEmpty()) {
            return false;
        }
        try {
            mailer.get().sendMail(email(to, subject, text)).join();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not send console mail: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Sends without making the caller wait, so that the answer's timing says nothing about the address. */
    public void sendInBackground(String to, String subject, String text) {
        mailer.ifPresent(m -> m.sendMail(email(to, subject, text), true).exceptionally(error -> {
            LOG.warn("Could not send console mail: {}", error.getClass().getSimpleName());
            return null;
        }));
    }

    private Email email(String to, String subject, String text) {
        return EmailBuilder.startingBlank()
                .from(from)
                .to(to)
                .withSubject(subject)
                .withPlainText(text)
                .buildEmail();
    }
}
