package com.tabletalk.common;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a client is told about a failure, over REST and on the live channel alike; the one place that logs it. */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /**
     * The {@link ApiException} the failure carries; else 503 {@code unavailable} when the database is away or has
     * no connection to spare (a warning); else {@code internal} with an incident id, logged with its stack.
     */
    public static ApiException describe(Throwable failure) {
        Optional<ApiException> known = ApiException.findIn(failure);
        if (known.isPresent()) {
            return known.get();
        }
        if (DatabaseUnavailable.isCause(failure)) {
            LOG.warn("Database unavailable, answered unavailable: {}", failure.getClass().getSimpleName());
            return DatabaseUnavailable.asApiException();
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error, incident {}", incident, failure);
        return new ApiException(ErrorCode.INTERNAL, "Something went wrong on our side (incident " + incident + ").");
    }
}
