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

    /**
     * Whether live sockets may use permessage-deflate when the browser offers it. Off: each compressing socket holds
     * a zlib compressor and decompressor (over 100 KB of native memory) for the messages of a few hundred bytes
     * sent here; see README.md, "Load and resilience".
     */
    @JsonProperty
    private boolean liveCompression = false;

    public boolean liveCompression() {
        return liveCompression;
    }

    /** The configured origin without a trailing slash, e.g. {@code https://tabletalk.example}. */
    public String frontendOrigin() {
        URI uri = URI.create(frontendUrl.strip());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public FrontendLinks links() {
        return new FrontendLinks(frontendOrigin());
    }
}
