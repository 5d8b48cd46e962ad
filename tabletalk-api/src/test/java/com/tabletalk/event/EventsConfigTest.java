package com.tabletalk.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventsConfigTest {

    private static final YamlConfigurationFactory<EventsConfig> FACTORY = new YamlConfigurationFactory<>(
            EventsConfig.class, Validators.newValidator(), Jackson.newObjectMapper(), "events");

    private static EventsConfig read(String yaml) throws Exception {
        return FACTORY.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "config.yml");
    }

    @Test
    void withoutSettingsEventsAreKeptForGoodAndThreeMonthsAreMadeAhead() throws Exception {
        EventsConfig config = read("retention: null\n");

        assertThat(config.partitionsAheadMonths()).isEqualTo(3);
        assertThat(config.keepFor()).isEmpty();
        assertThat(config.linger()).isEqualTo(Duration.ofMillis(100));
        assertThat(EventsConfig.defaults()).isEqualTo(config);
    }

    @Test
    void aRetentionIsReadAsADuration() throws Exception {
        EventsConfig config = read("partitionsAheadMonths: 6\nretention: 400d\n");

        assertThat(config.partitionsAheadMonths()).isEqualTo(6);
        assertThat(config.keepFor()).contains(Duration.ofDays(400));
    }

    @Test
    void aBatchLingerIsReadAndALongOneRefused() throws Exception {
        assertThat(read("batchLinger: 0ms\n").linger()).isZero();
        assertThat(read("batchLinger: 250ms\n").linger()).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> read("batchLinger: 1m\n")).isInstanceOf(ConfigurationValidationException.class);
    }

    @Test
    void aRetentionShorterThanADayOrNoMonthsAheadAreRefused() {
        assertThatThrownBy(() -> read("retention: 30s\n")).isInstanceOf(ConfigurationValidationException.class);
        assertThatThrownBy(() -> read("partitionsAheadMonths: 0\n"))
                .isInstanceOf(ConfigurationValidationException.class);
        assertThatThrownBy(() -> read("retention: forever\n")).isInstanceOf(Exception.class);
    }
}
