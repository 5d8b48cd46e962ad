package com.tabletalk.question;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterRowMapper(QuestionDao.QuestionMapper.class)
public interface QuestionDao {

    @SqlQuery(
            "SELECT id, revision, context, active, difficulty, category, type, text, hint, option_a, option_b, option_c, option_d "
                    + "FROM questions ORDER BY id")
    List<Question> all();

    /**
     * One question at one revision: the wording of that revision with the question's context and active flag as
     * they are now.
     */
    @SqlQuery("SELECT r.question_id AS id, r.revision, q.context, q.active, r.difficulty, r.category, r.type, r.text, "
            + "r.hint, r.option_a, r.option_b, r.option_c, r.option_d "
            + "FROM question_revisions r JOIN questions q ON q.id = r.question_id "
            + "WHERE r.question_id = :id AND r.revision = :revision")
    Optional<Question> atRevision(@Bind("id") int id, @Bind("revision") int revision);

    /** A question in play and its current revision. */
    record Current(int id, int revision) {}

    /** The active questions of a context with their current revisions, by id. */
    @SqlQuery("SELECT id, revision FROM questions WHERE active AND context = :context ORDER BY id")
    @RegisterConstructorMapper(Current.class)
    List<Current> active(@Bind("context") String context);

    @SqlQuery("SELECT count(*) FROM questions WHERE active AND context = :context")
    int activeCount(@Bind("context") String context);

    /** Maps a row; empty option cells (as a spreadsheet leaves them) are no option. */
    class QuestionMapper implements RowMapper<Question> {
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
