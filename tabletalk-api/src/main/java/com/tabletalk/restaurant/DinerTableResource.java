package com.tabletalk.restaurant;

import com.tabletalk.session.RegisteredTable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What a diner's phone asks after scanning a table's code: whose table it is, for the welcome screen. */
@Path("/restaurants/{slug}/tables/{label}")
@Produces(MediaType.APPLICATION_JSON)
public class DinerTableResource {

    private final DinerTables tables;

    public DinerTableResource(DinerTables tables) {
        this.tables = tables;
    }

    public record RestaurantView(String slug, String name) {}

    public record TableView(String label) {}

    public record DinerTableView(RestaurantView restaurant, TableView table) {}

    @GET
    public DinerTableView get(@PathParam("slug") String slug, @PathParam("label") String label) {
        RegisteredTable table = tables.open(slug, label);
        return new DinerTableView(
                new RestaurantView(table.restaurantSlug(), table.restaurantName()), new TableView(table.tableLabel()));
    }
}
