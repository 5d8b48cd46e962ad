package com.tabletalk.account;

import com.tabletalk.account.ConsoleViews.LinkResponse;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ClientAddress;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** Password resets: "forgot password", the link an admin issues, and setting the new password from a link. */
@Path("/console")
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    public record ResetRequest(String email) {}

    public record ResetRequested(boolean emailConfigured) {}

    public record ResetLinkRequest(String email, Boolean sendEmail) {}

    public record ResetView(String email) {}

    public record ResetResponse(ResetView reset) {}

    public record CompleteRequest(String password) {}

    private final AccountService accounts;
    private final SignedInResponses responses;
    private final int trustedProxyHops;

    public PasswordResetResource(AccountService accounts, SignedInResponses responses, int trustedProxyHops) {
        this.accounts = accounts;
        this.responses = responses;
        this.trustedProxyHops = trustedProxyHops;
    }

    /** Always 202 for a well-formed address: whether it has an account is never told. */
    @POST
    @Path("/password-resets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(ResetRequest request, @Context HttpServletRequest http) {
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with the email of the account.");
        }
        boolean configured = accounts.requestReset(request.email(), ClientAddress.of(http, trustedProxyHops));
        return Response.accepted(new ResetRequested(configured)).build();
    }

    @GET
    @Path("/password-resets/{token}")
    public ResetResponse check(@PathParam("token") String token) {
        return new ResetResponse(new ResetView(accounts.pendingReset(token).email()));
    }

    @POST
    @Path("/password-resets/{token}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complete(
            @PathParam("token") String token,
            CompleteRequest request,
            @Context HttpHeaders headers,
            @Context SecurityContext security) {
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with the new password.");
        }
        return responses.of(accounts.completeReset(token, request.password()), headers, security);
    }

    @POST
    @Path("/reset-links")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@Auth StaffUser admin, ResetLinkRequest request) {
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with the email of the account.");
        }
        AccountService.Link link =
                accounts.issueReset(admin, request.email(), request.sendEmail() == null || request.sendEmail());
        return Response.status(201)
                .entity(new LinkResponse(link.link(), link.emailed()))
                .build();
    }
}
