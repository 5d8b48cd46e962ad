package com.tabletalk.question;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.tabletalk.account.AuditLog;
import com.tabletalk.account.StaffUser;
import com.tabletalk.common.ApiException;
import com.tabletalk.common.ErrorCode;
import com.tabletalk.common.Medians;
import com.tabletalk.question.QuestionLibraryDao.QuestionRow;
import com.tabletalk.question.QuestionLibraryDao.RevisionRow;
import com.tabletalk.question.QuestionLibraryDao.Wording;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Editing the question library in the console: every change keeps the old wording as a revision, is checked by
 * {@link QuestionRules} and is audited. New sessions see a change at once: they read which questions are active,
 * at which revision, from the database, and revisions never change once written.
 */
public class QuestionLibrary {

    /** Ids of a context run from its thousand + 1 to its thousand + 999. */
    private static final int BLOCK = 1000;

    private static final int MAX_SEARCH = 200;

    public record OptionView(String id, String text) {}

    public record QuestionView(
            int id,
            String context,
            String type,
            String difficulty,
            String category,
            boolean active,
            int revision,
            String text,
            String hint,
            List<OptionView> options,
            long shown,
            long liked,
            long disliked,
            Double medianSeconds) {}

    public record RevisionView(
            int revision,
            String text,
            String hint,
            List<OptionView> options,
            String difficulty,
            String category,
            Instant createdAt,
            String createdBy) {}

    /** A question as the list shows it, with every wording it has had; on the wire, one object. */
    public record QuestionDetail(@JsonUnwrapped QuestionView question, List<RevisionView> revisions) {}

    /** The list's filters, each null for any. */
    public record Filter(
            String context, String type, String difficulty, String category, Boolean active, String query) {}

    /** A new question as the console sends it. */
    public record NewQuestion(
            String context,
            String type,
            String difficulty,
            String category,
            String text,
            String hint,
            List<String> options) {}

    /** An edit: the fields given (non-null) replace the current ones. */
    public record Edit(String text, String hint, List<String> options, String category, String difficulty) {}

    public record ImportRow(Integer line, Integer id, String action, String reason, List<String> fields) {}

    public record ImportSummary(int added, int changed, int retired, int restored, int unchanged, int rejected) {}

    public record ImportReport(List<ImportRow> rows, ImportSummary summary) {

        public boolean rejectsAny() {
            return summary.rejected() > 0;
        }

        public boolean changesAny() {
            return summary.added() + summary.changed() + summary.retired() + summary.restored() > 0;
        }
    }

    /** A file whose every row was rejected, so that applying it would change nothing; the envelope carries the report. */
    public static final class ImportRejected extends ApiException {
        private final transient ImportReport report;

        ImportRejected(ImportReport report) {
            super(
                    ErrorCode.INVALID_REQUEST,
                    "Every row that would change something was rejected; nothing was imported.");
            this.report = report;
        }

        @Override
        public Map<String, Object> extra() {
            return Map.of("report", report);
        }
    }

    private final Jdbi jdbi;
    private final AuditLog audit;

    public QuestionLibrary(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    public List<QuestionView> list(Filter filter) {
        List<QuestionRow> rows = rows(filter);
        Map<Integer, Double> medians =
                medianSeconds(jdbi.withExtension(QuestionLibraryDao.class, dao -> dao.cardSeconds(null)));
        return rows.stream().map(row -> view(row, medians.get(row.id()))).toList();
    }

    /** The rows for the list and the export, after checking the filters. */
    public List<QuestionRow> rows(Filter filter) {
        if (filter.context() != null && !QuestionRules.isContext(filter.context())) {
            throw ApiException.invalid("context must be exploring, established or mature.");
        }
        if (filter.type() != null && !QuestionRules.TYPES.contains(filter.type())) {
            throw ApiException.invalid("type must be open or choice.");
        }
        if (filter.difficulty() != null && !QuestionRules.DIFFICULTIES.contains(filter.difficulty())) {
            throw ApiException.invalid("difficulty must be easy, medium or deep.");
        }
        if (filter.category() != null && filter.category().length() > QuestionRules.MAX_CATEGORY) {
            throw ApiException.invalid("category is at most " + QuestionRules.MAX_CATEGORY + " characters.");
        }
        if (filter.query() != null && filter.query().length() > MAX_SEARCH) {
            throw ApiException.invalid("q, the text to search for, is at most " + MAX_SEARCH + " characters.");
        }
        String query = filter.query() == null || filter.query().isBlank()
                ? null
                : filter.query().strip();
        return jdbi.onDemand(QuestionLibraryDao.class)
                .search(
                        filter.context(),
                        filter.type(),
                        filter.difficulty(),
                        filter.category(),
                        filter.active(),
                        query);
    }

    public QuestionDetail get(int id) {
        return jdbi.withExtension(QuestionLibraryDao.class, dao -> detail(dao, id));
    }

    public QuestionDetail add(StaffUser admin, NewQuestion request) {
        QuestionRules.Draft draft = new QuestionRules.Draft(
                request.context(),
                request.type(),
                request.difficulty(),
                request.category(),
                request.text(),
                request.hint(),
                request.options());
        rejectIfBad(draft);
        QuestionDetail added = jdbi.inTransaction(handle -> {
            QuestionLibraryDao dao = handle.attach(QuestionLibraryDao.class);
            dao.lockForWriting();
            rejectTakenText(dao.all(), draft, null);
            int id = nextId(dao, Context.fromWire(draft.context()));
            insert(dao, admin, id, draft, true);
            return detail(dao, id);
        });
        audit.record(
                admin,
                "question.created",
                null,
                Map.of(
                        "questionId",
                        added.question().id(),
                        "context",
                        added.question().context()));
        return added;
    }

    public QuestionDetail edit(StaffUser admin, int id, Edit edit) {
        Optional<Integer> revised = jdbi.inTransaction(handle -> {
            QuestionLibraryDao dao = handle.attach(QuestionLibraryDao.class);
            dao.lockForWriting();
            QuestionRow current = dao.find(id).orElseThrow(() -> unknown(id));
            QuestionRules.Draft draft = new QuestionRules.Draft(
                    current.context(),
                    current.type(),
                    edit.difficulty() != null ? edit.difficulty() : current.difficulty(),
                    edit.category() != null ? edit.category() : current.category(),
                    edit.text() != null ? edit.text() : current.text(),
                    edit.hint() != null ? edit.hint() : current.hint(),
                    edit.options() != null ? edit.options() : options(current));
            rejectIfBad(draft);
            if (changedFields(current, draft).isEmpty()) {
                return Optional.empty();
            }
            if (current.active()) {
                rejectTakenText(dao.all(), draft, id);
            }
            revise(dao, admin, current, draft);
            return Optional.of(current.revision() + 1);
        });
        revised.ifPresent(revision -> {
            audit.record(admin, "question.edited", null, Map.of("questionId", id, "revision", revision));
        });
        return get(id);
    }

    public QuestionDetail retire(StaffUser admin, int id) {
        return setActive(admin, id, false);
    }

    public QuestionDetail restore(StaffUser admin, int id) {
        return setActive(admin, id, true);
    }

    private QuestionDetail setActive(StaffUser admin, int id, boolean active) {
        boolean changed = jdbi.inTransaction(handle -> {
            QuestionLibraryDao dao = handle.attach(QuestionLibraryDao.class);
            dao.lockForWriting();
            QuestionRow current = dao.find(id).orElseThrow(() -> unknown(id));
            if (current.active() == active) {
                return false;
            }
            if (active) {
                rejectTakenText(dao.all(), draft(current), id);
            }
            dao.setActive(id, active);
            return true;
        });
        if (changed) {
            audit.record(admin, active ? "question.restored" : "question.retired", null, Map.of("questionId", id));
        }
        return get(id);
    }

    /** What importing the file would do, changing nothing. */
    public ImportReport dryRun(List<QuestionCsv.Row> rows) {
        return jdbi.withExtension(
                QuestionLibraryDao.class, dao -> plan(dao.all(), rows).report());
    }

    /**
     * Applies every change the file's report accepts, together or not at all: the report is made again inside the
     * transaction, against the library as it is then. Rejected rows are left out and say why; a file whose rows
     * were all rejected is refused with its report.
     */
    public ImportReport apply(StaffUser admin, List<QuestionCsv.Row> rows) {
        ImportReport report = jdbi.inTransaction(handle -> {
            QuestionLibraryDao dao = handle.attach(QuestionLibraryDao.class);
            dao.lockForWriting();
            Plan plan = plan(dao.all(), rows);
            if (plan.report().rejectsAny() && !plan.report().changesAny()) {
                throw new ImportRejected(plan.report());
            }
            // Rows with ids first, so that new questions without one take ids after those the file names.
            Map<Step, ImportRow> applied = new HashMap<>();
            for (Step step : plan.steps()) {
                if (step.outcome().id() != null) {
                    applied.put(step, execute(dao, admin, step));
                }
            }
            for (Step step : plan.steps()) {
                if (step.outcome().id() == null) {
                    applied.put(step, execute(dao, admin, step));
                }
            }
            return new ImportReport(
                    plan.steps().stream().map(applied::get).toList(),
                    plan.report().summary());
        });
        ImportSummary summary = report.summary();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("added", summary.added());
        counts.put("changed", summary.changed());
        counts.put("retired", summary.retired());
        counts.put("restored", summary.restored());
        counts.put("unchanged", summary.unchanged());
        counts.put("rejected", summary.rejected());
        audit.record(admin, "questions.imported", null, counts);
        return report;
    }

    // ---- the import plan: one function decides every row, for the dry run and the apply alike ----

    private record Step(QuestionCsv.Row row, ImportRow outcome, QuestionRow current, QuestionRules.Draft draft) {}

    private record Plan(List<Step> steps, ImportReport report) {}

    private static Plan plan(List<QuestionRow> library, List<QuestionCsv.Row> rows) {
        Map<Integer, QuestionRow> byId =
                library.stream().collect(Collectors.toMap(QuestionRow::id, row -> row, (a, b) -> a, HashMap::new));
        Map<Integer, Long> idLines = new HashMap<>();
        Map<String, Long> fileTexts = new HashMap<>();
        // Texts the file itself takes away from a question (by changing or retiring it) are free for other rows.
        Set<Integer> leaving = new HashSet<>();
        for (QuestionCsv.Row row : rows) {
            Integer id = parseId(row.cell("id"));
            QuestionRow current = id == null ? null : byId.get(id);
            if (current != null
                    && current.context().equals(row.cell("context"))
                    && current.type().equals(row.cell("type"))
                    && (row.cell("active").equals("false")
                            || !QuestionRules.sameText(current.text(), row.cell("text")))) {
                leaving.add(id);
            }
        }
        Map<Context, Integer> addsWithoutId = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (QuestionCsv.Row row : rows) {
            steps.add(decide(row, byId, idLines, fileTexts, leaving, addsWithoutId));
        }
        int[] counts = new int[6];
        List<String> actions = List.of("add", "change", "retire", "restore", "unchanged", "reject");
        for (Step step : steps) {
            counts[actions.indexOf(step.outcome().action())]++;
        }
        ImportSummary summary = new ImportSummary(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
        return new Plan(
                List.copyOf(steps),
                new ImportReport(steps.stream().map(Step::outcome).toList(), summary));
    }

    private static Step decide(
            QuestionCsv.Row row,
            Map<Integer, QuestionRow> library,
            Map<Integer, Long> idLines,
            Map<String, Long> fileTexts,
            Set<Integer> leaving,
            Map<Context, Integer> addsWithoutId) {
        int line = (int) row.line();
        String idCell = row.cell("id");
        Integer id = parseId(idCell);
        if (!idCell.isEmpty() && id == null) {
            return reject(row, null, "Bad id: an id is a whole number such as 1001, or empty for a new question.");
        }
        if (id != null && idLines.containsKey(id)) {
            return reject(row, id, "Bad id: " + id + " is also on row " + idLines.get(id) + ".");
        }
        if (id != null) {
            idLines.put(id, row.line());
        }
        String activeCell = row.cell("active");
        if (!activeCell.equals("true") && !activeCell.equals("false")) {
            return reject(row, id, "active must be true or false.");
        }
        boolean active = activeCell.equals("true");
        QuestionRules.Draft draft = new QuestionRules.Draft(
                row.cell("context"),
                row.cell("type"),
                row.cell("difficulty"),
                row.cell("category"),
                row.cell("text"),
                row.cell("hint"),
                row.options());
        QuestionRow current = id == null ? null : library.get(id);
        if (current != null && !current.context().equals(draft.context())) {
            return reject(row, id, "The context changed (it is " + current.context() + "); context never changes.");
        }
        if (current != null && !current.type().equals(draft.type())) {
            return reject(row, id, "The type changed (it is " + current.type() + "); type never changes.");
        }
        List<String> problems = QuestionRules.problems(draft);
        if (!problems.isEmpty()) {
            return reject(row, id, String.join(" ", problems));
        }
        Context context = Context.fromWire(draft.context());
        if (current == null && id != null && !inBlock(id, context)) {
            return reject(
                    row,
                    id,
                    "Bad id: " + context.wire() + " questions have ids " + (first(context)) + " to "
                            + (first(context) + BLOCK - 2) + ".");
        }
        String key = context.wire() + "|" + QuestionRules.textKey(draft.text());
        if (active) {
            Long earlier = fileTexts.get(key);
            if (earlier != null) {
                return reject(row, id, "Duplicate text: row " + earlier + " has the same text.");
            }
            for (QuestionRow other : library.values()) {
                boolean otherKeepsText = !leaving.contains(other.id());
                if (other.id() != (id == null ? -1 : id)
                        && other.active()
                        && otherKeepsText
                        && other.context().equals(context.wire())
                        && QuestionRules.sameText(other.text(), draft.text())) {
                    return reject(row, id, "Duplicate text: question " + other.id() + " already asks this.");
                }
            }
            fileTexts.put(key, row.line());
        }
        if (current == null) {
            if (id == null) {
                int adds = addsWithoutId.merge(context, 1, Integer::sum);
                int highest = library.keySet().stream()
                        .filter(taken -> inBlock(taken, context))
                        .max(Integer::compare)
                        .orElse(first(context) - 1);
                if (highest + adds > first(context) + BLOCK - 2) {
                    return reject(row, null, "The " + context.wire() + " block of ids is full.");
                }
            }
            return new Step(row, new ImportRow(line, id, "add", null, List.of()), null, draft);
        }
        List<String> fields = new ArrayList<>(changedFields(current, draft));
        boolean wordingChanged = !fields.isEmpty();
        if (current.active() != active) {
            fields.add("active");
        }
        String action;
        if (wordingChanged) {
            action = "change";
        } else if (current.active() != active) {
            action = active ? "restore" : "retire";
        } else {
            action = "unchanged";
        }
        return new Step(row, new ImportRow(line, id, action, null, List.copyOf(fields)), current, draft);
    }

    private static Step reject(QuestionCsv.Row row, Integer id, String reason) {
        return new Step(row, new ImportRow((int) row.line(), id, "reject", reason, List.of()), null, null);
    }

    private ImportRow execute(QuestionLibraryDao dao, StaffUser admin, Step step) {
        ImportRow outcome = step.outcome();
        boolean active = step.row().cell("active").equals("true");
        switch (outcome.action()) {
            case "add" -> {
                Context context = Context.fromWire(step.draft().context());
                int id = outcome.id() != null ? outcome.id() : nextId(dao, context);
                insert(dao, admin, id, step.draft(), active);
                return new ImportRow(outcome.line(), id, outcome.action(), null, outcome.fields());
            }
            case "change" -> {
                revise(dao, admin, step.current(), step.draft());
                if (step.current().active() != active) {
                    dao.setActive(step.current().id(), active);
                }
            }
            case "retire", "restore" -> dao.setActive(step.current().id(), active);
            default -> {
                // unchanged: nothing to write
            }
        }
        return outcome;
    }

    // ---- shared steps ----

    private static QuestionDetail detail(QuestionLibraryDao dao, int id) {
        QuestionRow row = dao.find(id).orElseThrow(() -> unknown(id));
        List<RevisionView> revisions =
                dao.revisions(id).stream().map(QuestionLibrary::revisionView).toList();
        return new QuestionDetail(view(row, medianSeconds(dao.cardSeconds(id)).get(id)), revisions);
    }

    private static void insert(
            QuestionLibraryDao dao, StaffUser admin, int id, QuestionRules.Draft draft, boolean active) {
        Wording wording = wording(draft);
        dao.insertQuestion(id, draft.context(), active, wording);
        dao.insertRevision(id, 1, wording, admin.id());
    }

    private static void revise(
            QuestionLibraryDao dao, StaffUser admin, QuestionRow current, QuestionRules.Draft draft) {
        Wording wording = wording(draft);
        int revision = current.revision() + 1;
        dao.insertRevision(current.id(), revision, wording, admin.id());
        if (dao.moveToRevision(current.id(), revision, wording) != 1) {
            throw new IllegalStateException("Question " + current.id() + " moved on while it was locked");
        }
    }

    /** The next free id of a context's block, refusing when the block is full. */
    private static int nextId(QuestionLibraryDao dao, Context context) {
        int first = first(context);
        Integer highest = dao.highestId(first, first + BLOCK - 2);
        int next = highest == null ? first : highest + 1;
        if (next > first + BLOCK - 2) {
            throw ApiException.invalid("The " + context.wire() + " block of ids is full: retire and edit instead.");
        }
        return next;
    }

    private static int first(Context context) {
        return (context.ordinal() + 1) * BLOCK + 1;
    }

    private static boolean inBlock(int id, Context context) {
        return id >= first(context) && id <= first(context) + BLOCK - 2;
    }

    private static Integer parseId(String cell) {
        if (cell == null || cell.isEmpty() || cell.length() > 9 || !cell.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(cell);
    }

    private static void rejectIfBad(QuestionRules.Draft draft) {
        List<String> problems = QuestionRules.problems(draft);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(String.join(" ", problems));
        }
    }

    private static void rejectTakenText(List<QuestionRow> library, QuestionRules.Draft draft, Integer self) {
        for (QuestionRow other : library) {
            if (other.active()
                    && !Objects.equals(other.id(), self)
                    && other.context().equals(draft.context())
                    && QuestionRules.sameText(other.text(), draft.text())) {
                throw ApiException.invalid(
                        "Duplicate text: question " + other.id() + " already asks this in " + other.context() + ".");
            }
        }
    }

    /** The wording fields in which the draft differs from the question's current revision. */
    private static List<String> changedFields(QuestionRow current, QuestionRules.Draft draft) {
        List<String> fields = new ArrayList<>();
        if (!current.text().equals(draft.text())) {
            fields.add("text");
        }
        if (!current.hint().equals(draft.hint())) {
            fields.add("hint");
        }
        if (!options(current).equals(trimmed(draft.options()))) {
            fields.add("options");
        }
        if (!current.difficulty().equals(draft.difficulty())) {
            fields.add("difficulty");
        }
        if (!current.category().equals(draft.category())) {
            fields.add("category");
        }
        return fields;
    }

    private static List<String> options(QuestionRow row) {
        return trimmed(Arrays.asList(row.optionA(), row.optionB(), row.optionC(), row.optionD()));
    }

    /** Options without the empty ones at the end, so that a, b and a, b, "", "" compare equal. */
    private static List<String> trimmed(List<String> options) {
        List<String> kept = new ArrayList<>();
        for (String option : options) {
            kept.add(option == null || option.isEmpty() ? null : option);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1) == null) {
            kept.remove(kept.size() - 1);
        }
        return kept;
    }

    private static QuestionRules.Draft draft(QuestionRow row) {
        return new QuestionRules.Draft(
                row.context(), row.type(), row.difficulty(), row.category(), row.text(), row.hint(), options(row));
    }

    private static Wording wording(QuestionRules.Draft draft) {
        List<String> options = trimmed(draft.options());
        return new Wording(
                draft.difficulty(),
                draft.category(),
                draft.type(),
                draft.text(),
                draft.hint(),
                options.size() > 0 ? options.get(0) : null,
                options.size() > 1 ? options.get(1) : null,
                options.size() > 2 ? options.get(2) : null,
                options.size() > 3 ? options.get(3) : null);
    }

    /** Each question's median time on its card, from the dashboard's card times of its current revision. */
    private static Map<Integer, Double> medianSeconds(List<QuestionLibraryDao.CardSeconds> rows) {
        Map<Integer, List<Medians.Bucket>> buckets = new HashMap<>();
        for (QuestionLibraryDao.CardSeconds row : rows) {
            buckets.computeIfAbsent(row.questionId(), id -> new ArrayList<>())
                    .add(new Medians.Bucket(row.seconds(), row.count()));
        }
        Map<Integer, Double> medians = new HashMap<>();
        buckets.forEach((id, list) -> medians.put(id, Medians.of(list)));
        return medians;
    }

    private static QuestionView view(QuestionRow row, Double medianSeconds) {
        return new QuestionView(
                row.id(),
                row.context(),
                row.type(),
                row.difficulty(),
                row.category(),
                row.active(),
                row.revision(),
                row.text(),
                row.hint(),
                optionViews(row.optionA(), row.optionB(), row.optionC(), row.optionD()),
                row.shown(),
                row.liked(),
                row.disliked(),
                medianSeconds);
    }

    private static RevisionView revisionView(RevisionRow row) {
        return new RevisionView(
                row.revision(),
                row.text(),
                row.hint(),
                optionViews(row.optionA(), row.optionB(), row.optionC(), row.optionD()),
                row.difficulty(),
                row.category(),
                row.createdAt().toInstant(),
                row.createdBy());
    }

    private static List<OptionView> optionViews(String... texts) {
        List<OptionView> options = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null && !texts[i].isEmpty()) {
                options.add(new OptionView(String.valueOf((char) ('a' + i)), texts[i]));
            }
        }
        return options;
    }

    private static ApiException unknown(int id) {
        return ApiException.notFound("No question has id " + id + ".");
    }
}
