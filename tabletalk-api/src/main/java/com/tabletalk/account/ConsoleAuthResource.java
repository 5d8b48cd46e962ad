package com.tabletalk.account;

import com.tabletalk.account.ConsoleViews.UserResponse;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ClientAddress;
import io.dropwizard.auth.Auth;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Signing in and out of the console, who is signed in, and changing one's password. */
@Path("/console")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleAuthResource {

    public record SignInRequest(String email, String password) {}

    public record PasswordChangeRequest(String currentPassword, String newPassword) {}

    private final AccountService accounts;
    private final ConsoleSessions sessions;
    private final SignedInResponses responses;
    private final int trustedProxyHops;

    public ConsoleAuthResource(
            AccountService accounts, ConsoleSessions sessions, SignedInResponses responses, int trustedProxyHops) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.responses = responses;
        this.trustedProxyHops = trustedProxyHops;
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(
            SignInRequest request,
            @Context HttpServletRequest http,
            @Context HttpHeaders headers,
            @Context SecurityContext security) {
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with email and password.");
        }
        AccountService.SignedIn signedIn =
                accounts.signIn(request.email(), request.password(), ClientAddress.of(http, trustedProxyHops));
        return responses.of(signedIn, headers, security);
    }

    @POST
    @Path("/sign-out")
    public Response signOut(
            @CookieParam(SessionCookies.NAME) String token,
            @Context HttpHeaders headers,
            @Context SecurityContext security) {
        sessions.end(token);
        return Response.noContent()
                .cookie(SessionCookies.clear(SessionCookies.overTls(headers, security, trustedProxyHops)))
                .build();
    }

    @GET
    @Path("/me")
    public UserResponse me(@Auth StaffUser user) {
        return new UserResponse(responses.view(user));
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(
            @Auth StaffUser user, @CookieParam(SessionCookies.NAME) String token, PasswordChangeRequest request) {
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with currentPassword and newPassword.");
        }
        accounts.changePassword(user, token, request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }
}
