package com.tabletalk.session;

import com.tabletalk.common.ClientAddress;
import com.tabletalk.common.RateLimitConfig;
import com.tabletalk.common.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.UUID;

/**
 * Looking up a typed join code. Every lookup, found or not and well-formed or not, draws on a small budget per
 * client address, so that codes cannot be tried one after another.
 */
@Path("/join-codes")
@Produces(MediaType.APPLICATION_JSON)
public class JoinCodeResource {

    private final JoinCodes codes;
    private final RateLimiter rateLimiter;
    private final RateLimitConfig limits;
    private final RateLimiter.Limit lookups;

    public JoinCodeResource(JoinCodes codes, RateLimiter rateLimiter, RateLimitConfig limits) {
        this.codes = codes;
        this.rateLimiter = rateLimiter;
        this.limits = limits;
        this.lookups =
                new RateLimiter.Limit("join-code", limits.joinCodeLookupsPerAddressPerMinute(), Duration.ofMinutes(1));
    }

    public record JoinCodeMatch(UUID sessionId) {}

    @GET
    @Path("/{code}")
    public JoinCodeMatch lookUp(@PathParam("code") String code, @Context HttpServletRequest http) {
        rateLimiter.check(lookups, ClientAddress.of(http, limits.trustedProxyHops()));
        return new JoinCodeMatch(codes.sessionFor(code));
    }
}
