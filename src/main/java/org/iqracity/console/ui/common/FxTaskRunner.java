package org.iqracity.console.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on virtual threads (so cancelling interrupts a blocked socket read) and delivers results on the FX
 * thread. Must be called on the FX thread.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "console-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final ObservableList<Job> jobs;

    public FxTaskRunner(ObservableList<Job> jobs) {
        this.jobs = jobs;
    }

    @Override
    public <T> BackgroundTask<T> run(Callable<T> work) {
        BackgroundTask<T> task = new BackgroundTask<>();
        Future<?> future = workers.submit(() -> execute(task, work));
        task.cancelWith(() -> future.cancel(true));
        return task;
    }

    @Override
    public <T> BackgroundTask<T> job(String title, ProgressWork<T> work) {
        BackgroundTask<T> task = new BackgroundTask<>();
        Job job = new Job(title, task::cancel);
        jobs.add(job);
        task.onDone(() -> jobs.remove(job));
        ProgressSink sink = coalescing((stage, fraction) -> {
            job.update(stage, fraction);
            task.progressed(stage, fraction);
        });
        Future<?> future = workers.submit(() -> execute(task, () -> work.call(sink)));
        task.cancelWith(() -> future.cancel(true));
        return task;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        if (timer.isShutdown()) {
            // The window closed while a request was out; what its answer would have scheduled has no window left.
            return () -> { };
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> future = timer.schedule(() -> Platform.runLater(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            cancelled.set(true);
            future.cancel(false);
        };
    }

    private static <T> void execute(BackgroundTask<T> task, Callable<T> work) {
        try {
            T result = work.call();
            Platform.runLater(() -> task.succeed(result));
        } catch (Exception | Error e) {
            if (!task.isCancelled()) {
                LOGGER.debug("background work failed: {}", e.getClass().getSimpleName());
            }
            Platform.runLater(() -> task.fail(e));
        }
    }

    /** Progress may come thousands of times a second; the FX thread sees at most one pending update. */
    private static ProgressSink coalescing(ProgressSink onFx) {
        AtomicReference<Object[]> latest = new AtomicReference<>();
        return (stage, fraction) -> {
            if (latest.getAndSet(new Object[] {stage, fraction}) == null) {
                Platform.runLater(() -> {
                    Object[] now = latest.getAndSet(null);
                    onFx.progress((String) now[0], (Double) now[1]);
                });
            }
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
