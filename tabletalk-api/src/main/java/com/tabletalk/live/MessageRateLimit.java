package com.tabletalk.live;

/**
 * A token bucket for one socket's incoming messages: bursts up to {@code burst}, {@code perSecond} sustained.
 * Only the socket's own reading thread calls it, one message at a time.
 */
public final class MessageRateLimit {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long last;

    public MessageRateLimit(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    public synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
