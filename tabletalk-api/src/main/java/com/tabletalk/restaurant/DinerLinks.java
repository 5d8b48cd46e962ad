package com.tabletalk.restaurant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The public addresses of a restaurant's tables, the one place that builds them. */
public final class DinerLinks {

    private DinerLinks() {
    }

    /** {@code FRONTEND_URL/r/<slug>/t/<label>}, the label percent-encoded with {@code %20} for spaces. */
    public static String table(String frontendOrigin, String slug, String label) {
        return frontendOrigin + "/r/" + slug + "/t/" + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
