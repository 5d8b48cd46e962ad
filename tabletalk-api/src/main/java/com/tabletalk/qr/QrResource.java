package com.tabletalk.qr;

import com.tabletalk.common.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;

/** A table's QR code: what the restaurant prints, opening the web app at that table. */
@Path("/tables")
public class QrResource {

    private static final Pattern TABLE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String SVG = "image/svg+xml";

    private final String frontendOrigin;

    public QrResource(String frontendOrigin) {
        this.frontendOrigin = frontendOrigin;
    }

    @GET
    @Path("/{tableToken}/qr.svg")
    @Produces(SVG)
    public Response tableSvg(@PathParam("tableToken") String tableToken) {
        return Response.ok(QrCodes.svg(tableUrl(tableToken)), SVG)
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }

    @GET
    @Path("/{tableToken}/qr.png")
    @Produces("image/png")
    public Response tablePng(@PathParam("tableToken") String tableToken, @QueryParam("size") String size) {
        return Response.ok(QrCodes.png(tableUrl(tableToken), pngSize(size)), "image/png")
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }

    private String tableUrl(String tableToken) {
        if (tableToken == null || !TABLE_TOKEN.matcher(tableToken).matches()) {
            throw ApiException.invalid("tableToken must be 1 to 64 letters, digits, '-' or '_'.");
        }
        return frontendOrigin + "/t/" + tableToken;
    }

    private static int pngSize(String raw) {
        if (raw == null || raw.isBlank()) {
            return 512;
        }
        int size;
        try {
            size = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("size must be a whole number of pixels.");
        }
        if (size < QrCodes.MIN_PNG_SIZE || size > QrCodes.MAX_PNG_SIZE) {
            throw ApiException.invalid("size must be between " + QrCodes.MIN_PNG_SIZE + " and " + QrCodes.MAX_PNG_SIZE + " pixels.");
        }
        return size;
    }
}
