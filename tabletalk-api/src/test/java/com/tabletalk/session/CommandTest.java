package com.tabletalk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.common.ApiException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void everyCommandTypeIsRegisteredForJson() {
        Set<Class<?>> registered = Arrays.stream(
                        Command.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value)
                .collect(Collectors.toSet());

        assertThat(registered).containsExactlyInAnyOrder(Command.class.getPermittedSubclasses());
    }

    @Test
    void anAnswersSeatIsFirstSecondOrAbsent() {
        for (String seat : new String[] {null, "first", "second"}) {
            assertThatCode(() -> new Command.Answer("a", seat, 3L).validate()).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> new Command.Answer("a", "third", 3L).validate())
                .isInstanceOf(ApiException.class)
                .hasMessage("seat must be first or second.");
        assertThatThrownBy(() -> new Command.Answer("a", "", 3L).validate()).isInstanceOf(ApiException.class);
    }

    @Test
    void seekIsReadFromJsonAndNeedsAPositionOfTheDeck() throws Exception {
        ObjectMapper json = new ObjectMapper();

        Command seek = json.readValue("{\"type\":\"seek\",\"position\":7,\"version\":4}", Command.class);

        assertThat(seek).isEqualTo(new Command.Seek(7, 4L));
        seek.validate();
        assertThatThrownBy(() -> new Command.Seek(null, 4L).validate())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("position is required");
        assertThatThrownBy(() -> new Command.Seek(-1, 4L).validate())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("deck position");
        assertThatThrownBy(() -> new Command.Seek(3, null).validate())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("version is required");
    }
}
