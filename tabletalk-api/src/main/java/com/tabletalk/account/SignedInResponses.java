package com.tabletalk.account;

import com.tabletalk.account.ConsoleViews.UserResponse;
import com.tabletalk.account.ConsoleViews.UserView;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** The answer to everything that signs a browser in (sign-in, invite acceptance, reset): the user and the cookie. */
public class SignedInResponses {

    private final ConsoleSessions sessions;
    private final AccountDao accounts;
    private final int trustedProxyHops;

    public SignedInResponses(ConsoleSessions sessions, AccountDao accounts, int trustedProxyHops) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.trustedProxyHops = trustedProxyHops;
    }

    /** The user with the restaurants they may open. */
    UserView view(StaffUser user) {
        return new UserView(
                user.email(), user.role(), accounts.restaurantsOf(user.isAdmin(), user.restaurantIdArray()));
    }

    Response of(AccountService.SignedIn signedIn, HttpHeaders headers, SecurityContext security) {
        return Response.ok(new UserResponse(view(signedIn.user())))
                .cookie(SessionCookies.issue(
                        signedIn.token(),
                        sessions.absoluteSeconds(),
                        SessionCookies.overTls(headers, security, trustedProxyHops)))
                .build();
    }
}
