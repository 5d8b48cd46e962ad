package com.tabletalk.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void hashesAreArgon2idAtOwaspMinimumWithARandomSalt() {
        String first = passwords.hash("the olive grove at dawn");
        String second = passwords.hash("the olive grove at dawn");

        assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String hash = passwords.hash("the olive grove at dawn");

        assertThat(passwords.matches("the olive grove at dawn", hash)).isTrue();
        assertThat(passwords.matches("the olive grove at dusk", hash)).isFalse();
        assertThat(passwords.matchesNobody("the olive grove at dawn")).isFalse();
    }
}
