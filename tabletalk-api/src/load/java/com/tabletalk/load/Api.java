package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.testing.ApiClient;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The REST side of a simulated phone, over the tests' client. Each simulated diner sends its own
 * {@code X-Forwarded-For} address, as the load balancer would add it, so per-address limits see many diners
 * rather than one generator; and, as a diner would, it tries again when the service asks it to.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient client;

    Api(HttpClient http, String target) {
        this.client = new ApiClient(http, target.replaceAll("/+$", "") + "/api");
    }

    record Joined(String sessionId, String participantId, String token, JsonNode session) {
    }

    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static String createBody(String table, String context, String mode) {
        return ApiClient.json(Map.of("tableToken", table, "context", context, "mode", mode));
    }

    CompletableFuture<ApiClient.Reply> postAsync(String path, String body, String token, String address) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Forwarded-For", address);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return client.postAsync(path, body, headers);
    }

    ApiClient.Reply post(String path, String body, String token, String address) {
        return postAsync(path, body, token, address).join();
    }

    ApiClient.Reply get(String path) {
        return client.get(path);
    }

    /**
     * When the service answers 503 (busy, or its database briefly away), waits the two seconds its
     * {@code Retry-After} asks for and tries again, a few times.
     */
    private ApiClient.Reply postPatiently(String path, String body, String address) {
        ApiClient.Reply reply = post(path, body, null, address);
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
        ApiClient.Reply reply = postPatiently("/sessions", createBody(table, context, mode), address);
        if (reply.status() != 201) {
            throw new IllegalStateException("create answered " + reply);
        }
        return joined(reply.body());
    }

    Joined join(String sessionId, String address) {
        ApiClient.Reply reply = postPatiently("/sessions/" + sessionId + "/participants", null, address);
        if (reply.status() != 201) {
            throw new IllegalStateException("join answered " + reply);
        }
        return joined(reply.body());
    }

    private static Joined joined(JsonNode body) {
        return new Joined(body.at("/session/id").asText(), body.at("/participant/id").asText(),
                body.at("/participant/token").asText(), body.get("session"));
    }
}
