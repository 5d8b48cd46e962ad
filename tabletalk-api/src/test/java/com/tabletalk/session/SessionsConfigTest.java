package com.tabletalk.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.question.Context;
import com.tabletalk.question.RelationshipLength;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The relationship lengths' contexts and the recommendation default are checked when the service starts. */
class SessionsConfigTest {

    private static final ObjectMapper YAML_AS_JSON = Jackson.newObjectMapper();
    private static final Validator VALIDATOR = Validators.newValidator();

    private static Set<ConstraintViolation<SessionsConfig>> violations(String json) throws Exception {
        return VALIDATOR.validate(YAML_AS_JSON.readValue(json, SessionsConfig.class));
    }

    @Test
    void theDefaultsMapEveryLengthAsAgreed() throws Exception {
        SessionsConfig defaults = YAML_AS_JSON.readValue("{}", SessionsConfig.class);

        assertThat(VALIDATOR.validate(defaults)).isEmpty();
        assertThat(defaults.contextFor(RelationshipLength.UNDER_6_MONTHS)).isEqualTo(Context.EXPLORING);
        assertThat(defaults.contextFor(RelationshipLength.SIX_MONTHS_TO_2_YEARS))
                .isEqualTo(Context.EXPLORING);
        assertThat(defaults.contextFor(RelationshipLength.TWO_TO_10_YEARS)).isEqualTo(Context.ESTABLISHED);
        assertThat(defaults.contextFor(RelationshipLength.OVER_10_YEARS)).isEqualTo(Context.MATURE);
        assertThat(defaults.contextFor(RelationshipLength.FRIENDS_OR_FAMILY)).isEqualTo(Context.EXPLORING);
        assertThat(defaults.recommendAfterCards()).isEqualTo(5);
    }

    @Test
    void aCompleteMappingOfItsOwnIsTaken() throws Exception {
        SessionsConfig config = YAML_AS_JSON.readValue(
                "{\"relationshipContexts\": {\"under_6_months\": \"exploring\", \"6_months_to_2_years\": \"established\","
                        + " \"2_to_10_years\": \"established\", \"over_10_years\": \"mature\","
                        + " \"friends_or_family\": \"mature\"}}",
                SessionsConfig.class);

        assertThat(VALIDATOR.validate(config)).isEmpty();
        assertThat(config.contextFor(RelationshipLength.FRIENDS_OR_FAMILY)).isEqualTo(Context.MATURE);
    }

    @Test
    void aMissingLengthAnUnknownOneOrAnUnknownContextStopsTheStart() throws Exception {
        assertThat(violations("{\"relationshipContexts\": {\"under_6_months\": \"exploring\"}}"))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("relationshipContexts");
        assertThat(violations("{\"relationshipContexts\": {\"under_6_months\": \"exploring\", \"6_months_to_2_years\":"
                        + " \"exploring\", \"2_to_10_years\": \"established\", \"over_10_years\": \"mature\","
                        + " \"friends_or_family\": \"exploring\", \"forever\": \"mature\"}}"))
                .isNotEmpty();
        assertThat(violations("{\"relationshipContexts\": {\"under_6_months\": \"exploring\", \"6_months_to_2_years\":"
                        + " \"exploring\", \"2_to_10_years\": \"established\", \"over_10_years\": \"ancient\","
                        + " \"friends_or_family\": \"exploring\"}}"))
                .isNotEmpty();
        assertThat(violations("{\"recommendAfterCards\": 51}")).isNotEmpty();
        assertThat(violations("{\"recommendAfterCards\": -1}")).isNotEmpty();
    }
}
