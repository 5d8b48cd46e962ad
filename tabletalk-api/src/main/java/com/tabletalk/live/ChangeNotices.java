package com.tabletalk.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.tabletalk.session.SessionChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one place that writes and reads the payloads of {@code session_changes}: JSON arrays of {@link ChangeNotice}s,
 * each under PostgreSQL's 8000-byte limit. The first notice of each payload also names the instance that sent it
 * ({@code from}), so that an instance passes over its own payloads unread: it has given its own sockets those changes
 * already. Every instance reads every other's changes, so a payload is read straight into notices; only one that does
 * not read that way (a field from a newer instance, say) is taken apart notice by notice, and a notice whose state
 * cannot be read is kept without it, so that its row is read instead of the change lost.
 */
public final class ChangeNotices {

    /** Bytes per payload, with room to spare under PostgreSQL's 8000. */
    static final int MAX_PAYLOAD_BYTES = 7_500;

    private final ObjectMapper json;
    /** How this instance's payloads begin: the opening of a first notice that names this instance as its sender. */
    private final String ownPrefix = "[{\"from\":\"" + UUID.randomUUID() + "\",";

    private final ObjectWriter writer;
    private final ObjectReader notices;
    private final ObjectReader state;

    public ChangeNotices(ObjectMapper json) {
        this.json = json;
        this.writer = json.writerFor(ChangeNotice.class);
        this.notices = json.readerFor(ChangeNotice[].class)
                .with(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.state = json.readerFor(SessionChange.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The notices as JSON arrays of at most {@value #MAX_PAYLOAD_BYTES} bytes each, in order; none for no notices.
     */
    List<String> payloads(List<ChangeNotice> batch) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int bytes = 0;
        for (ChangeNotice notice : batch) {
            String item = write(notice);
            int itemBytes = utf8Length(item);
            if (!current.isEmpty() && bytes + itemBytes + 2 > MAX_PAYLOAD_BYTES) {
                payloads.add(current.append(']').toString());
                current = new StringBuilder();
            }
            if (current.isEmpty()) {
                // The first notice names the sender: its "{" gives way to the prefix's "[{"from":…,".
                current.append(ownPrefix).append(item, 1, item.length());
                bytes = ownPrefix.length() + itemBytes - 1;
            } else {
                current.append(',').append(item);
                bytes += itemBytes + 1;
            }
        }
        if (!current.isEmpty()) {
            payloads.add(current.append(']').toString());
        }
        return payloads;
    }

    /**
     * The notices in a payload from another instance: an array of them, or one alone. None from this instance's own.
     *
     * @throws IllegalArgumentException when the payload is not notices at all
     */
    List<ChangeNotice> read(String payload) {
        if (payload.startsWith(ownPrefix)) {
            return List.of();
        }
        try {
            List<ChangeNotice> read = List.of(notices.<ChangeNotice[]>readValue(payload));
            if (!read.isEmpty() && read.stream().allMatch(ChangeNotice::isWhole)) {
                return read;
            }
        } catch (IOException | RuntimeException notReadStraight) {
            // taken apart below
        }
        return readApart(payload);
    }

    private List<ChangeNotice> readApart(String payload) {
        JsonNode tree;
        try {
            tree = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A session change notice that is not JSON", e);
        }
        List<ChangeNotice> read = new ArrayList<>();
        for (JsonNode node : tree.isArray() ? tree : List.of(tree)) {
            JsonNode id = node.get("id");
            JsonNode version = node.get("version");
            if (id == null
                    || !id.isTextual()
                    || version == null
                    || !version.canConvertToLong()
                    || version.asLong() < 1) {
                throw new IllegalArgumentException("A session change notice without its session and version");
            }
            ChangeNotice notice = new ChangeNotice(
                    UUID.fromString(id.asText()),
                    version.asLong(),
                    node.path("at").asLong(0),
                    stateOf(node));
            read.add(notice.isWhole() ? notice : notice.withoutState());
        }
        if (read.isEmpty()) {
            throw new IllegalArgumentException("A session change payload without notices");
        }
        return read;
    }

    private SessionChange stateOf(JsonNode notice) {
        JsonNode node = notice.get("state");
        if (node == null || !node.isObject()) {
            return null;
        }
        try {
            return state.readValue(node);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** A notice as JSON, without its state when that alone would not fit in a payload. */
    private String write(ChangeNotice notice) {
        try {
            String whole = writer.writeValueAsString(notice);
            // Alone in a payload, it is preceded by the sender's name and followed by "]".
            if (notice.state() == null || ownPrefix.length() + utf8Length(whole) <= MAX_PAYLOAD_BYTES) {
                return whole;
            }
            return writer.writeValueAsString(notice.withoutState());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A session change could not be written as JSON", e);
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
