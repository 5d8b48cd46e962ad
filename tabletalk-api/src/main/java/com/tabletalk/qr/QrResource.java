package com.tabletalk.qr;

import com.tabletalk.common.ApiException;
import com.tabletalk.common.FrontendLinks;
import com.tabletalk.common.TableToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** A table's QR code: what the restaurant prints, opening the web app at that table. */
@Path("/tables")
public class QrResource {

    private static final String SVG = "image/svg+xml";

    private final FrontendLinks links;

    public QrResource(FrontendLinks links) {
        this.links = links;
    }

    @GET
    @Path("/{tableToken}/qr.svg")
    @Produces(SVG)
    public Response tableSvg(@PathParam("tableToken") String tableToken) {
        return Response.ok(QrCodes.svg(links.table(new TableToken(tableToken))), SVG)
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }

    @GET
    @Path("/{tableToken}/qr.png")
    @Produces("image/png")
    public Response tablePng(@PathParam("tableToken") String tableToken, @QueryParam("size") String size) {
        return Response.ok(QrCodes.png(links.table(new TableToken(tableToken)), pngSize(size)), "image/png")
                .header("Cache-Control", "public, max-age=86400")
                .build();
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
            throw ApiException.invalid(
                    "size must be between " + QrCodes.MIN_PNG_SIZE + " and " + QrCodes.MAX_PNG_SIZE + " pixels.");
        }
        return size;
    }
}
