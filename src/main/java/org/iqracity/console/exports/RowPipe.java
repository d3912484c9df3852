package org.iqracity.console.exports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hands rows from the thread that reads them off the network to a thread that writes them, in order and in
 * batches, so that reading and parsing the stream overlaps with formatting, hashing, compressing and encrypting the
 * file. A bounded queue keeps the reader at most {@link #BATCHES} batches ahead. A failure of the writing side (a
 * full disk) reaches the reading side at its next row; closing stops the writer without writing what is still
 * queued.
 */
final class RowPipe implements AutoCloseable {
    static final int BATCH_ROWS = 512;
    static final int BATCHES = 16;

    /** What the writing thread does with each row. */
    @FunctionalInterface
    interface Sink {
        void row(List<String> values) throws IOException;
    }

    /** One queue entry: rows to write, or a point the reader waits for (after the rows before it are written). */
    private record Item(List<List<String>> rows, CountDownLatch reached) {
    }

    private static final Item STOP = new Item(List.of(), null);

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private final Sink sink;
    private volatile Throwable failure;
    private volatile boolean stopping;
    private List<List<String>> batch = new ArrayList<>(BATCH_ROWS);

    RowPipe(Sink sink) {
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("roster-writer").daemon().start(this::writeLoop);
    }

    /** Queues one row; throws what made the writing side fail, if it has. */
    void add(List<String> values) throws IOException {
        batch.add(values);
        if (batch.size() == BATCH_ROWS) {
            put(new Item(batch, null));
            batch = new ArrayList<>(BATCH_ROWS);
        }
    }

    /** Returns once every row added so far is written (or throws why it could not be). */
    void drain() throws IOException {
        if (!batch.isEmpty()) {
            put(new Item(batch, null));
            batch = new ArrayList<>(BATCH_ROWS);
        }
        CountDownLatch reached = new CountDownLatch(1);
        put(new Item(List.of(), reached));
        waitWhileWriterLives(() -> reached.await(100, TimeUnit.MILLISECONDS));
    }

    private void put(Item item) throws IOException {
        waitWhileWriterLives(() -> queue.offer(item, 100, TimeUnit.MILLISECONDS));
        rethrowFailure();
    }

    /** A step that waits a little and says whether what it waits for has happened. */
    @FunctionalInterface
    private interface Attempt {
        boolean done() throws InterruptedException;
    }

    /** Repeats {@code attempt} until it succeeds, failing as soon as the writing thread has failed or ended. */
    private void waitWhileWriterLives(Attempt attempt) throws IOException {
        try {
            while (!attempt.done()) {
                rethrowFailure();
                if (!thread.isAlive()) {
                    throw new IOException("the roster writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the roster was being written");
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw io;
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error error) {
            throw error;
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Item item = queue.take();
                if (item == STOP) {
                    return;
                }
                for (List<String> row : item.rows()) {
                    if (stopping) {
                        return;
                    }
                    sink.row(row);
                }
                if (item.reached() != null) {
                    item.reached().countDown();
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (IOException | RuntimeException | Error e) {
            // The reader hears of it at its next batch or while it waits at a drain point.
            failure = e;
        }
    }

    /** Stops the writing thread; rows still queued are not written. */
    @Override
    public void close() {
        stopping = true;
        queue.clear();
        if (!queue.offer(STOP)) {
            thread.interrupt();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
