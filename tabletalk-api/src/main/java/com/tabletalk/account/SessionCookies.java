package com.tabletalk.account;

import com.tabletalk.common.ForwardedHeader;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * The console's session cookie: script cannot read it, other sites never make the browser send it, it travels
 * only to the console's API and, behind TLS, only over TLS.
 */
public final class SessionCookies {

    public static final String NAME = "tt_console";
    public static final String PATH = "/api/console";

    private SessionCookies() {}

    public static NewCookie issue(String token, long maxAgeSeconds, boolean secure) {
        return build(token, (int) Math.min(Integer.MAX_VALUE, maxAgeSeconds), secure);
    }

    /** Tells the browser to drop the cookie. */
    public static NewCookie clear(boolean secure) {
        return build("", 0, secure);
    }

    /**
     * Whether the browser reached us over TLS: the same test as the HSTS header's (our own proxy ends TLS and says
     * so in its X-Forwarded-Proto line), or a TLS connector of our own.
     */
    public static boolean overTls(HttpHeaders headers, SecurityContext security, int trustedProxyHops) {
        List<String> protoLines = headers.getRequestHeader("X-Forwarded-Proto");
        return ForwardedHeader.saysHttps(protoLines, trustedProxyHops) || security.isSecure();
    }

    private static NewCookie build(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path(PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
