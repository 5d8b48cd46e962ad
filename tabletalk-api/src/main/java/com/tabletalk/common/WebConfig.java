package com.tabletalk.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;

/** Where the diners' web app lives ({@code web} in config.yml). */
public class WebConfig {
    @NotBlank
    @Pattern(regexp = "https?://[^/?#\\s]+/?", message = "must be an origin such as https://tabletalk.example")
    @JsonProperty
    private String frontendUrl = "http://localhost:8080";

    /** The configured origin without a trailing slash, e.g. {@code https://tabletalk.example}. */
    public String frontendOrigin() {
        URI uri = URI.create(frontendUrl.strip());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public FrontendLinks links() {
        return new FrontendLinks(frontendOrigin());
    }
}
