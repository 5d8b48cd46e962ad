package com.tabletalk.question;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Questions as sessions read them. Written with Jdbi's fluent API rather than as an on-demand SQL Object, for the
 * reason {@link com.tabletalk.session.SessionDao} gives: {@link #active} runs for every new session, and attaching
 * an on-demand object (with a constructor mapper made by reflection) on each call was most of a create's CPU.
 */
public final class QuestionDao {

    private static final String ALL = "/* QuestionDao.all */ SELECT id, revision, context, active, difficulty, "
            + "category, type, text, hint, option_a, option_b, option_c, option_d FROM questions ORDER BY id";

    private static final String AT_REVISION = "/* QuestionDao.atRevision */ "
            + "SELECT r.question_id AS id, r.revision, q.context, q.active, r.difficulty, r.category, r.type, r.text, "
            + "r.hint, r.option_a, r.option_b, r.option_c, r.option_d "
            + "FROM question_revisions r JOIN questions q ON q.id = r.question_id "
            + "WHERE r.question_id = :id AND r.revision = :revision";

    private static final String ACTIVE =
            "/* QuestionDao.active */ SELECT id, revision FROM questions WHERE active AND context = :context ORDER BY id";

    private static final String ACTIVE_COUNT =
            "/* QuestionDao.activeCount */ SELECT count(*) FROM questions WHERE active AND context = :context";

    private static final QuestionMapper QUESTIONS = new QuestionMapper();

    private final Jdbi jdbi;

    public QuestionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Question> all() {
        return jdbi.withHandle(handle -> handle.createQuery(ALL).map(QUESTIONS).list());
    }

    /**
     * One question at one revision: the wording of that revision with the question's context and active flag as
     * they are now.
     */
    public Optional<Question> atRevision(int id, int revision) {
        return jdbi.withHandle(handle -> handle.createQuery(AT_REVISION)
                .bind("id", id)
                .bind("revision", revision)
                .map(QUESTIONS)
                .findOne());
    }

    /** A question in play and its current revision. */
    public record Current(int id, int revision) {}

    /** The active questions of a context with their current revisions, by id. */
    public List<Current> active(String context) {
        return jdbi.withHandle(handle -> handle.createQuery(ACTIVE)
                .bind("context", context)
                .map((rs, ctx) -> new Current(rs.getInt("id"), rs.getInt("revision")))
                .list());
    }

    public int activeCount(String context) {
        return jdbi.withHandle(handle -> handle.createQuery(ACTIVE_COUNT)
                .bind("context", context)
                .mapTo(Integer.class)
                .one());
    }

    /** Maps a row; empty option cells (as a spreadsheet leaves them) are no option. */
    static final class QuestionMapper implements RowMapper<Question> {
        private static final String[] OPTION_IDS = {"a", "b", "c", "d"};

        @Override
        public Question map(ResultSet rs, StatementContext ctx) throws SQLException {
            List<Question.Option> options = new ArrayList<>();
            for (String id : OPTION_IDS) {
                String text = rs.getString("option_" + id);
                if (text != null && !text.isBlank()) {
                    options.add(new Question.Option(id, text.strip()));
                }
            }
            String type = rs.getString("type");
            return new Question(
                    rs.getInt("id"),
                    rs.getInt("revision"),
                    Context.fromWire(rs.getString("context")),
                    rs.getBoolean("active"),
                    rs.getString("difficulty"),
                    rs.getString("category"),
                    type,
                    rs.getString("text"),
                    rs.getString("hint"),
                    Question.CHOICE.equals(type) ? options : List.of());
        }
    }
}
