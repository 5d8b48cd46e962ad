package com.tabletalk.common;

import static com.tabletalk.testing.SessionFixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tabletalk.app.TableTalkConfiguration;
import com.tabletalk.testing.ApiClient;
import com.tabletalk.testing.RawHttp;
import com.tabletalk.testing.SessionFixtures.Phone;
import com.tabletalk.testing.TestApp;
import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong, huge, malformed and malicious input: a 4xx in the error envelope, never a 500, and no state changed. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputIT {

    private static final TestDatabase DB = TestPostgres.freshDatabase();
    private static final DropwizardAppExtension<TableTalkConfiguration> APP = TestApp.extension(DB);

    private static ApiClient api;
    private static Phone phone;

    @BeforeAll
    static void aSessionToAttack() {
        api = ApiClient.forPort(APP.getLocalPort());
        phone = aSession().withMode("dual").create(api);
    }

    static Stream<Arguments> badCreateBodies() {
        return Stream.of(
                Arguments.of("missing fields", "{}", 400),
                Arguments.of("missing mode", "{\"tableToken\":\"t1\",\"context\":\"exploring\"}", 400),
                Arguments.of(
                        "unknown context", "{\"tableToken\":\"t1\",\"context\":\"romantic\",\"mode\":\"single\"}", 400),
                Arguments.of(
                        "unknown mode", "{\"tableToken\":\"t1\",\"context\":\"exploring\",\"mode\":\"triple\"}", 400),
                Arguments.of("wrong type", "{\"tableToken\":7,\"context\":[],\"mode\":{}}", 400),
                Arguments.of(
                        "table token as boolean",
                        "{\"tableToken\":true,\"context\":\"exploring\",\"mode\":\"single\"}",
                        400),
                Arguments.of(
                        "table token as number",
                        "{\"tableToken\":12,\"context\":\"exploring\",\"mode\":\"single\"}",
                        400),
                Arguments.of(
                        "table token as fraction",
                        "{\"tableToken\":1.5,\"context\":\"exploring\",\"mode\":\"single\"}",
                        400),
                Arguments.of(
                        "mode as boolean", "{\"tableToken\":\"t1\",\"context\":\"exploring\",\"mode\":false}", 400),
                Arguments.of(
                        "table token with spaces",
                        "{\"tableToken\":\"t 1\",\"context\":\"exploring\",\"mode\":\"single\"}",
                        400),
                Arguments.of(
                        "table token too long",
                        "{\"tableToken\":\"" + "t".repeat(65) + "\",\"context\":\"exploring\",\"mode\":\"single\"}",
                        400),
                Arguments.of(
                        "script in table token",
                        "{\"tableToken\":\"<script>\",\"context\":\"exploring\",\"mode\":\"single\"}",
                        400),
                Arguments.of("not JSON", "tableToken=t1", 400),
                Arguments.of("truncated JSON", "{\"tableToken\":\"t1\",", 400),
                Arguments.of("an array", "[\"t1\",\"exploring\",\"single\"]", 400),
                Arguments.of("a string", "\"hello\"", 400),
                Arguments.of("null", "null", 400),
                Arguments.of("deeply nested", "[".repeat(3000) + "]".repeat(3000), 400));
    }

    @ParameterizedTest(name = "create with {0} → {2}")
    @MethodSource("badCreateBodies")
    void badSessionBodiesAreRefused(String what, String body, int status) {
        long before = sessionCount();

        ApiClient.Reply reply = api.post("/sessions", body);

        assertEnvelope(reply, status);
        assertThat(sessionCount()).isEqualTo(before);
    }

    static Stream<Arguments> badCommands() {
        return Stream.of(
                Arguments.of("no type", "{\"version\":1}"),
                Arguments.of("unknown type", "{\"type\":\"skip\",\"version\":1}"),
                Arguments.of("no version", "{\"type\":\"next\"}"),
                Arguments.of("version as text", "{\"type\":\"next\",\"version\":\"1\"}"),
                Arguments.of("fractional version", "{\"type\":\"next\",\"version\":1.5}"),
                Arguments.of("huge version", "{\"type\":\"next\",\"version\":1" + "0".repeat(40) + "}"),
                Arguments.of("negative version", "{\"type\":\"next\",\"version\":-1}"),
                Arguments.of("ready without ready", "{\"type\":\"ready\",\"version\":1}"),
                Arguments.of("ready as text", "{\"type\":\"ready\",\"ready\":\"yes\",\"version\":1}"),
                Arguments.of("answer without option", "{\"type\":\"answer\",\"version\":1}"),
                Arguments.of("option as number", "{\"type\":\"answer\",\"optionId\":7,\"version\":1}"),
                Arguments.of("option as boolean", "{\"type\":\"answer\",\"optionId\":true,\"version\":1}"),
                Arguments.of("version as boolean", "{\"type\":\"next\",\"version\":true}"),
                Arguments.of("ready as number", "{\"type\":\"ready\",\"ready\":1,\"version\":1}"),
                Arguments.of(
                        "answer with long option",
                        "{\"type\":\"answer\",\"optionId\":\"" + "a".repeat(500) + "\",\"version\":1}"),
                Arguments.of("an array", "[{\"type\":\"next\",\"version\":1}]"),
                Arguments.of("not JSON", "next please"),
                Arguments.of("null", "null"));
    }

    @ParameterizedTest(name = "command with {0} → 400")
    @MethodSource("badCommands")
    void badCommandsAreRefusedAndChangeNothing(String what, String body) {
        JsonNode before = phone.state();

        ApiClient.Reply reply = api.post("/sessions/" + phone.sessionId() + "/commands", body, phone.token());

        assertEnvelope(reply, 400);
        assertThat(phone.state()).isEqualTo(before);
    }

    static Stream<Arguments> badFeedback() {
        return Stream.of(
                Arguments.of("/ratings/{card}", "application/json", "[".repeat(3000) + "]".repeat(3000), 400),
                Arguments.of("/ratings/{card}", "application/json", "{\"rating\":\"" + "u".repeat(20_000) + "\"}", 413),
                Arguments.of("/ratings/{card}", "text/plain", "{\"rating\":\"up\"}", 415),
                Arguments.of("/ratings/{card}", "application/json", "{\"rating\":\"up\"", 400),
                Arguments.of("/ratings/{card}", "application/json", "{\"rating\":[\"up\"]}", 400),
                Arguments.of("/recommend", "application/json", "{\"score\":1" + "0".repeat(40) + "}", 400),
                Arguments.of("/recommend", "application/json", "{\"score\":true}", 400),
                Arguments.of("/recommend", "application/json", "{\"skipped\":1}", 400),
                Arguments.of("/recommend", "application/x-www-form-urlencoded", "score=7", 415));
    }

    @ParameterizedTest(name = "feedback {0} as {1} → {3}")
    @MethodSource("badFeedback")
    void badFeedbackIsRefusedAndRecordsNothing(String path, String type, String body, int status)
            throws InterruptedException {
        String card = phone.state().at("/card/questionId").asText();
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        api.uri("/sessions/" + phone.sessionId() + path.replace("{card}", card)))
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(body));

        assertEnvelope(api.send(request, Map.of("Authorization", "Bearer " + phone.token())), status);
        Thread.sleep(200);
        long feedback = DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM visit_events WHERE session_id = "
                                + "CAST(:id AS uuid) AND type IN ('card_rated', 'recommend_answered')")
                        .bind("id", phone.sessionId())
                        .mapTo(Long.class)
                        .one());
        assertThat(feedback).isZero();
    }

    /**
     * An announced body over the limit is refused from its length, before a byte of it is read. The client asks
     * with {@code Expect: 100-continue} and waits, as careful clients do: one that sends the body regardless may
     * see the connection closed under it instead of the answer.
     */
    @Test
    void oversizedBodiesAre413FromTheirLength() {
        long before = sessionCount();

        RawHttp.Answer create = announced("/api/sessions", 17 * 1024, "");
        RawHttp.Answer command = announced(
                "/api/sessions/" + phone.sessionId() + "/commands",
                20_000,
                "Authorization: Bearer " + phone.token() + "\r\n");

        for (RawHttp.Answer answer : List.of(create, command)) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.json().get("error").asText()).isEqualTo("payload_too_large");
        }
        assertThat(sessionCount()).isEqualTo(before);
    }

    private RawHttp.Answer announced(String path, int length, String headers) {
        return RawHttp.send(
                APP.getLocalPort(),
                "POST " + path + " HTTP/1.1",
                headers + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + length
                        + "\r\n",
                new byte[0]);
    }

    @Test
    void oversizedChunkedBodyIs413() {
        byte[] body = ("{\"tableToken\":\"" + "x".repeat(40_000) + "\"}").getBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));

        assertEnvelope(api.send(request, Map.of()), 413);
    }

    @Test
    void wrongMediaTypeIs415() {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/sessions"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));

        assertEnvelope(api.send(request, Map.of()), 415);
    }

    static Stream<Arguments> badPaths() {
        return Stream.of(
                Arguments.of("GET", "/sessions/not-a-uuid", 400),
                Arguments.of("GET", "/sessions/00000000-0000-0000-0000-00000000000Z", 400),
                Arguments.of("GET", "/sessions/" + "1".repeat(500), 400),
                Arguments.of("GET", "/sessions/%27%20OR%201=1--", 400),
                Arguments.of("POST", "/sessions/not-a-uuid/participants", 400),
                Arguments.of("POST", "/sessions/not-a-uuid/commands", 400),
                Arguments.of("GET", "/sessions/not-a-uuid/qr.svg", 400),
                Arguments.of("PUT", "/sessions/not-a-uuid/ratings/1", 400),
                Arguments.of("PUT", "/sessions/not-a-uuid/recommend", 400),
                Arguments.of("GET", "/sessions/11111111-1111-4111-8111-111111111111/recommend", 405),
                Arguments.of("POST", "/sessions/11111111-1111-4111-8111-111111111111/ratings/1", 405),
                Arguments.of("GET", "/sessions/11111111-1111-4111-8111-111111111111/qr.svg", 404),
                Arguments.of("GET", "/tables/bad%20token/qr.svg", 400),
                Arguments.of("GET", "/tables/t1/qr.png?size=5", 400),
                Arguments.of("GET", "/tables/t1/qr.png?size=100000", 400),
                Arguments.of("GET", "/tables/t1/qr.png?size=big", 400),
                Arguments.of("GET", "/nothing-here", 404),
                Arguments.of("DELETE", "/sessions", 405),
                Arguments.of("GET", "/metrics", 404),
                Arguments.of("PUT", "/contexts", 405));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("badPaths")
    void badPathsAndParametersGetTheEnvelope(String method, String path, int status) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(""));

        assertEnvelope(api.send(request, Map.of()), status);
    }

    @Test
    void malformedAuthorizationIs401() {
        for (String header :
                new String[] {"Basic abc", "Bearer", "Bearer " + "x".repeat(300), "Bearer a b c", "Bearer ../../etc"}) {
            ApiClient.Reply reply = api.send(
                    HttpRequest.newBuilder(api.uri("/sessions/" + phone.sessionId() + "/commands"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"next\",\"version\":1}")),
                    Map.of("Authorization", header));
            assertEnvelope(reply, 401);
        }
    }

    /** Valid JSON naming a context that does not exist: 400 however the bytes are read. */
    private static final String UNKNOWN_CONTEXT = "{\"tableToken\":\"t1\",\"context\":\"nope\",\"mode\":\"single\"}";

    static Stream<Arguments> bodiesInConfusingEncodings() {
        return Stream.of(
                Arguments.of(
                        "NUL bytes inside",
                        bytes("{\"tableToken\":\"t1\u0000\",\"context\":\"exploring\",\"mode\":\"single\"}")),
                Arguments.of("NUL bytes first", join(new byte[] {0, 0, 0}, bytes(UNKNOWN_CONTEXT))),
                Arguments.of("NUL bytes only", new byte[] {0, 0, 0, 0, 0, 0, 0, 0}),
                Arguments.of("UTF-16BE without BOM", UNKNOWN_CONTEXT.getBytes(StandardCharsets.UTF_16BE)),
                Arguments.of("UTF-16LE without BOM", UNKNOWN_CONTEXT.getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of("UTF-32BE without BOM", UNKNOWN_CONTEXT.getBytes(Charset.forName("UTF-32BE"))),
                Arguments.of("UTF-32LE without BOM", UNKNOWN_CONTEXT.getBytes(Charset.forName("UTF-32LE"))),
                Arguments.of(
                        "UTF-32 cut short",
                        java.util.Arrays.copyOf(UNKNOWN_CONTEXT.getBytes(Charset.forName("UTF-32BE")), 42)),
                Arguments.of(
                        "UTF-32 with a character out of range",
                        join(new byte[] {0, 0, 0, '{', 0x7f, 0, 0, '"'}, new byte[0])),
                Arguments.of(
                        "invalid UTF-8 first",
                        join(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd}, bytes(UNKNOWN_CONTEXT))),
                Arguments.of(
                        "invalid UTF-8 in a value",
                        join(bytes("{\"tableToken\":\"t"), new byte[] {(byte) 0xc3, 0x28}, bytes("\"}"))),
                Arguments.of(
                        "invalid UTF-8 in a field name",
                        join(bytes("{\"table"), new byte[] {(byte) 0xe2, 0x28, (byte) 0xa1}, bytes("\":1}"))),
                Arguments.of(
                        "UTF-8 cut inside a character",
                        join(bytes("{\"tableToken\":\"t"), new byte[] {(byte) 0xe2, (byte) 0x82})),
                Arguments.of(
                        "overlong UTF-8",
                        join(bytes("{\"tableToken\":\""), new byte[] {(byte) 0xc0, (byte) 0xaf}, bytes("\"}"))));
    }

    @ParameterizedTest(name = "create with {0} → 400")
    @MethodSource("bodiesInConfusingEncodings")
    void bodiesInConfusingEncodingsAreTheClientsMistake(String what, byte[] body) {
        long before = sessionCount();

        RawHttp.Answer answer = RawHttp.send(
                APP.getLocalPort(), "POST /api/sessions HTTP/1.1", "Content-Type: application/json\r\n", body);

        assertRawEnvelope(answer, 400);
        assertThat(sessionCount()).isEqualTo(before);
    }

    @Test
    void aGzipBodyThatIsNotGzipIsTheClientsMistake() {
        RawHttp.Answer answer = RawHttp.send(
                APP.getLocalPort(),
                "POST /api/sessions HTTP/1.1",
                "Content-Type: application/json\r\nContent-Encoding: gzip\r\n",
                bytes(UNKNOWN_CONTEXT));

        assertRawEnvelope(answer, 400);
    }

    @Test
    void aGzipBodyCutShortIsTheClientsMistake() {
        byte[] gzip = gzip(bytes(UNKNOWN_CONTEXT));
        RawHttp.Answer answer = RawHttp.send(
                APP.getLocalPort(),
                "POST /api/sessions HTTP/1.1",
                "Content-Type: application/json\r\nContent-Encoding: gzip\r\n",
                java.util.Arrays.copyOf(gzip, gzip.length / 2));

        assertRawEnvelope(answer, 400);
    }

    private static void assertRawEnvelope(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(answer.json().get("message").asText()).isNotBlank().doesNotContain("Exception");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(zipped)) {
            out.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return zipped.toByteArray();
    }

    private static void assertEnvelope(ApiClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.body().get("error").asText()).isNotBlank();
        assertThat(reply.body().get("message").asText())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("com.tabletalk")
                .doesNotContain("SELECT");
    }

    private static long sessionCount() {
        return DB.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM sessions")
                        .mapTo(Long.class)
                        .one());
    }
}
