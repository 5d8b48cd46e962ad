package com.tabletalk.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.tabletalk.testing.TestDatabase;
import com.tabletalk.testing.TestPostgres;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The question bank as migrations load it: enough, well-formed, varied and free of duplicates. */
class QuestionBankIT {

    /** What a phone card shows without scrolling. */
    private static final int MAX_TEXT = 200;

    private static final int MAX_HINT = 120;
    private static final int MAX_OPTION = 40;

    private static List<Question> bank;
    private static QuestionDao questions;

    @BeforeAll
    static void load() {
        TestDatabase db = TestPostgres.freshDatabase();
        questions = new QuestionDao(db.jdbi());
        bank = questions.all();
    }

    @Test
    void everyQuestionStartsAtRevisionOneKeptWordForWord() {
        QuestionCatalog catalog = new QuestionCatalog(questions);
        for (Question question : bank) {
            assertThat(question.revision()).as(question.text()).isEqualTo(1);
            assertThat(catalog.find(question.id(), 1)).contains(question);
            assertThat(catalog.find(question.id(), 2)).isEmpty();
        }
        for (Context context : Context.values()) {
            assertThat(catalog.activeRevisions(context).keySet())
                    .containsExactlyElementsOf(
                            active(context).stream().map(Question::id).toList());
            assertThat(catalog.activeCount(context)).isEqualTo(active(context).size());
        }
    }

    @Test
    void everyContextHasAtLeastOneHundredActiveQuestions() {
        for (Context context : Context.values()) {
            assertThat(active(context)).as(context.wire()).hasSizeGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void noTwoQuestionsShareATextAcrossTheWholeBank() {
        Set<String> seen = new HashSet<>();
        for (Question question : bank) {
            String normalised = question.text().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            assertThat(seen.add(normalised)).as("duplicate: " + question.text()).isTrue();
        }
    }

    @Test
    void choiceCardsHaveTwoToFourDistinctOptionsAndOpenCardsNone() {
        for (Question question : bank) {
            if (question.isChoice()) {
                assertThat(question.options()).as(question.text()).hasSizeBetween(2, 4);
                assertThat(question.options().stream()
                                .map(Question.Option::id)
                                .distinct()
                                .count())
                        .isEqualTo(question.options().size());
                assertThat(question.options().stream()
                                .map(o -> o.text().toLowerCase(Locale.ROOT))
                                .distinct()
                                .count())
                        .as("option texts of " + question.text())
                        .isEqualTo(question.options().size());
                question.options().forEach(option -> assertThat(option.text()).hasSizeBetween(1, MAX_OPTION));
            } else {
                assertThat(question.type()).isEqualTo(Question.OPEN);
                assertThat(question.options()).isEmpty();
            }
        }
    }

    @Test
    void everyQuestionKeepsTheLibrarysRules() {
        for (Question question : bank) {
            QuestionRules.Draft draft = new QuestionRules.Draft(
                    question.context().wire(),
                    question.type(),
                    question.difficulty(),
                    question.category(),
                    question.text(),
                    question.hint(),
                    question.options().stream().map(Question.Option::text).toList());
            assertThat(QuestionRules.problems(draft))
                    .as(question.id() + " " + question.text())
                    .isEmpty();
        }
    }

    @Test
    void textsFitOnAPhoneCard() {
        for (Question question : bank) {
            assertThat(question.text()).hasSizeBetween(10, MAX_TEXT);
            assertThat(question.hint()).hasSizeBetween(5, MAX_HINT);
            assertThat(question.category()).isNotBlank().hasSizeLessThanOrEqualTo(24);
        }
    }

    @Test
    void everyContextHasEveryDifficulty() {
        for (Context context : Context.values()) {
            Set<String> difficulties =
                    active(context).stream().map(Question::difficulty).collect(Collectors.toSet());
            assertThat(difficulties).as(context.wire()).containsExactlyInAnyOrder("easy", "medium", "deep");
        }
    }

    @Test
    void aboutOneCardInTenIsAChoiceCard() {
        for (Context context : Context.values()) {
            List<Question> questions = active(context);
            double share = questions.stream().filter(Question::isChoice).count() / (double) questions.size();
            assertThat(share).as(context.wire()).isBetween(0.05, 0.2);
        }
    }

    @Test
    void idsFollowTheirContextsRange() {
        Map<Context, Integer> base = Map.of(Context.EXPLORING, 1000, Context.ESTABLISHED, 2000, Context.MATURE, 3000);
        for (Question question : bank) {
            int start = base.get(question.context());
            assertThat(question.id()).as(question.text()).isBetween(start + 1, start + 999);
        }
    }

    private static List<Question> active(Context context) {
        return bank.stream().filter(q -> q.active() && q.context() == context).toList();
    }
}
