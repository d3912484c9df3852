package org.iqracity.console.ui.exports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.iqracity.console.roster.RosterFileException;
import org.iqracity.console.roster.RosterReader;
import org.iqracity.console.roster.query.OfflineRoster;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.PinnedKeys;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * Reads a roster file in the background, with its passphrase or with a private key file and that key's passphrase,
 * checks it against the platform keys pinned at earlier sign-ins, and reports how much of the file it has read and
 * decrypted. The passphrase is wiped once reading ends, whichever way.
 */
final class OfflineReading {

    /** What reading gave: the rows, what the file says about itself, and the platform that vouched for it. */
    record Read(OfflineRoster roster, RosterReader.Opened opened, String verifiedBy) {
    }

    private final TaskRunner tasks;
    private final Messages messages;
    private final PinnedKeys pins;
    private final Clock clock;

    OfflineReading(TaskRunner tasks, Messages messages, PinnedKeys pins, Clock clock) {
        this.tasks = tasks;
        this.messages = messages;
        this.pins = pins;
        this.clock = clock;
    }

    /** Starts reading {@code file}; {@code keyFile} null for a roster encrypted with a passphrase. */
    BackgroundTask<Read> start(Path file, Path keyFile, char[] secret) {
        AtomicBoolean stop = new AtomicBoolean();
        BackgroundTask<Read> task = tasks.job(messages.get("offline.job"), sink -> {
            long size = Math.max(1, Files.size(file));
            OfflineRoster.Builder builder = new OfflineRoster.Builder(
                    () -> stop.get() || Thread.currentThread().isInterrupted());
            try (InputStream in = new CountingStream(Files.newInputStream(file),
                    n -> sink.progress(messages.get("offline.job"), n / (double) size))) {
                String[] by = {null};
                RosterReader.Opened opened = RosterReader.readPinned(in, key(keyFile, secret), keyId -> {
                    Optional<PinnedKeys.Pinned> pin = keyId == null ? Optional.empty() : pins.byKeyId(keyId);
                    by[0] = pin.map(PinnedKeys.Pinned::address).orElse(null);
                    return pin.map(PinnedKeys.Pinned::key).orElse(null);
                }, clock, builder);
                return new Read(builder.build(), opened, by[0]);
            } finally {
                Arrays.fill(secret, '\0');
            }
        });
        task.onDone(() -> stop.set(task.isCancelled()));
        return task;
    }

    private static RosterReader.Key key(Path keyFile, char[] secret) throws IOException, RosterFileException {
        if (keyFile == null) {
            return RosterReader.Key.passphrase(secret);
        }
        try (InputStream keyIn = Files.newInputStream(keyFile)) {
            return RosterReader.Key.secretKeys(keyIn, secret);
        }
    }

    /** Counts the bytes read, to tell how far reading has come. */
    private static final class CountingStream extends FilterInputStream {
        private final LongConsumer progress;
        private long count;
        private long reported;

        CountingStream(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            count += n;
            if (count - reported >= 1 << 18) {
                reported = count;
                progress.accept(count);
            }
        }
    }
}
