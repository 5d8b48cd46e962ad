package com.tabletalk.insight;

import com.tabletalk.account.StaffUser;
import com.tabletalk.restaurant.ConsoleRestaurantDao.RestaurantRow;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A restaurant's dashboard and raw export, for its managers and admins. The path is the restaurants resource's own,
 * so that Jersey merges the resources rather than choosing one by its longer literal path.
 */
@Path("/console/restaurants")
@Produces(MediaType.APPLICATION_JSON)
public class InsightResource {

    private final Insights insights;
    private final EventExport export;

    public InsightResource(Insights insights, EventExport export) {
        this.insights = insights;
        this.export = export;
    }

    @GET
    @Path("/{slug}/insights")
    public InsightView insights(
            @Auth StaffUser user,
            @PathParam("slug") String slug,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return insights.forRestaurant(user, slug, InsightRange.parse(from, to));
    }

    @GET
    @Path("/{slug}/events.csv")
    @Produces("text/csv")
    public Response csv(
            @Auth StaffUser user,
            @PathParam("slug") String slug,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return download(user, slug, from, to, "csv", "text/csv; charset=UTF-8", export::csv);
    }

    @GET
    @Path("/{slug}/events.jsonl")
    @Produces("application/x-ndjson")
    public Response jsonLines(
            @Auth StaffUser user,
            @PathParam("slug") String slug,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return download(user, slug, from, to, "jsonl", "application/x-ndjson; charset=UTF-8", export::jsonLines);
    }

    /** Writes one restaurant's events from start (inclusive) to end (exclusive) to a stream. */
    @FunctionalInterface
    private interface Writer {
        void write(long restaurantId, Instant start, Instant end, OutputStream out) throws IOException;
    }

    /** The restaurant's raw events of the range's local days, streamed as an attachment. */
    private Response download(
            StaffUser user, String slug, String from, String to, String extension, String type, Writer writer) {
        InsightRange range = InsightRange.parse(from, to);
        RestaurantRow restaurant = insights.restaurant(user, slug);
        ZoneId zone = ZoneId.of(restaurant.timeZone());
        Instant start = range.start(zone);
        Instant end = range.end(zone);
        StreamingOutput body = out -> writer.write(restaurant.id(), start, end, out);
        return Response.ok(body, type)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + fileName(restaurant, range, extension) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The slug is {@code [a-z0-9-]} and the dates are ISO dates, so the name needs no quoting beyond the quotes. */
    private static String fileName(RestaurantRow restaurant, InsightRange range, String extension) {
        return restaurant.slug() + "-events-" + range.from() + "-to-" + range.to() + "." + extension;
    }
}
