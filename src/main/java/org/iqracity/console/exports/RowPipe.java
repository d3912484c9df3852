package org.iqracity.console.exports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    private record Item(List<List<String>> rows, CompletableFuture<Void> reached) {
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
        CompletableFuture<Void> reached = new CompletableFuture<>();
        put(new Item(List.of(), reached));
        waitWhileWriterLives(() -> {
            try {
                reached.get(100, TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                throw asIo(e.getCause());
            }
        });
    }

    private void put(Item item) throws IOException {
        waitWhileWriterLives(() -> queue.offer(item, 100, TimeUnit.MILLISECONDS));
        rethrowFailure();
    }

    /** A step that waits a little and says whether what it waits for has happened. */
    @FunctionalInterface
    private interface Attempt {
        boolean done() throws IOException, InterruptedException;
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
        if (f != null) {
            throw asIo(f);
        }
    }

    private static IOException asIo(Throwable f) {
        if (f instanceof IOException io) {
            return io;
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error error) {
            throw error;
        }
        return new IOException(f);
    }

    private void writeLoop() {
        try {
            while (true) {
                Item item = queue.take();
                if (item == STOP || stopping) {
                    return;
                }
                for (List<String> row : item.rows()) {
                    if (stopping) {
                        return;
                    }
                    sink.row(row);
                }
                if (item.reached() != null) {
                    item.reached().complete(null);
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            // A reader waiting at a drain point hears of it there.
            queue.forEach(i -> {
                if (i.reached() != null) {
                    i.reached().completeExceptionally(e);
                }
            });
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
