package com.tabletalk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.CharConversionException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client is told about a failure, over HTTP and on the live channel alike; the one place that decides it
 * and the one place that logs it.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {}

    /**
     * The {@link ApiException} the failure carries; else a client's mistake (a body that ended early, cannot be
     * decoded or is not the JSON expected, a refusal by Jersey) in the matching 4xx; else 503 {@code unavailable} when the database
     * is away or has no connection to spare (a warning); else {@code internal} with an incident id, logged with
     * its stack.
     */
    public static ApiException describe(Throwable failure) {
        Optional<ApiException> known = ApiException.findIn(failure);
        if (known.isPresent()) {
            return known.get();
        }
        if (endedEarly(failure)) {
            // The client's body stopped short of what it announced (or its chunking broke): its mistake, not ours.
            LOG.debug("Request body ended early");
            return ApiException.invalid("The request body ended before it was complete.");
        }
        if (undecodable(failure)) {
            LOG.debug("Request body could not be decoded");
            return ApiException.invalid("The body is not JSON in UTF-8, or not the gzip it says it is.");
        }
        if (failure instanceof JsonProcessingException json && !failedToRead(json)) {
            return ApiException.invalid(JsonExceptionMapper.describe(json));
        }
        if (failure instanceof WebApplicationException refusal
                && refusal.getResponse().getStatus() < 500) {
            return forStatus(refusal.getResponse().getStatus());
        }
        if (DatabaseUnavailable.isCause(failure)) {
            LOG.warn(
                    "Database unavailable, answered unavailable: {}",
                    failure.getClass().getSimpleName());
            return DatabaseUnavailable.asApiException();
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error, incident {}", incident, failure);
        return new Incident(incident);
    }

    /** A refusal for which the server chose only a status (Jersey, Jetty): the matching code and a sentence. */
    public static ApiException forStatus(int status) {
        return switch (status) {
            case 403 -> new ApiException(ErrorCode.FORBIDDEN, "This address may not be used from here.");
            case 404 -> ApiException.notFound("There is nothing at this address.");
            case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "This address does not accept that method.");
            case 406 -> ApiException.invalid("This address cannot answer in the requested format.");
            case 413 -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.");
            case 414 -> new ApiException(ErrorCode.URI_TOO_LONG, "The address is too long.");
            case 415 -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
            case 431 -> new ApiException(ErrorCode.HEADERS_TOO_LARGE, "The request headers are too large.");
            // An HTTP version the server does not speak is the client's mistake, not an error of ours.
            case 505 -> ApiException.invalid("Use HTTP/1.1 or HTTP/2.");
            case 503 ->
                new ApiException(
                        ErrorCode.UNAVAILABLE,
                        "The service cannot answer right now; try again in a moment.",
                        Map.of("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS));
            default ->
                status >= 500
                        ? new ApiException(ErrorCode.INTERNAL, "Something went wrong on our side.")
                        : ApiException.invalid("The request could not be understood.");
        };
    }

    private static boolean endedEarly(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException
                    || cause instanceof EofException
                    || cause.getClass().getSimpleName().equals("BadMessageException")) {
                return true;
            }
        }
        return false;
    }

    /** Bytes that are no text in the encoding they imply (UTF-16 or UTF-32 guessed from NUL bytes), or no gzip. */
    private static boolean undecodable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharConversionException
                    || cause instanceof CharacterCodingException
                    || cause instanceof ZipException) {
                return true;
            }
        }
        return false;
    }

    /** Jackson also wraps failures of the stream under it, which say nothing about the JSON itself. */
    private static boolean failedToRead(JsonProcessingException json) {
        return json.getCause() instanceof IOException && !(json.getCause() instanceof JsonProcessingException);
    }

    /** A bug: the client learns the incident id that the log holds beside the stack trace, nothing more. */
    private static final class Incident extends ApiException {
        private final String id;

        Incident(String id) {
            super(ErrorCode.INTERNAL, "Something went wrong on our side (incident " + id + ").");
            this.id = id;
        }

        @Override
        public Map<String, Object> extra() {
            return Map.of("incident", id);
        }
    }
}
