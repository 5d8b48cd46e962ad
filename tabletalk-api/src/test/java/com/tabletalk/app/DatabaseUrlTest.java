package com.tabletalk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void digitalOceanFormBecomesJdbcUrlWithSeparateCredentials() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://doadmin:p%40ss:w0rd@db-host.example:25060/defaultdb?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db-host.example:25060/defaultdb?sslmode=require");
        assertThat(url.user()).contains("doadmin");
        assertThat(url.password()).contains("p@ss:w0rd");
    }

    @Test
    void jdbcUrlIsTakenAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/tabletalk?user=postgres");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/tabletalk?user=postgres");
        assertThat(url.user()).isEmpty();
    }

    @Test
    void urlWithoutPasswordOrPortIsAccepted() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app@db/tabletalk");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/tabletalk");
        assertThat(url.user()).contains("app");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void describeAndToStringNeverShowCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://doadmin:secretpw@db:25060/defaultdb?sslmode=require");

        assertThat(url.describe()).isEqualTo("//db:25060/defaultdb");
        assertThat(url.toString()).doesNotContain("secretpw").doesNotContain("doadmin");
    }

    @Test
    void malformedValuesAreRefusedWithoutEchoingThem() {
        for (String bad : new String[] {
            "",
            "   ",
            "mysql://u:secretpw@h/db",
            "postgresql://u:secretpw@/db",
            "postgresql://u:secretpw@host",
            "postgresql://u:secretpw@host:port/db",
            "postgresql://u:secret pw@h/db"
        }) {
            assertThatThrownBy(() -> DatabaseUrl.parse(bad))
                    .as(bad)
                    .isInstanceOf(DatabaseUrl.InvalidDatabaseUrlException.class)
                    .hasMessageContaining("DATABASE_URL")
                    .hasMessageNotContaining("secretpw");
        }
    }
}
