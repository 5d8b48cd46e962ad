package com.tabletalk.question;

import com.tabletalk.account.Role;
import com.tabletalk.account.StaffUser;
import com.tabletalk.common.ApiException;
import com.tabletalk.question.QuestionLibrary.Edit;
import com.tabletalk.question.QuestionLibrary.Filter;
import com.tabletalk.question.QuestionLibrary.ImportReport;
import com.tabletalk.question.QuestionLibrary.NewQuestion;
import com.tabletalk.question.QuestionLibrary.QuestionDetail;
import com.tabletalk.question.QuestionLibrary.QuestionView;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The question library in the console, for admins: list, read, add, edit, retire, restore, export, import. The path
 * is the console's own so that {@code questions.csv} sits beside {@code questions}; Jersey merges the resources.
 */
@Path("/console")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionLibraryResource {

    public record QuestionsResponse(List<QuestionView> questions) {}

    public record QuestionResponse(QuestionDetail question) {}

    /** An edit; {@code context} and {@code type} are here only to refuse them clearly. */
    public record EditRequest(
            String text,
            String hint,
            List<String> options,
            String category,
            String difficulty,
            String context,
            String type) {}

    private final QuestionLibrary library;

    public QuestionLibraryResource(QuestionLibrary library) {
        this.library = library;
    }

    @GET
    @Path("/questions")
    @RolesAllowed(Role.ADMIN_NAME)
    public QuestionsResponse list(
            @Auth StaffUser admin,
            @QueryParam("context") String context,
            @QueryParam("type") String type,
            @QueryParam("difficulty") String difficulty,
            @QueryParam("category") String category,
            @QueryParam("active") String active,
            @QueryParam("q") String query) {
        return new QuestionsResponse(library.list(filter(context, type, difficulty, category, active, query)));
    }

    @GET
    @Path("/questions/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    public QuestionResponse get(@Auth StaffUser admin, @PathParam("id") String id) {
        return new QuestionResponse(library.get(id(id)));
    }

    @POST
    @Path("/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response add(@Auth StaffUser admin, NewQuestion request) {
        if (request == null) {
            throw ApiException.invalid(
                    "Send a JSON object with context, type, difficulty, category, text, hint and options.");
        }
        return Response.status(Response.Status.CREATED)
                .entity(new QuestionResponse(library.add(admin, request)))
                .build();
    }

    @PATCH
    @Path("/questions/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    public QuestionResponse edit(@Auth StaffUser admin, @PathParam("id") String id, EditRequest request) {
        if (request == null) {
            throw ApiException.invalid("Send a JSON object with any of text, hint, options, category, difficulty.");
        }
        if (request.context() != null || request.type() != null) {
            throw ApiException.invalid("A question's context and type never change; add a new question instead.");
        }
        Edit edit =
                new Edit(request.text(), request.hint(), request.options(), request.category(), request.difficulty());
        return new QuestionResponse(library.edit(admin, id(id), edit));
    }

    @POST
    @Path("/questions/{id}/retire")
    @RolesAllowed(Role.ADMIN_NAME)
    public QuestionResponse retire(@Auth StaffUser admin, @PathParam("id") String id) {
        return new QuestionResponse(library.retire(admin, id(id)));
    }

    @POST
    @Path("/questions/{id}/restore")
    @RolesAllowed(Role.ADMIN_NAME)
    public QuestionResponse restore(@Auth StaffUser admin, @PathParam("id") String id) {
        return new QuestionResponse(library.restore(admin, id(id)));
    }

    @GET
    @Path("/questions.csv")
    @Produces("text/csv")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response export(
            @Auth StaffUser admin,
            @QueryParam("context") String context,
            @QueryParam("type") String type,
            @QueryParam("difficulty") String difficulty,
            @QueryParam("category") String category,
            @QueryParam("active") String active,
            @QueryParam("q") String query) {
        List<QuestionLibraryDao.QuestionRow> rows =
                library.rows(filter(context, type, difficulty, category, active, query));
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> QuestionCsv.write(rows, out))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"questions.csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A CSV file in the seed columns; with {@code dryRun=true} only the report, otherwise applied all or nothing. */
    @POST
    @Path("/questions/import")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public ImportReport importCsv(@Auth StaffUser admin, @QueryParam("dryRun") String dryRun, byte[] body) {
        if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
            throw ApiException.invalid("dryRun must be true or false.");
        }
        List<QuestionCsv.Row> rows = QuestionCsv.read(body == null ? new byte[0] : body);
        return "true".equals(dryRun) ? library.dryRun(rows) : library.apply(admin, rows);
    }

    private static Filter filter(
            String context, String type, String difficulty, String category, String active, String query) {
        Boolean activeOnly = null;
        if (active != null) {
            if (!active.equals("true") && !active.equals("false")) {
                throw ApiException.invalid("active must be true or false.");
            }
            activeOnly = active.equals("true");
        }
        return new Filter(context, type, difficulty, category, activeOnly, query);
    }

    private static int id(String value) {
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            throw ApiException.notFound("No question has id " + value + ".");
        }
        return Integer.parseInt(value);
    }
}
