package com.tabletalk.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Console accounts: how long sign-ins and links live, how hard sign-in may be tried, and where mail goes out.
 * Defaults follow the OWASP session-management guidance for an application of this kind.
 */
public class AccountConfig {

    /** A signed-in browser left alone this long must sign in again. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration sessionIdleTimeout = Duration.hours(8);

    /** However busy, a sign-in ends this long after it began. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration sessionAbsoluteTimeout = Duration.days(7);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration inviteLifetime = Duration.days(7);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration resetLifetime = Duration.hours(1);

    /** Sign-in attempts per email address, refilled over {@link #signInWindow}. */
    @Min(1)
    @JsonProperty
    private int signInsPerEmail = 10;

    /** Sign-in attempts per client address; a restaurant's staff may share one address. */
    @Min(1)
    @JsonProperty
    private int signInsPerAddress = 50;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration signInWindow = Duration.minutes(15);

    /** "Forgot password" mails per email address and hour, so nobody is flooded with them. */
    @Min(1)
    @JsonProperty
    private int resetMailsPerEmailPerHour = 3;

    /** smtp://, smtp+starttls:// or smtps://user:password@host:port; empty means the console sends no mail. */
    @JsonProperty
    private String smtpUrl = "";

    /** The sender of console mail; empty means no-reply at the web app's host. */
    @JsonProperty
    private String mailFrom = "";

    public java.time.Duration sessionIdleTimeout() {
        return java.time.Duration.ofMillis(sessionIdleTimeout.toMilliseconds());
    }

    public java.time.Duration sessionAbsoluteTimeout() {
        return java.time.Duration.ofMillis(sessionAbsoluteTimeout.toMilliseconds());
    }

    public java.time.Duration inviteLifetime() {
        return java.time.Duration.ofMillis(inviteLifetime.toMilliseconds());
    }

    public java.time.Duration resetLifetime() {
        return java.time.Duration.ofMillis(resetLifetime.toMilliseconds());
    }

    public int signInsPerEmail() {
        return signInsPerEmail;
    }

    public int signInsPerAddress() {
        return signInsPerAddress;
    }

    public java.time.Duration signInWindow() {
        return java.time.Duration.ofMillis(signInWindow.toMilliseconds());
    }

    public int resetMailsPerEmailPerHour() {
        return resetMailsPerEmailPerHour;
    }

    public String smtpUrl() {
        return smtpUrl == null ? "" : smtpUrl.strip();
    }

    public String mailFrom() {
        return mailFrom == null ? "" : mailFrom.strip();
    }
}
