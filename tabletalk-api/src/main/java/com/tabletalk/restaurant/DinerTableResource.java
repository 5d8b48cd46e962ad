package com.tabletalk.restaurant;

import com.tabletalk.question.Context;
import com.tabletalk.session.RegisteredTable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

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

    /** {@code contexts}: the kinds of questions the table offers, in the order the welcome screen lists them. */
    public record DinerTableView(RestaurantView restaurant, TableView table, List<String> contexts) {}

    @GET
    public DinerTableView get(@PathParam("slug") String slug, @PathParam("label") String label) {
        RegisteredTable table = tables.open(slug, label);
        return new DinerTableView(
                new RestaurantView(table.restaurantSlug(), table.restaurantName()),
                new TableView(table.tableLabel()),
                table.contexts().stream().map(Context::wire).toList());
    }
}
