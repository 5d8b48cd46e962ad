package com.tabletalk.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
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
}
