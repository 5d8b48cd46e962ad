package com.tabletalk.account;

import com.tabletalk.account.ConsoleViews.RestaurantSummary;
import com.tabletalk.common.ApiException;
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

/** The pages an invite link opens: what the invite is for, and accepting it with a password. */
@Path("/console/invites/{token}")
@Produces(MediaType.APPLICATION_JSON)
public class InviteResource {

    public record InviteView(String email, Role role, RestaurantSummary restaurant) {}

    public record InviteResponse(InviteView invite) {}

    public record AcceptRequest(String password) {}

    private final AccountService accounts;
    private final SignedInResponses responses;

    public InviteResource(AccountService accounts, SignedInResponses responses) {
        this.accounts = accounts;
        this.responses = responses;
    }

    @GET
    public InviteResponse check(@PathParam("token") String token) {
        AccountDao.PendingToken invite = accounts.pendingInvite(token);
        RestaurantSummary restaurant = invite.restaurantSlug() == null
                ? null
                : new RestaurantSummary(invite.restaurantSlug(), invite.restaurantName());
        return new InviteResponse(new InviteView(invite.email(), Role.valueOf(invite.role()), restaurant));
    }

    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(
            @PathParam("token") String token,
            AcceptRequest request,
            @Context HttpHeaders headers,
            @Context SecurityContext security) {
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with the password to set.");
        }
        return responses.of(accounts.acceptInvite(token, request.password()), headers, security);
    }
}
