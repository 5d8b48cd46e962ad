package com.tabletalk.insight;

import com.tabletalk.account.Role;
import com.tabletalk.account.StaffUser;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The platform's dashboard: every restaurant and the walk-in tables, for admins. */
@Path("/console/insights")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformInsightResource {

    private final Insights insights;

    public PlatformInsightResource(Insights insights) {
        this.insights = insights;
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    public InsightView insights(@Auth StaffUser user, @QueryParam("from") String from, @QueryParam("to") String to) {
        return insights.forPlatform(InsightRange.parse(from, to));
    }
}
