package com.tabletalk.account;

import com.tabletalk.account.ConsoleViews.RestaurantSummary;
import com.tabletalk.account.ConsoleViews.UserResponse;
import com.tabletalk.account.ConsoleViews.UserView;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** The answer to everything that signs a browser in (sign-in, invite acceptance, reset): the user and the cookie. */
public class SignedInResponses {

    private final ConsoleSessions sessions;
    private final ConsoleRestaurantDao restaurants;

    public SignedInResponses(ConsoleSessions sessions, ConsoleRestaurantDao restaurants) {
        this.sessions = sessions;
        this.restaurants = restaurants;
    }

    /** The user with the restaurants they may open. */
    UserView view(StaffUser user) {
        return new UserView(
                user.email(),
                user.role(),
                restaurants.visible(user.isAdmin(), user.restaurantIdArray()).stream()
                        .map(row -> new RestaurantSummary(row.slug(), row.name()))
                        .toList());
    }

    Response of(AccountService.SignedIn signedIn, HttpHeaders headers, SecurityContext security) {
        return Response.ok(new UserResponse(view(signedIn.user())))
                .cookie(SessionCookies.issue(
                        signedIn.token(), sessions.absoluteSeconds(), SessionCookies.overTls(headers, security)))
                .build();
    }
}
