package com.tabletalk.account;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.FrontendLinks;
import com.tabletalk.common.RateLimiter;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Sign-in, passwords, and the invite and reset links that set them. */
public class AccountService {

    /** A successful sign-in: who, and the token for the cookie. */
    public record SignedIn(StaffUser user, String token) {}

    /** A link made for someone, and whether it went out by mail. */
    public record Link(String link, boolean emailed) {}

    private static final String INVALID_CREDENTIALS = "That email and password do not match an account.";
    private static final String LINK_NOT_VALID =
            "This link is not valid: it was used already, has expired, or never existed.";

    private final Jdbi jdbi;
    private final AccountDao accounts;
    private final Passwords passwords;
    private final ConsoleSessions sessions;
    private final AccountMail mail;
    private final AuditLog audit;
    private final AccountConfig config;
    private final FrontendLinks links;
    private final RateLimiter rateLimiter;
    private final RateLimiter.Limit signInsPerEmail;
    private final RateLimiter.Limit signInsPerAddress;
    private final RateLimiter.Limit resetMailsPerEmail;

    public AccountService(
            Jdbi jdbi,
            Passwords passwords,
            ConsoleSessions sessions,
            AccountMail mail,
            AuditLog audit,
            AccountConfig config,
            FrontendLinks links,
            RateLimiter rateLimiter) {
        this.jdbi = jdbi;
        this.accounts = jdbi.onDemand(AccountDao.class);
        this.passwords = passwords;
        this.sessions = sessions;
        this.mail = mail;
        this.audit = audit;
        this.config = config;
        this.links = links;
        this.rateLimiter = rateLimiter;
        this.signInsPerEmail =
                new RateLimiter.Limit("console-sign-in-email", config.signInsPerEmail(), config.signInWindow());
        this.signInsPerAddress =
                new RateLimiter.Limit("console-sign-in-address", config.signInsPerAddress(), config.signInWindow());
        this.resetMailsPerEmail = new RateLimiter.Limit(
                "console-reset-mail", config.resetMailsPerEmailPerHour(), java.time.Duration.ofHours(1));
    }

    /**
     * Every attempt counts against the address and the email, known or not. An unknown email spends the time of a
     * password check and gets the same answer as a wrong password.
     */
    public SignedIn signIn(String email, String password, String clientAddress) {
        rateLimiter.check(signInsPerAddress, clientAddress);
        String normalized = Emails.normalize(email);
        rateLimiter.check(signInsPerEmail, normalized);
        if (password == null || password.isEmpty() || password.length() > PasswordRules.MAX_LENGTH * 2) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
        }
        var found = accounts.credentials(normalized);
        boolean matches = found.isPresent()
                ? passwords.matches(password, found.get().passwordHash())
                : passwords.matchesNobody(password);
        if (!matches) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
        }
        long userId = found.get().id();
        String token = sessions.start(userId);
        StaffUser user = sessions.authenticate(token).orElseThrow();
        audit.record(user, "user.signed_in", null, Map.of());
        return new SignedIn(user, token);
    }

    /** Changes the password after checking the current one; every other sign-in of the user ends. */
    public void changePassword(StaffUser user, String currentToken, String currentPassword, String newPassword) {
        rateLimiter.check(signInsPerEmail, user.email());
        if (currentPassword == null || !passwords.matches(currentPassword, accounts.passwordHash(user.id()))) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "The current password is not right.");
        }
        PasswordRules.check(newPassword, user.email());
        String hash = passwords.hash(newPassword);
        jdbi.useTransaction(handle -> {
            AccountDao dao = handle.attach(AccountDao.class);
            dao.setPassword(user.id(), hash);
            dao.useAllResets(user.id());
            handle.attach(ConsoleSessionDao.class).revokeOthers(user.id(), Tokens.hash(currentToken));
        });
        audit.record(user, "password.changed", null, Map.of());
    }

    /** An invite to manage a restaurant the caller may act for. */
    public Link inviteManager(
            StaffUser actor, long restaurantId, String restaurantName, String email, boolean sendEmail) {
        String normalized = Emails.normalize(email);
        if (accounts.isMember(restaurantId, normalized)) {
            throw new ApiException(ErrorCode.CONFLICT, normalized + " manages this restaurant already.");
        }
        String token = Tokens.newToken();
        accounts.insertInvite(
                Tokens.hash(token),
                normalized,
                Role.MANAGER.name(),
                restaurantId,
                actor.id(),
                seconds(config.inviteLifetime()));
        String link = inviteLink(token);
        boolean emailed = sendEmail
                && mail.send(
                        normalized,
                        "You are invited to manage " + restaurantName + " on Table-Talk",
                        actor.email() + " invites you to manage " + restaurantName + " on Table-Talk.\n\n"
                                + "Open this link to choose your password (it works once, for "
                                + config.inviteLifetime().toDays() + " days):\n" + link + "\n");
        audit.record(
                actor,
                "invite.created",
                restaurantId,
                Map.of("email", normalized, "role", Role.MANAGER.name(), "emailed", emailed));
        return new Link(link, emailed);
    }

    /** The emails of those who manage a restaurant the caller may act for. */
    public List<String> managerEmails(long restaurantId) {
        return accounts.managerEmails(restaurantId);
    }

    /** Ends someone's membership of a restaurant the caller may act for; 404 when they have none. */
    public void removeManager(StaffUser actor, long restaurantId, String email) {
        String normalized = Emails.normalize(email);
        if (accounts.removeMembership(restaurantId, normalized) == 0) {
            throw ApiException.notFound(normalized + " does not manage this restaurant.");
        }
        audit.record(actor, "manager.removed", restaurantId, Map.of("email", normalized));
    }

    public AccountDao.PendingToken pendingInvite(String token) {
        return pending(token, "INVITE");
    }

    /** Sets the invited person's password, grants what the invite grants and signs them in; works once. */
    public SignedIn acceptInvite(String token, String password) {
        return redeem(token, "INVITE", password, "invite.accepted", (dao, used, hash) -> {
            long id = dao.upsertWithPassword(used.email(), used.role(), hash);
            if (used.restaurantId() != null) {
                dao.addMembership(id, used.restaurantId());
            }
            return id;
        });
    }

    /**
     * "Forgot password": mails a reset link when the address has an account and mail is set up. The answer is the
     * same either way, and comes before the mail goes out.
     */
    public boolean requestReset(String email, String clientAddress) {
        rateLimiter.check(signInsPerAddress, clientAddress);
        String normalized = Emails.normalize(email);
        if (!mail.configured()) {
            return false;
        }
        rateLimiter.check(resetMailsPerEmail, normalized);
        accounts.credentials(normalized).ifPresent(user -> {
            String link = newReset(user.id(), null);
            mail.sendInBackground(user.email(), "Reset your Table-Talk password", resetText(link));
        });
        return true;
    }

    /** A reset link an admin makes for someone who cannot sign in. */
    public Link issueReset(StaffUser admin, String email, boolean sendEmail) {
        String normalized = Emails.normalize(email);
        AccountDao.Credentials user = accounts.credentials(normalized)
                .orElseThrow(() -> ApiException.notFound("There is no account with that email."));
        String link = newReset(user.id(), admin.id());
        boolean emailed = sendEmail && mail.send(user.email(), "Reset your Table-Talk password", resetText(link));
        audit.record(admin, "password.reset_issued", null, Map.of("email", user.email(), "emailed", emailed));
        return new Link(link, emailed);
    }

    public AccountDao.PendingToken pendingReset(String token) {
        return pending(token, "RESET");
    }

    /** Sets a new password from a reset link, ends every sign-in of the user and signs this browser in. */
    public SignedIn completeReset(String token, String password) {
        return redeem(token, "RESET", password, "password.reset", (dao, used, hash) -> {
            dao.setPassword(used.userId(), hash);
            return used.userId();
        });
    }

    /** What redeeming a one-time link does to the account, inside the transaction that uses the link up. */
    private interface Redemption {
        long apply(AccountDao dao, AccountDao.UsedToken used, String passwordHash);
    }

    /**
     * Uses a one-time link up and sets a password with it, all or nothing: the rules are checked and the password
     * hashed first; then the link is spent, {@code redemption} applied, every reset link of the user spent and every
     * sign-in ended; then this browser is signed in.
     */
    private SignedIn redeem(String token, String purpose, String password, String action, Redemption redemption) {
        AccountDao.PendingToken pending = pending(token, purpose);
        PasswordRules.check(password, pending.email());
        String hash = passwords.hash(password);
        long userId = jdbi.inTransaction(handle -> {
            AccountDao dao = handle.attach(AccountDao.class);
            AccountDao.UsedToken used =
                    dao.use(Tokens.hash(token), purpose).orElseThrow(() -> ApiException.notFound(LINK_NOT_VALID));
            long id = redemption.apply(dao, used, hash);
            dao.useAllResets(id);
            handle.attach(ConsoleSessionDao.class).revokeAll(id);
            return id;
        });
        return signInAfter(userId, action);
    }

    private SignedIn signInAfter(long userId, String action) {
        String sessionToken = sessions.start(userId);
        StaffUser user = sessions.authenticate(sessionToken).orElseThrow();
        audit.record(user, action, null, Map.of());
        return new SignedIn(user, sessionToken);
    }

    private AccountDao.PendingToken pending(String token, String purpose) {
        if (!Tokens.wellFormed(token)) {
            throw ApiException.notFound(LINK_NOT_VALID);
        }
        return accounts.pending(Tokens.hash(token), purpose).orElseThrow(() -> ApiException.notFound(LINK_NOT_VALID));
    }

    private String newReset(long userId, Long createdBy) {
        String token = Tokens.newToken();
        accounts.insertReset(Tokens.hash(token), userId, createdBy, seconds(config.resetLifetime()));
        return links.consoleReset(token);
    }

    private String resetText(String link) {
        return "Someone asked to reset the password of your Table-Talk account.\n\n"
                + "Open this link to choose a new password (it works once, for "
                + config.resetLifetime().toMinutes()
                + " minutes):\n" + link + "\n\nIf that was not you, ignore this mail; your password stays as it is.\n";
    }

    private String inviteLink(String token) {
        return links.consoleInvite(token);
    }

    static double seconds(java.time.Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
