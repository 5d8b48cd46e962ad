package com.tabletalk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A small HTTP client for the API under test, speaking JSON. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    public ApiClient(String base) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base);
    }

    /** Over a client of the caller's, e.g. one that many simulated phones share. */
    public ApiClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    public static ApiClient forPort(int port) {
        return new ApiClient("http://127.0.0.1:" + port + "/api");
    }

    public String base() {
        return base;
    }

    public record Reply(int status, JsonNode body, HttpResponse<byte[]> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String error() {
            return body.path("error").asText(null);
        }

        public JsonNode session() {
            return body.has("session") ? body.get("session") : body;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    public Reply post(String path, String body) {
        return post(path, body, null);
    }

    public Reply post(String path, String body, String token) {
        return join(postAsync(path, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)));
    }

    /** A JSON body (or none) with the given headers, without waiting for the answer. */
    public CompletableFuture<Reply> postAsync(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return sendAsync(request, headers);
    }

    public Reply send(HttpRequest.Builder request, Map<String, String> headers) {
        return join(sendAsync(request, headers));
    }

    public CompletableFuture<Reply> sendAsync(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        return http.sendAsync(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Reply(response.statusCode(), parse(response), response));
    }

    private static Reply join(CompletableFuture<Reply> reply) {
        try {
            return reply.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    private static JsonNode parse(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json") || response.body().length == 0) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("The API answered invalid JSON: " + new String(response.body()), e);
        }
    }
}
