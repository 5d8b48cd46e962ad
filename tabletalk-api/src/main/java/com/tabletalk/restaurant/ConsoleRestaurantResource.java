package com.tabletalk.restaurant;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.account.AccountService;
import com.tabletalk.account.ConsoleViews.LinkResponse;
import com.tabletalk.account.Role;
import com.tabletalk.account.StaffUser;
import com.tabletalk.common.ApiException;
import com.tabletalk.restaurant.RestaurantViews.RestaurantResponse;
import com.tabletalk.restaurant.RestaurantViews.RestaurantView;
import com.tabletalk.restaurant.RestaurantViews.RestaurantsResponse;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Restaurants in the console: the list, creating (admins), settings, and who manages each. */
@Path("/console/restaurants")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleRestaurantResource {

    public record CreateRestaurantRequest(String name, String slug, String timeZone) {}

    /** What to change; {@code recommendAfterCards} is JSON so that null (the platform's default) differs from absent. */
    public record UpdateRestaurantRequest(
            String name, String timeZone, Boolean active, JsonNode recommendAfterCards, List<String> contexts) {}

    public record InviteRequest(String email, Boolean sendEmail) {}

    public record Manager(String email) {}

    public record ManagersResponse(List<Manager> managers) {}

    private final ConsoleRestaurants restaurants;
    private final AccountService accounts;
    private final int defaultRecommendAfterCards;

    public ConsoleRestaurantResource(
            ConsoleRestaurants restaurants, AccountService accounts, int defaultRecommendAfterCards) {
        this.restaurants = restaurants;
        this.accounts = accounts;
        this.defaultRecommendAfterCards = defaultRecommendAfterCards;
    }

    @GET
    public RestaurantsResponse list(@Auth StaffUser user) {
        return new RestaurantsResponse(
                restaurants.visible(user).stream().map(this::view).toList());
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth StaffUser admin, CreateRestaurantRequest request) {
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with name, timeZone and optionally slug.");
        }
        var created = restaurants.create(admin, request.name(), request.slug(), request.timeZone());
        return Response.status(201)
                .entity(new RestaurantResponse(view(created)))
                .build();
    }

    @GET
    @Path("/{slug}")
    public RestaurantResponse get(@Auth StaffUser user, @PathParam("slug") String slug) {
        return new RestaurantResponse(view(restaurants.find(user, slug)));
    }

    @PATCH
    @Path("/{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RestaurantResponse update(
            @Auth StaffUser user, @PathParam("slug") String slug, UpdateRestaurantRequest request) {
        if (request == null) {
            throw ApiException.invalid(
                    "Send a JSON object with name, timeZone, recommendAfterCards, contexts or active.");
        }
        return new RestaurantResponse(view(restaurants.update(
                user,
                slug,
                request.name(),
                request.timeZone(),
                request.active(),
                request.recommendAfterCards(),
                request.contexts())));
    }

    private RestaurantView view(ConsoleRestaurantDao.RestaurantRow row) {
        return RestaurantView.of(row, defaultRecommendAfterCards);
    }

    /** Invites a manager: the link to copy, and whether it also went out by mail. */
    @POST
    @Path("/{slug}/invites")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@Auth StaffUser user, @PathParam("slug") String slug, InviteRequest request) {
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with the email to invite.");
        }
        var restaurant = restaurants.find(user, slug);
        AccountService.Link link = accounts.inviteManager(
                user,
                restaurant.id(),
                restaurant.name(),
                request.email(),
                request.sendEmail() == null || request.sendEmail());
        return Response.status(201)
                .entity(new LinkResponse(link.link(), link.emailed()))
                .build();
    }

    @GET
    @Path("/{slug}/managers")
    public ManagersResponse managers(@Auth StaffUser user, @PathParam("slug") String slug) {
        return new ManagersResponse(
                restaurants.managers(user, slug).stream().map(Manager::new).toList());
    }

    @DELETE
    @Path("/{slug}/managers/{email}")
    public Response removeManager(
            @Auth StaffUser user, @PathParam("slug") String slug, @PathParam("email") String email) {
        restaurants.removeManager(user, slug, email);
        return Response.noContent().build();
    }
}
