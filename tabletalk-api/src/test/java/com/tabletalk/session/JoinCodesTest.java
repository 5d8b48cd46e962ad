package com.tabletalk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoinCodesTest {

    @Test
    void theAlphabetHasNoLookAlikes() {
        assertThat(JoinCodes.ALPHABET).hasSize(30).doesNotContainAnyWhitespaces();
        for (char lookAlike : "01ILOU".toCharArray()) {
            assertThat(JoinCodes.ALPHABET).doesNotContain(String.valueOf(lookAlike));
        }
        assertThat(JoinCodes.ALPHABET.chars().distinct().count()).isEqualTo(30);
    }

    @Test
    void codesAreSixCharactersOfTheAlphabetAndUseAllOfIt() {
        Random random = new SecureRandom();
        Set<Character> seen = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String code = JoinCodes.draw(random);
            assertThat(code).hasSize(JoinCodes.LENGTH);
            for (char c : code.toCharArray()) {
                assertThat(JoinCodes.ALPHABET).contains(String.valueOf(c));
                seen.add(c);
            }
            codes.add(code);
        }
        assertThat(seen).hasSize(JoinCodes.ALPHABET.length());
        assertThat(codes).as("2,000 draws from 729 million codes").hasSizeGreaterThan(1_990);
    }

    @Test
    void typedCodesAreReadInAnyCaseWithSpacesAndDashes() {
        assertThat(JoinCodes.normalise("K7MQ3P")).contains("K7MQ3P");
        assertThat(JoinCodes.normalise("k7m-q3p")).contains("K7MQ3P");
        assertThat(JoinCodes.normalise(" k7m q3p ")).contains("K7MQ3P");
        assertThat(JoinCodes.normalise("K 7 M - Q 3 P")).contains("K7MQ3P");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "K7MQ3",
                "K7MQ3PP",
                "K7MQ0P",
                "K7MQ1P",
                "K7MQIP",
                "K7MQLP",
                "K7MQOP",
                "K7MQUP",
                "K7M_Q3P",
                "K7M.Q3P",
                "K7MQ3P!",
                "Ｋ7MQ3P",
                "../../x",
                "K7MQ3P----------------------------"
            })
    void anythingElseIsNotACode(String typed) {
        assertThat(JoinCodes.normalise(typed)).isEmpty();
    }

    @Test
    void nothingIsNotACode() {
        assertThat(JoinCodes.normalise(null)).isEmpty();
    }
}
