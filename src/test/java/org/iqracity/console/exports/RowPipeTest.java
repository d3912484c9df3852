package org.iqracity.console.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RowPipeTest {

    private static List<String> row(int i) {
        return List.of("c" + i, String.valueOf(i));
    }

    @Test
    void everyRowReachesTheWriterInOrderOnItsOwnThreadByTheTimeDrainReturns() throws IOException {
        List<List<String>> written = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        int n = RowPipe.BATCH_ROWS * RowPipe.BATCHES * 3 + 17;
        try (RowPipe pipe = new RowPipe(values -> {
            written.add(values);
            threads.add(Thread.currentThread().getName());
        })) {
            for (int i = 0; i < n; i++) {
                pipe.add(row(i));
            }
            pipe.drain();
            assertThat(written).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(written.get(i)).isEqualTo(row(i));
            }
            assertThat(threads).containsOnly("roster-writer");

            pipe.add(row(n));
            pipe.drain();
            assertThat(written).hasSize(n + 1).last().isEqualTo(row(n));
        }
    }

    @Test
    void aWriterFailureSuchAsAFullDiskReachesTheReaderAtItsNextRowsAndAtDrain() throws IOException {
        AtomicInteger seen = new AtomicInteger();
        RowPipe pipe = new RowPipe(values -> {
            if (seen.incrementAndGet() == 1_000) {
                throw new IOException("No space left on device");
            }
        });
        try (pipe) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 1_000_000; i++) {
                    pipe.add(row(i));
                }
                pipe.drain();
            }).isInstanceOf(IOException.class).hasMessage("No space left on device");
        }
        assertThat(seen.get()).as("the writer stopped at the failing row").isEqualTo(1_000);
    }

    @Test
    void closingWhileRowsAreQueuedStopsTheWriterSoonWithoutWritingTheRest() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        AtomicInteger written = new AtomicInteger();
        RowPipe pipe = new RowPipe(values -> {
            first.countDown();
            written.incrementAndGet();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < RowPipe.BATCH_ROWS * 8; i++) {
            pipe.add(row(i));
        }
        assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        pipe.close();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
        int atClose = written.get();
        assertThat(atClose).isLessThan(RowPipe.BATCH_ROWS * 8);
        Thread.sleep(50);
        assertThat(written.get()).as("nothing written after close returned").isEqualTo(atClose);
    }
}
