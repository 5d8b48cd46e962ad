package com.tabletalk.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tabletalk.common.ApiException;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static final String EMAIL = "maria.rossi@example.com";

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThatCode(() -> PasswordRules.check("the olive grove at dawn", EMAIL))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.check("ünïcödé pässwörd", EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void elevenCharactersAreTooFew() {
        assertThatThrownBy(() -> PasswordRules.check("abcdefghijk", EMAIL))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("12");
        assertThatCode(() -> PasswordRules.check("abcdefghijkz", EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void charactersAreCountedNotCodeUnits() {
        assertThatThrownBy(() -> PasswordRules.check("🍕".repeat(11), EMAIL)).isInstanceOf(ApiException.class);
        assertThatCode(() -> PasswordRules.check("🍕".repeat(12), EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void theEmailOrItsLocalPartIsRefusedInAnyCase() {
        assertThatThrownBy(() -> PasswordRules.check("Maria.Rossi@Example.com", EMAIL))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PasswordRules.check("MARIA.ROSSI@EXAMPLE.COM", EMAIL))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PasswordRules.check("rossi.maria1", "rossi.maria1@example.com"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void commonPasswordsAreRefusedInAnyCase() {
        for (String common :
                new String[] {"password1234", "Qwertyuiop123", "123456789012", "iloveyou1234", "Superadmin123"}) {
            assertThatThrownBy(() -> PasswordRules.check(common, EMAIL))
                    .as(common)
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("common");
        }
    }

    @Test
    void absurdlyLongPasswordsAreRefused() {
        assertThatThrownBy(() -> PasswordRules.check("x".repeat(257), EMAIL)).isInstanceOf(ApiException.class);
    }
}
