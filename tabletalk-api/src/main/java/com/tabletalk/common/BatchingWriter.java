package com.tabletalk.common;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded queue that one background thread writes out in batches. Producers never wait: {@link #offer} says
 * whether the item fitted. When a batch cannot be written (the database is away), the thread waits before the
 * next one, doubling the wait up to 5 s. What is still queued at shutdown is written before the thread ends.
 * {@link #flush} also waits for a batch the thread is writing, so that after it everything offered before is in.
 * A writer with a linger waits that long after the first item of a batch for more to come, so that a steady trickle
 * is written in a few large batches rather than many small ones.
 */
public final class BatchingWriter<T> implements Managed {

    /** Writes one batch; false when it could not, so that the writer backs off. */
    @FunctionalInterface
    public interface Batch<T> {
        boolean write(List<T> batch);
    }

    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final long FLUSH_WAIT_SECONDS = 10;

    private final String threadName;
    private final BlockingQueue<T> queue;
    private final int maxBatch;
    private final Batch<T> batch;
    private final long lingerMillis;
    /** Offered and not yet through a write attempt: queued, or in the batch the thread is writing. */
    private final AtomicInteger unsettled = new AtomicInteger();

    private volatile boolean running;
    private Thread thread;

    public BatchingWriter(String threadName, int capacity, int maxBatch, Batch<T> batch) {
        this(threadName, capacity, maxBatch, Duration.ZERO, batch);
    }

    public BatchingWriter(String threadName, int capacity, int maxBatch, Duration linger, Batch<T> batch) {
        this.threadName = threadName;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.lingerMillis = linger.toMillis();
        this.batch = batch;
    }

    public boolean offer(T item) {
        unsettled.incrementAndGet();
        if (queue.offer(item)) {
            return true;
        }
        unsettled.decrementAndGet();
        return false;
    }

    public int queued() {
        return queue.size();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        flush();
    }

    /**
     * Writes whatever is queued now, on the calling thread, then waits (up to 10 s) for the batch the thread may
     * be writing; for shutdown and for tests.
     */
    public void flush() {
        List<T> items = new ArrayList<>(maxBatch);
        while (queue.drainTo(items, maxBatch) > 0) {
            writeAndSettle(items);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FLUSH_WAIT_SECONDS);
        try {
            while (unsettled.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean writeAndSettle(List<T> items) {
        try {
            return batch.write(items);
        } finally {
            unsettled.addAndGet(-items.size());
            items.clear();
        }
    }

    /** Waits for more items; cut short by shutdown, after which the batch in hand is still written. */
    private void linger() {
        if (lingerMillis <= 0) {
            return;
        }
        try {
            Thread.sleep(lingerMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<T> items = new ArrayList<>(maxBatch);
        long backoff = FIRST_BACKOFF_MILLIS;
        while (running) {
            try {
                T first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                items.add(first);
                linger();
                queue.drainTo(items, maxBatch - 1);
                boolean written = writeAndSettle(items);
                if (written) {
                    backoff = FIRST_BACKOFF_MILLIS;
                } else {
                    Thread.sleep(backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
