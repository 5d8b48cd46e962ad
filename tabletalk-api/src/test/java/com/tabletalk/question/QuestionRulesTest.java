package com.tabletalk.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionRulesTest {

    private static QuestionRules.Draft open(String text) {
        return new QuestionRules.Draft("exploring", "open", "easy", "food", text, "What makes it so?", List.of());
    }

    private static QuestionRules.Draft choice(String... options) {
        return new QuestionRules.Draft(
                "mature",
                "choice",
                "deep",
                "home_life",
                "Which room do we use the most?",
                "Why that one?",
                Arrays.asList(options));
    }

    @Test
    void aWellFormedOpenCardAndChoiceCardPass() {
        assertThat(QuestionRules.problems(open("What dish could you eat every week?")))
                .isEmpty();
        assertThat(QuestionRules.problems(choice("Kitchen", "Garden", "", ""))).isEmpty();
        assertThat(QuestionRules.problems(choice("Kitchen", "Garden", "Hall", "Attic")))
                .isEmpty();
    }

    @Test
    void textLengthsAreBounded() {
        assertThat(QuestionRules.problems(open("Too short")))
                .containsExactly("The text is too short: at least 10 characters.");
        assertThat(QuestionRules.problems(open("x".repeat(201))).get(0)).contains("too long for a phone card");
        assertThat(QuestionRules.problems(open("x".repeat(200)))).isEmpty();
        QuestionRules.Draft shortHint =
                new QuestionRules.Draft("exploring", "open", "easy", "food", "A long enough text?", "Why", List.of());
        assertThat(QuestionRules.problems(shortHint)).containsExactly("The hint is too short: at least 5 characters.");
    }

    @Test
    void choiceCardsHaveTwoToFourOptionsWithoutGaps() {
        assertThat(QuestionRules.problems(choice("Only one")))
                .containsExactly("A choice card has 2 to 4 options, not 1.");
        assertThat(QuestionRules.problems(choice("a1", "b1", "c1", "d1", "e1")))
                .containsExactly("A choice card has 2 to 4 options, not 5.");
        assertThat(QuestionRules.problems(choice("Kitchen", null, "Hall")).get(0))
                .contains("without gaps");
        assertThat(QuestionRules.problems(choice("Kitchen", "x".repeat(41))).get(0))
                .contains("option b is too long");
        assertThat(QuestionRules.problems(choice("Kitchen", "kitchen")))
                .containsExactly("Two options say the same thing.");
    }

    @Test
    void openCardsHaveNoOptions() {
        QuestionRules.Draft draft = new QuestionRules.Draft(
                "exploring",
                "open",
                "easy",
                "food",
                "What dish could you eat every week?",
                "Why so?",
                List.of("A", "B"));
        assertThat(QuestionRules.problems(draft)).containsExactly("An open card has no options.");
    }

    @Test
    void unknownValuesAreNamed() {
        QuestionRules.Draft draft = new QuestionRules.Draft(
                "romantic", "quiz", "hard", "Food!", "What dish could you eat every week?", "Why so?", List.of());
        assertThat(QuestionRules.problems(draft))
                .containsExactly(
                        "Unknown context: use exploring, established or mature.",
                        "Unknown type: use open or choice.",
                        "Unknown difficulty: use easy, medium or deep.",
                        "The category must be 1 to 30 lower-case letters a-z or '_'.");
    }

    @Test
    void markupControlCharactersAndOuterSpacesAreRefused() {
        assertThat(QuestionRules.problems(open("What is <b>your</b> dish?")).get(0))
                .contains("markup");
        assertThat(QuestionRules.problems(open("What is your\ndish of the week?"))
                        .get(0))
                .contains("control characters");
        assertThat(QuestionRules.problems(open("What is your dish\u200B of the week?"))
                        .get(0))
                .contains("control characters");
        assertThat(QuestionRules.problems(open(" What is your dish of the week?"))
                        .get(0))
                .contains("spaces");
        assertThat(QuestionRules.problems(open("Which emoji is us? \uD83D\uDC69\u200D\u2764\uFE0F\u200D\uD83D\uDC68")))
                .isEmpty();
    }

    @Test
    void sameTextIgnoresCaseAndRunsOfSpaces() {
        assertThat(QuestionRules.sameText("What  is YOUR dish?", "what is your dish?"))
                .isTrue();
        assertThat(QuestionRules.sameText("What is your dish?", "What is my dish?"))
                .isFalse();
    }
}
