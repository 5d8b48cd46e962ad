package com.tabletalk.testing;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * A browser on the console: sends the session cookie (when signed in) and the web app's Origin, as the console
 * does. Paths are relative to /api, e.g. {@code /console/me}.
 */
public final class ConsoleClient {

    private final ApiClient api;
    private final String email;
    private final String password;
    private final String cookie;
    private final String origin;

    ConsoleClient(ApiClient api, String email, String password, String cookie, String origin) {
        this.api = api;
        this.email = email;
        this.password = password;
        this.cookie = cookie;
        this.origin = origin;
    }

    /** The signed-in user's email; null when signed out. */
    public String email() {
        return email;
    }

    /** The signed-in user's password (random per fixture); null when signed out. */
    public String password() {
        return password;
    }

    /** The {@code tt_console} cookie's value; null when signed out. */
    public String cookie() {
        return cookie;
    }

    public ApiClient api() {
        return api;
    }

    /** The same browser sending another Origin header, or none for null. */
    public ConsoleClient withOrigin(String otherOrigin) {
        return new ConsoleClient(api, email, password, cookie, otherOrigin);
    }

    /** The same browser with another session cookie value, or none for null. */
    public ConsoleClient withCookie(String otherCookie) {
        return new ConsoleClient(api, email, password, otherCookie, origin);
    }

    public ApiClient.Reply get(String path) {
        return send(HttpRequest.newBuilder(api.uri(path)).GET());
    }

    public ApiClient.Reply post(String path, String json) {
        return send(withBody(HttpRequest.newBuilder(api.uri(path)), "POST", json));
    }

    public ApiClient.Reply patch(String path, String json) {
        return send(withBody(HttpRequest.newBuilder(api.uri(path)), "PATCH", json));
    }

    public ApiClient.Reply delete(String path) {
        return send(HttpRequest.newBuilder(api.uri(path)).DELETE());
    }

    /** Any request, with this browser's cookie and Origin added. */
    public ApiClient.Reply send(HttpRequest.Builder request) {
        Map<String, String> headers = new HashMap<>();
        if (cookie != null) {
            headers.put("Cookie", "tt_console=" + cookie);
        }
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return api.send(request, headers);
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String json) {
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
}
