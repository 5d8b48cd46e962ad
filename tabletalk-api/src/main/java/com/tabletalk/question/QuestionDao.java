package com.tabletalk.question;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterRowMapper(QuestionDao.QuestionMapper.class)
public interface QuestionDao {

    @SqlQuery(
            "SELECT id, revision, context, active, difficulty, category, type, text, hint, option_a, option_b, option_c, option_d "
                    + "FROM questions ORDER BY id")
    List<Question> all();

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
