package com.tabletalk.account;

import com.tabletalk.common.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The audit log for admins, newest first, a page at a time. */
@Path("/console/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** {@code next} is the {@code before} for the following page, or null at the end. */
    public record AuditPage(List<AuditLog.Entry> entries, Long next) {}

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    public AuditPage page(
            @Auth StaffUser admin, @QueryParam("before") String before, @QueryParam("limit") String limit) {
        int size = limit == null
                ? DEFAULT_LIMIT
                : number(limit, "limit", 1, MAX_LIMIT).intValue();
        Long beforeId = before == null ? null : number(before, "before", 1, Long.MAX_VALUE);
        List<AuditLog.Entry> entries = audit.page(beforeId, size);
        Long next = entries.size() == size ? entries.get(entries.size() - 1).id() : null;
        return new AuditPage(entries, next);
    }

    private static Long number(String raw, String name, long min, long max) {
        try {
            long value = Long.parseLong(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ApiException.invalid(name + " must be a whole number from " + min + " to " + max + ".");
    }
}
