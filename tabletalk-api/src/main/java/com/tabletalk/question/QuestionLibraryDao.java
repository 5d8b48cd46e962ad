package com.tabletalk.question;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The question library as the console edits it: questions (the current wording) and question_revisions (every
 * wording), read and written together in one transaction by {@link QuestionLibrary}.
 */
public interface QuestionLibraryDao {

    /** One question with its current wording and its all-time figures for that wording. */
    record QuestionRow(
            int id,
            int revision,
            String context,
            boolean active,
            String difficulty,
            String category,
            String type,
            String text,
            String hint,
            String optionA,
            String optionB,
            String optionC,
            String optionD,
            long shown,
            long liked,
            long disliked) {}

    record RevisionRow(
            int revision,
            String difficulty,
            String category,
            String text,
            String hint,
            String optionA,
            String optionB,
            String optionC,
            String optionD,
            OffsetDateTime createdAt,
            String createdBy) {}

    /** A wording to store: the question's fields, options a to d (null when absent). */
    record Wording(
            String difficulty,
            String category,
            String type,
            String text,
            String hint,
            String optionA,
            String optionB,
            String optionC,
            String optionD) {}

    String SELECT = "SELECT q.id, q.revision, q.context, q.active, q.difficulty, q.category, q.type, q.text, q.hint, "
            + "q.option_a, q.option_b, q.option_c, q.option_d, "
            + "COALESCE(s.shown, 0) AS shown, COALESCE(s.liked, 0) AS liked, COALESCE(s.disliked, 0) AS disliked "
            // Summed once per question and revision (the rollup's key leads with the day, so a per-question lookup
            // would read the whole table for each row).
            + "FROM questions q LEFT JOIN (SELECT p.question_id, p.revision, sum(p.shown) AS shown, "
            + "sum(p.liked) AS liked, sum(p.disliked) AS disliked FROM insight_platform_questions p "
            + "GROUP BY p.question_id, p.revision) s ON s.question_id = q.id AND s.revision = q.revision ";

    /** The questions matching every given filter (null = any); {@code q} searches text, hint and options. */
    @RegisterConstructorMapper(QuestionRow.class)
    @SqlQuery(SELECT + "WHERE (CAST(:context AS text) IS NULL OR q.context = :context) "
            + "AND (CAST(:type AS text) IS NULL OR q.type = :type) "
            + "AND (CAST(:difficulty AS text) IS NULL OR q.difficulty = :difficulty) "
            + "AND (CAST(:category AS text) IS NULL OR q.category = :category) "
            + "AND (CAST(:active AS boolean) IS NULL OR q.active = :active) "
            + "AND (CAST(:q AS text) IS NULL OR strpos(lower(concat_ws(' ', q.text, q.hint, q.option_a, q.option_b, "
            + "q.option_c, q.option_d)), lower(:q)) > 0) "
            + "ORDER BY q.id")
    List<QuestionRow> search(
            @Bind("context") String context,
            @Bind("type") String type,
            @Bind("difficulty") String difficulty,
            @Bind("category") String category,
            @Bind("active") Boolean active,
            @Bind("q") String q);

    @RegisterConstructorMapper(QuestionRow.class)
    @SqlQuery(SELECT + "WHERE q.id = :id")
    Optional<QuestionRow> find(@Bind("id") int id);

    @RegisterConstructorMapper(QuestionRow.class)
    @SqlQuery(SELECT + "ORDER BY q.id")
    List<QuestionRow> all();

    @RegisterConstructorMapper(RevisionRow.class)
    @SqlQuery("SELECT r.revision, r.difficulty, r.category, r.text, r.hint, r.option_a, r.option_b, r.option_c, "
            + "r.option_d, r.created_at, u.email AS created_by FROM question_revisions r "
            + "LEFT JOIN staff_users u ON u.id = r.created_by WHERE r.question_id = :id ORDER BY r.revision")
    List<RevisionRow> revisions(@Bind("id") int id);

    /**
     * Writers take this first, so that two editors never both take the same new id or both add the same text;
     * readers (the running game) are not held up.
     */
    @SqlUpdate("LOCK TABLE questions IN SHARE ROW EXCLUSIVE MODE")
    void lockForWriting();

    /** The highest id in [from, to], or null when none is taken. */
    @SqlQuery("SELECT max(id) FROM questions WHERE id BETWEEN :from AND :to")
    Integer highestId(@Bind("from") int from, @Bind("to") int to);

    @SqlUpdate("INSERT INTO questions (id, revision, context, active, difficulty, category, type, text, hint, "
            + "option_a, option_b, option_c, option_d) VALUES (:id, 1, :context, :active, :w.difficulty, "
            + ":w.category, :w.type, :w.text, :w.hint, :w.optionA, :w.optionB, :w.optionC, :w.optionD)")
    void insertQuestion(
            @Bind("id") int id,
            @Bind("context") String context,
            @Bind("active") boolean active,
            @BindMethods("w") Wording wording);

    @SqlUpdate("INSERT INTO question_revisions (question_id, revision, difficulty, category, type, text, hint, "
            + "option_a, option_b, option_c, option_d, created_by) VALUES (:id, :revision, :w.difficulty, "
            + ":w.category, :w.type, :w.text, :w.hint, :w.optionA, :w.optionB, :w.optionC, :w.optionD, :by)")
    void insertRevision(
            @Bind("id") int id,
            @Bind("revision") int revision,
            @BindMethods("w") Wording wording,
            @Bind("by") Long createdBy);

    /** Moves a question on to a revision already stored; only from the revision before it. */
    @SqlUpdate("UPDATE questions SET revision = :revision, difficulty = :w.difficulty, category = :w.category, "
            + "text = :w.text, hint = :w.hint, option_a = :w.optionA, option_b = :w.optionB, option_c = :w.optionC, "
            + "option_d = :w.optionD WHERE id = :id AND revision = :revision - 1")
    int moveToRevision(@Bind("id") int id, @Bind("revision") int revision, @BindMethods("w") Wording wording);

    @SqlUpdate("UPDATE questions SET active = :active WHERE id = :id")
    int setActive(@Bind("id") int id, @Bind("active") boolean active);

    /** A question's card times in whole seconds, for its current revision: how many showings lasted each. */
    record CardSeconds(int questionId, int seconds, long count) {}

    /** From the dashboard's sums over every day; {@code id} null for every question. */
    @RegisterConstructorMapper(CardSeconds.class)
    @SqlQuery("SELECT s.question_id, s.seconds, sum(s.n) AS count FROM insight_platform_question_seconds s "
            + "JOIN questions q ON q.id = s.question_id AND q.revision = s.revision "
            + "WHERE CAST(:id AS integer) IS NULL OR s.question_id = :id "
            + "GROUP BY s.question_id, s.seconds ORDER BY s.question_id, s.seconds")
    List<CardSeconds> cardSeconds(@Bind("id") Integer id);
}
