package com.tabletalk.session;

import java.util.List;
import java.util.UUID;

/**
 * The rest of a one-phone session's deck, for the phone to keep in case the network goes: the cards from {@code
 * from} (the current position when it was read) to the end of the deck, in order, each as it was dealt and with its
 * hint, since one phone reveals its own hints.
 */
public record SessionDeck(UUID sessionId, long version, int from, int deckSize, List<SessionView.Card> cards) {

    public SessionDeck {
        cards = List.copyOf(cards);
    }
}
