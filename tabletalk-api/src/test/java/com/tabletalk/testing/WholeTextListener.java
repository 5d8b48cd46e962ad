package com.tabletalk.testing;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A socket listener that hands on each whole text message, however many frames it arrived in, and notes how the
 * socket closed: the close code, or -1 when it failed.
 */
public abstract class WholeTextListener implements WebSocket.Listener {

    private final StringBuilder partial = new StringBuilder();
    protected final CompletableFuture<Integer> closed = new CompletableFuture<>();

    /** One complete text message from the service. */
    protected abstract void onMessage(String text);

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            onMessage(text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }
}
