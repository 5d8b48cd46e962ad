package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The REST side of a phone. Each simulated diner sends its own {@code X-Forwarded-For} address, as the load
 * balancer would add it, so per-address limits see many diners rather than one generator.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    Api(HttpClient http, String target) {
        this.http = http;
        this.base = target.replaceAll("/+$", "") + "/api";
    }

    String base() {
        return base;
    }

    record Reply(int status, JsonNode body) {
    }

    record Joined(String sessionId, String participantId, String token, JsonNode session) {
    }

    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static String createBody(String table, String context, String mode) {
        return "{\"tableToken\":\"" + table + "\",\"context\":\"" + context + "\",\"mode\":\"" + mode + "\"}";
    }

    CompletableFuture<Reply> postAsync(String path, String body, String token, String address) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", address)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(Api::reply);
    }

    Reply post(String path, String body, String token, String address) {
        return postAsync(path, body, token, address).join();
    }

    Reply get(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return reply(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * As a diner would: when the service answers 503 (busy, or its database briefly away), wait the two seconds
     * its {@code Retry-After} asks for and try again, a few times.
     */
    private Reply postPatiently(String path, String body, String address) {
        Reply reply = post(path, body, null, address);
        for (int attempt = 1; attempt < 5 && reply.status() == 503; attempt++) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
            reply = post(path, body, null, address);
        }
        return reply;
    }

    /** A new session and its first participant. */
    Joined create(String table, String context, String mode, String address) {
        Reply reply = postPatiently("/sessions", createBody(table, context, mode), address);
        if (reply.status() != 201) {
            throw new IllegalStateException("create answered " + reply.status() + " " + reply.body());
        }
        return joined(reply.body());
    }

    Joined join(String sessionId, String address) {
        Reply reply = postPatiently("/sessions/" + sessionId + "/participants", null, address);
        if (reply.status() != 201) {
            throw new IllegalStateException("join answered " + reply.status() + " " + reply.body());
        }
        return joined(reply.body());
    }

    private static Joined joined(JsonNode body) {
        return new Joined(body.at("/session/id").asText(), body.at("/participant/id").asText(),
                body.at("/participant/token").asText(), body.get("session"));
    }

    private static Reply reply(HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = response.body().length == 0 ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = JSON.getNodeFactory().textNode(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Reply(response.statusCode(), body);
    }
}
