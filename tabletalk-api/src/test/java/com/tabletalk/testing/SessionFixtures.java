package com.tabletalk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;

/** Builds sessions through the real API: {@code aSession().withMode("dual").at("t7").create(api)}. */
public final class SessionFixtures {

    private String tableToken = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private String context = "exploring";
    private String mode = "single";

    private SessionFixtures() {}

    public static SessionFixtures aSession() {
        return new SessionFixtures();
    }

    public SessionFixtures withMode(String value) {
        this.mode = value;
        return this;
    }

    public SessionFixtures withContext(String value) {
        this.context = value;
        return this;
    }

    public SessionFixtures at(String table) {
        this.tableToken = table;
        return this;
    }

    public Phone create(ApiClient api) {
        ApiClient.Reply reply = api.post("/sessions", body());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return Phone.joined(api, reply);
    }

    /** The body of the create request. */
    public String body() {
        return ApiClient.json(Map.of("tableToken", tableToken, "context", context, "mode", mode));
    }

    /** A dual session with both phones in it: {@code [A, B]}. */
    public Phone[] createPair(ApiClient api) {
        Phone first = withMode("dual").create(api);
        return new Phone[] {first, first.secondPhoneJoins()};
    }

    /** One participant's phone: its session, its id and its token. */
    public record Phone(ApiClient api, String sessionId, String participantId, String token) {

        /** The phone a 201 answer to a create or a join describes. */
        public static Phone joined(ApiClient api, ApiClient.Reply created) {
            JsonNode body = created.body();
            return new Phone(
                    api,
                    body.at("/session/id").asText(),
                    body.at("/participant/id").asText(),
                    body.at("/participant/token").asText());
        }

        public Phone secondPhoneJoins() {
            ApiClient.Reply reply = api.post("/sessions/" + sessionId + "/participants", null);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            return joined(api, reply);
        }

        /** Opens this phone's live socket, as the web app does, so that it counts as connected. */
        public LivePhone goLive(int port) {
            LivePhone live = LivePhone.join(port, this);
            live.awaitState(state -> {
                for (JsonNode participant : state.get("participants")) {
                    if (participant.get("id").asText().equals(participantId)) {
                        return participant.get("connected").asBoolean();
                    }
                }
                return false;
            });
            return live;
        }

        public JsonNode state() {
            ApiClient.Reply reply = api.get("/sessions/" + sessionId);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return reply.body();
        }

        public long version() {
            return state().get("version").asLong();
        }

        public ApiClient.Reply send(String type, long version, Map<String, Object> fields) {
            Map<String, Object> command = new java.util.LinkedHashMap<>(fields);
            command.put("type", type);
            command.put("version", version);
            return api.post("/sessions/" + sessionId + "/commands", ApiClient.json(command), token);
        }

        public ApiClient.Reply send(String type, long version) {
            return send(type, version, Map.of());
        }

        /** Sends a command at the current version and expects it to succeed. */
        public JsonNode does(String type, Map<String, Object> fields) {
            ApiClient.Reply reply = send(type, version(), fields);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return reply.body();
        }

        public JsonNode does(String type) {
            return does(type, Map.of());
        }
    }
}
