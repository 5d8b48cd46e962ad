package com.tabletalk.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tabletalk.common.ApiException;
import com.tabletalk.session.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One sample of every kind a phone may send; a new kind of message fails here until it is parsed and sampled. */
    private static final List<String> ONE_OF_EACH =
            List.of("{\"type\":\"hello\",\"token\":\"t\"}", "{\"type\":\"ping\"}", "{\"type\":\"next\",\"version\":3}");

    @Test
    void everyKindOfClientMessageIsParsed() {
        List<Class<?>> parsed = ONE_OF_EACH.stream()
                .<Class<?>>map(text -> ClientMessage.parse(JSON, text).getClass())
                .toList();

        assertThat(parsed).containsExactlyInAnyOrder(ClientMessage.class.getPermittedSubclasses());
    }

    @Test
    void theVisitorSeesEachKind() {
        ClientMessage.Visitor<String> names = new ClientMessage.Visitor<>() {
            @Override
            public String hello(ClientMessage.Hello hello) {
                return "hello " + hello.token();
            }

            @Override
            public String ping(ClientMessage.Ping ping) {
                return "ping";
            }

            @Override
            public String act(ClientMessage.Act act) {
                return act.command().type() + " " + act.command().version();
            }
        };

        assertThat(ONE_OF_EACH.stream()
                        .map(text -> ClientMessage.parse(JSON, text).accept(names)))
                .containsExactly("hello t", "ping", "next 3");
    }

    @Test
    void theOnePhoneCatchUpTravelsAsACommand() {
        ClientMessage message = ClientMessage.parse(JSON, "{\"type\":\"seek\",\"position\":5,\"version\":9}");

        assertThat(message).isEqualTo(new ClientMessage.Act(new Command.Seek(5, 9L)));
    }

    @Test
    void aCommandIsReadHereAndValidatedOnlyWhereItRuns() {
        ClientMessage message = ClientMessage.parse(JSON, "{\"type\":\"next\"}");

        assertThat(message).isEqualTo(new ClientMessage.Act(new Command.Next(null)));
    }

    @Test
    void malformedMessagesAreRefusedWithASentence() {
        for (String bad :
                List.of("not json", "[1]", "{}", "{\"type\":7}", "{\"type\":\"hello\"}", "{\"type\":\"dance\"}")) {
            assertThatThrownBy(() -> ClientMessage.parse(JSON, bad)).as(bad).isInstanceOf(ApiException.class);
        }
    }
}
