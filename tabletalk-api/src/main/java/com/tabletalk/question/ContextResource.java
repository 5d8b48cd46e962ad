package com.tabletalk.question;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

@Path("/contexts")
@Produces(MediaType.APPLICATION_JSON)
public class ContextResource {

    private final QuestionCatalog catalog;

    public ContextResource(QuestionCatalog catalog) {
        this.catalog = catalog;
    }

    public record ContextView(String id, String name, String description, int questionCount) {}

    @GET
    public List<ContextView> contexts() {
        return Arrays.stream(Context.values())
                .map(context -> new ContextView(
                        context.wire(), context.displayName(), context.description(), catalog.activeCount(context)))
                .toList();
    }
}
