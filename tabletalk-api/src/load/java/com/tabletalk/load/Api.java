package com.tabletalk.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.SessionFixtures;
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

    /** A participant as the create or join answered it, with the session as it stood then. */
    record Joined(SessionFixtures.Phone phone, JsonNode session) {

        String sessionId() {
            return phone.sessionId();
        }

        String participantId() {
            return phone.participantId();
        }

        String token() {
            return phone.token();
        }
    }

    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    static String createBody(String table, String context, String mode) {
        return SessionFixtures.aSession()
                .at(table)
                .withContext(context)
                .withMode(mode)
                .body();
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
        return new Joined(
                SessionFixtures.Phone.joined(client, reply), reply.body().get("session"));
    }

    Joined join(String sessionId, String address) {
        ApiClient.Reply reply = postPatiently("/sessions/" + sessionId + "/participants", null, address);
        if (reply.status() != 201) {
            throw new IllegalStateException("join answered " + reply);
        }
        return new Joined(
                SessionFixtures.Phone.joined(client, reply), reply.body().get("session"));
    }
}
