package com.tabletalk.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.NotAllowedException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBugIsAnIncidentWhoseIdTheClientSees() throws IOException {
        ApiException failure = Failures.describe(new IllegalStateException("a bug with private details"));

        JsonNode body = JSON.readTree(new ErrorEnvelope(JSON).body(failure));
        assertThat(failure.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(body.get("error").asText()).isEqualTo("internal");
        assertThat(body.get("incident").asText()).hasSize(8);
        assertThat(body.get("message").asText())
                .contains(body.get("incident").asText())
                .doesNotContain("private");
    }

    @Test
    void anApiExceptionAnywhereInTheChainIsToldAsItIs() {
        ApiException refused = ApiException.invalid("No.");

        assertThat(Failures.describe(new RuntimeException(new RuntimeException(refused))))
                .isSameAs(refused);
    }

    @Test
    void undecodableBodiesAreTheClientsMistake() {
        ApiException failure =
                Failures.describe(new UncheckedIOException(new CharConversionException("Invalid UTF-32 character")));

        assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void refusalsByStatusKeepTheirStatus() {
        assertThat(Failures.describe(new NotAllowedException("GET")).code()).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        for (int status : new int[] {403, 404, 405, 413, 414, 415, 431, 503}) {
            assertThat(Failures.forStatus(status).code().status()).isEqualTo(status);
        }
        assertThat(Failures.forStatus(408).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(Failures.forStatus(502).code()).isEqualTo(ErrorCode.INTERNAL);
    }
}
