package com.tabletalk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipantRowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ParticipantRow awayWithAnswer() {
        return ParticipantRow.joined("B", "old-hash")
                .withConnected(true)
                .withConnected(false)
                .withReady(true)
                .withAnswer("b");
    }

    @Test
    void handingASeatOverReplacesOnlyItsToken() {
        ParticipantRow asked = awayWithAnswer().withReclaim(new ParticipantRow.Reclaim("new-hash", 1_000L));

        ParticipantRow handedOver = asked.handedOver();

        assertThat(handedOver.tokenHash()).isEqualTo("new-hash");
        assertThat(handedOver.reclaim()).isNull();
        assertThat(handedOver.ready()).isTrue();
        assertThat(handedOver.answer()).isEqualTo("b");
        assertThat(handedOver.connected()).isFalse();
        assertThat(handedOver.everConnected()).isTrue();
    }

    @Test
    void onlyASeatSomeoneAskedForCanBeHandedOver() {
        assertThatThrownBy(() -> awayWithAnswer().handedOver()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPhoneThatComesBackCancelsTheRequestForItsSeat() {
        ParticipantRow asked = awayWithAnswer().withReclaim(new ParticipantRow.Reclaim("new-hash", 1_000L));

        assertThat(asked.withConnected(false).reclaim()).isNotNull();
        assertThat(asked.withConnected(true).reclaim()).isNull();
        assertThat(asked.forNewCard().reclaim()).isNotNull();
    }

    @Test
    void storedRowsWithoutARequestReadAndWriteAsBefore() throws Exception {
        String before = "[{\"id\":\"A\",\"tokenHash\":\"h\",\"connected\":true,\"everConnected\":true,"
                + "\"ready\":false,\"wantsNext\":false,\"answer\":null}]";

        List<ParticipantRow> read = JSON.readValue(before, new TypeReference<>() {});

        assertThat(read.get(0).reclaim()).isNull();
        assertThat(JSON.readTree(SessionDao.Mapper.write(read))).isEqualTo(JSON.readTree(before));
    }

    @Test
    void aRequestIsStoredWithTheSeat() throws Exception {
        List<ParticipantRow> rows =
                List.of(awayWithAnswer().withReclaim(new ParticipantRow.Reclaim("new-hash", 1_234L)));

        List<ParticipantRow> read = JSON.readValue(SessionDao.Mapper.write(rows), new TypeReference<>() {});

        assertThat(read).isEqualTo(rows);
    }
}
