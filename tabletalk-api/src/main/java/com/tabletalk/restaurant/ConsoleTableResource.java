package com.tabletalk.restaurant;

import com.tabletalk.account.Role;
import com.tabletalk.account.StaffUser;
import com.tabletalk.common.ApiException;
import com.tabletalk.restaurant.ConsoleTables.TableView;
import com.tabletalk.restaurant.TableDao.ScopedRestaurant;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * A restaurant's tables in the console: list, add, rename, deactivate, and the documents to print. The path is the
 * restaurants resource's own, so that Jersey merges the two rather than choosing one by its longer literal path.
 */
@Path("/console/restaurants")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleTableResource {

    private final ConsoleTables tables;

    public ConsoleTableResource(ConsoleTables tables) {
        this.tables = tables;
    }

    public record TablesView(List<TableView> tables) {}

    public record OneTableView(TableView table) {}

    /** Either {@code count} numbered tables or the given {@code labels}. */
    public record NewTables(Integer count, List<String> labels) {}

    public record TableChange(String label, Boolean active) {}

    @GET
    @Path("/{slug}/tables")
    public TablesView list(@Auth StaffUser user, @PathParam("slug") String slug) {
        return new TablesView(tables.list(user, slug));
    }

    @POST
    @Path("/{slug}/tables")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, "MANAGER"})
    public Response add(@Auth StaffUser user, @PathParam("slug") String slug, NewTables request) {
        if (request == null || (request.count() == null) == (request.labels() == null)) {
            throw ApiException.invalid("Send either {\"count\": N} or {\"labels\": [\"7\", \"Patio 3\"]}.");
        }
        List<TableView> added = request.count() != null
                ? tables.addNumbered(user, slug, request.count())
                : tables.addLabelled(user, slug, request.labels());
        return Response.status(Response.Status.CREATED)
                .entity(new TablesView(added))
                .build();
    }

    @PATCH
    @Path("/{slug}/tables/{label}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, "MANAGER"})
    public OneTableView change(
            @Auth StaffUser user,
            @PathParam("slug") String slug,
            @PathParam("label") String label,
            TableChange request) {
        if (request == null) {
            throw ApiException.invalid("Send {\"label\": \"…\"}, {\"active\": false}, or both.");
        }
        return new OneTableView(tables.change(user, slug, label, request.label(), request.active()));
    }

    @GET
    @Path("/{slug}/tables.csv")
    @Produces("text/csv")
    public Response csv(@Auth StaffUser user, @PathParam("slug") String slug, @QueryParam("tables") String selection) {
        ScopedRestaurant restaurant = tables.restaurant(user, slug);
        List<PrintedTable> chosen = tables.printable(user, restaurant, selection);
        return download(
                out -> TableCsv.write(chosen, out), "text/csv; charset=UTF-8", restaurant.slug() + "-tables.csv");
    }

    @GET
    @Path("/{slug}/qr-codes.zip")
    @Produces("application/zip")
    public Response zip(@Auth StaffUser user, @PathParam("slug") String slug, @QueryParam("tables") String selection) {
        ScopedRestaurant restaurant = tables.restaurant(user, slug);
        List<PrintedTable> chosen = tables.printable(user, restaurant, selection);
        return download(out -> QrZip.write(chosen, out), "application/zip", restaurant.slug() + "-qr-codes.zip");
    }

    @GET
    @Path("/{slug}/qr-sheet.pdf")
    @Produces("application/pdf")
    public Response pdf(
            @Auth StaffUser user,
            @PathParam("slug") String slug,
            @QueryParam("paper") String paper,
            @QueryParam("perPage") String perPage,
            @QueryParam("tables") String selection) {
        QrSheet.Paper size = paper(paper);
        QrSheet.Layout layout = layout(perPage);
        ScopedRestaurant restaurant = tables.restaurant(user, slug);
        List<PrintedTable> chosen = tables.printable(user, restaurant, selection);
        if (chosen.isEmpty()) {
            throw ApiException.invalid("This restaurant has no active tables to print.");
        }
        return download(
                out -> QrSheet.write(restaurant.name(), chosen, size, layout, out),
                "application/pdf",
                restaurant.slug() + "-qr-sheet.pdf");
    }

    private static QrSheet.Paper paper(String raw) {
        if (raw == null || raw.isEmpty()) {
            return QrSheet.Paper.A4;
        }
        try {
            return QrSheet.Paper.fromWire(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("paper must be a4 or letter.");
        }
    }

    private static QrSheet.Layout layout(String raw) {
        if (raw == null || raw.isEmpty()) {
            return QrSheet.Layout.FOUR;
        }
        try {
            return QrSheet.Layout.perPage(raw.length() == 1 ? Integer.parseInt(raw) : 0);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("perPage must be 1, 2, 4 or 6.");
        }
    }

    /** The slug is {@code [a-z0-9-]}, so the file name needs no quoting beyond the quotes. */
    private static Response download(StreamingOutput body, String type, String fileName) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
