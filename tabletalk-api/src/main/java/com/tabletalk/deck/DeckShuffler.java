package com.tabletalk.deck;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The order of a table's deck: a Fisher–Yates shuffle seeded from SHA-256 of {@code tableToken|context|day}, so
 * the same table, context and service day give the same order on every instance and after restarts.
 * {@link Random} is used because its sequence for a given seed is fixed by its specification.
 */
public final class DeckShuffler {

    private DeckShuffler() {}

    /** The seed, as the hex of SHA-256 of {@code tableToken|context|yyyy-MM-dd}. */
    public static String seed(String tableToken, String context, LocalDate serviceDay) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tableToken + "|" + context + "|" + serviceDay).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The seed of a session at a restaurant's registered table: its restaurant and table are part of it, so two
     * restaurants' "table 7" play different decks. The ids stay the same when a table is renamed, and the
     * separator cannot occur in a walk-in table token, so no walk-in table shares a seed with a registered one.
     */
    public static String seedAtTable(long restaurantId, long tableId, String context, LocalDate serviceDay) {
        return seed("restaurant/" + restaurantId + "/table/" + tableId, context, serviceDay);
    }

    public static List<Integer> shuffle(List<Integer> ids, String seedHex) {
        long seed =
                ByteBuffer.wrap(HexFormat.of().parseHex(seedHex), 0, Long.BYTES).getLong();
        Random random = new Random(seed);
        List<Integer> deck = new ArrayList<>(ids);
        for (int i = deck.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swapped = deck.get(i);
            deck.set(i, deck.get(j));
            deck.set(j, swapped);
        }
        return deck;
    }
}
