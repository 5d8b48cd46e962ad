package com.tabletalk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchingWriterTest {

    private final List<List<Integer>> written = new CopyOnWriteArrayList<>();

    @Test
    void aFullQueueRefusesAndFlushWritesInBatchesOfAtMostTheLimit() {
        BatchingWriter<Integer> writer =
                new BatchingWriter<>("test-writer", 5, 2, batch -> written.add(List.copyOf(batch)));
        for (int i = 1; i <= 5; i++) {
            assertThat(writer.offer(i)).isTrue();
        }
        assertThat(writer.offer(6)).as("the sixth does not fit").isFalse();
        assertThat(writer.queued()).isEqualTo(5);

        writer.flush();

        assertThat(written).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(writer.queued()).isZero();
    }

    @Test
    void theThreadWritesWhatIsOfferedAndStopWritesTheRest() throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        BatchingWriter<Integer> writer = new BatchingWriter<>("test-writer", 100, 10, batch -> {
            written.add(List.copyOf(batch));
            firstWritten.countDown();
            return true;
        });
        writer.start();
        writer.offer(1);
        assertThat(firstWritten.await(5, TimeUnit.SECONDS)).isTrue();
        writer.stop();
        writer.offer(2);
        writer.offer(3);
        writer.flush();

        assertThat(written.stream().flatMap(List::stream).toList()).containsExactly(1, 2, 3);
    }

    @Test
    void aWriterWithALingerGathersWhatComesMeanwhileIntoOneBatch() throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        BatchingWriter<Integer> writer = new BatchingWriter<>("test-writer", 100, 10, Duration.ofMillis(300), batch -> {
            written.add(List.copyOf(batch));
            firstWritten.countDown();
            return true;
        });
        writer.start();
        writer.offer(1);
        writer.offer(2);
        writer.offer(3);
        assertThat(firstWritten.await(5, TimeUnit.SECONDS)).isTrue();
        writer.stop();

        assertThat(written).containsExactly(List.of(1, 2, 3));
    }

    @Test
    void stoppingDuringALingerStillWritesTheBatchInHand() throws Exception {
        BatchingWriter<Integer> writer = new BatchingWriter<>(
                "test-writer", 100, 10, Duration.ofMinutes(10), batch -> written.add(List.copyOf(batch)));
        writer.start();
        writer.offer(1);
        while (writer.queued() > 0) {
            Thread.sleep(5);
        }

        writer.stop();

        assertThat(written.stream().flatMap(List::stream).toList()).containsExactly(1);
    }

    @Test
    void aBatchThatCannotBeWrittenMakesTheWriterWaitBeforeTheNext() throws Exception {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        CountDownLatch twoAttempts = new CountDownLatch(2);
        BatchingWriter<Integer> writer = new BatchingWriter<>("test-writer", 100, 10, batch -> {
            attempts.add(System.nanoTime());
            twoAttempts.countDown();
            return false;
        });
        writer.start();
        try {
            writer.offer(1);
            while (writer.queued() > 0) {
                Thread.sleep(1);
            }
            writer.offer(2);
            assertThat(twoAttempts.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.stop();
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(attempts.get(1) - attempts.get(0)))
                .isGreaterThanOrEqualTo(90);
    }

    @Test
    void flushWaitsForTheBatchTheThreadIsWriting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BatchingWriter<Integer> writer = new BatchingWriter<>("test-writer", 100, 10, batch -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(List.copyOf(batch));
            return true;
        });
        writer.start();
        try {
            writer.offer(1);
            while (writer.queued() > 0) {
                Thread.sleep(1);
            }
            CompletableFuture<Void> flushed = CompletableFuture.runAsync(writer::flush);
            Thread.sleep(100);
            assertThat(flushed).as("the thread's batch is not written yet").isNotDone();

            release.countDown();
            flushed.get(5, TimeUnit.SECONDS);

            assertThat(written).containsExactly(List.of(1));
        } finally {
            writer.stop();
        }
    }
}
