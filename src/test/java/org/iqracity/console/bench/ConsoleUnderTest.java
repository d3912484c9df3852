package org.iqracity.console.bench;

import atlantafx.base.theme.PrimerLight;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.client.HttpPlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.FxTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.learners.LearnerRow;
import org.iqracity.console.ui.learners.LearnersView;
import org.iqracity.console.ui.learners.LearnersViewModel;

/**
 * The real learners screen (View, ViewModel, task runner, HTTP client) signed in to one platform and shown in a
 * window, with the requests it makes counted. Everything that touches the window runs on the FX thread.
 */
final class ConsoleUnderTest implements AutoCloseable {

    private static final double WIDTH = 1440;
    private static final double HEIGHT = 900;

    final AtomicLong requests = new AtomicLong();
    /** System.nanoTime() when the last search request left and when its answer had been read; 0 before. */
    volatile long searchSent;
    volatile long searchAnswered;
    /** The same for the last first page of a course asked for without a search (a course picked). */
    volatile long firstPageSent;
    volatile long firstPageAnswered;
    final LearnersViewModel vm;
    final LearnersView view;
    final TableView<LearnerRow> table;
    final ComboBox<CourseDto> picker;
    final TextField search;
    final ScrollBar scrollBar;
    private final FxTaskRunner tasks;
    private final Stage stage;

    @SuppressWarnings("unchecked")
    private ConsoleUnderTest(URI platform, String username, String password, Duration debounce) {
        OkHttpClient okHttp = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(true)
                .addInterceptor(chain -> {
                    requests.incrementAndGet();
                    okhttp3.HttpUrl url = chain.request().url();
                    boolean searching = url.queryParameter("q") != null;
                    boolean firstPage = !searching && url.encodedPath().endsWith("/learners")
                            && url.queryParameter("cursor") == null;
                    long sent = System.nanoTime();
                    if (searching) {
                        searchSent = sent;
                    } else if (firstPage) {
                        firstPageSent = sent;
                    }
                    okhttp3.Response response = chain.proceed(chain.request());
                    if (searching || firstPage) {
                        // Buffer the body here so the time covers the platform's whole answer.
                        okhttp3.ResponseBody body = response.body();
                        byte[] bytes = body.bytes();
                        if (searching) {
                            searchAnswered = System.nanoTime();
                        } else {
                            firstPageAnswered = System.nanoTime();
                        }
                        return response.newBuilder().body(okhttp3.ResponseBody.create(bytes, body.contentType()))
                                .build();
                    }
                    return response;
                })
                .build();
        HttpPlatformClient client = new HttpPlatformClient(platform, okHttp, Clock.systemUTC());
        client.signIn(username, password, null);
        var me = client.me();
        AppState app = new AppState();
        tasks = new FxTaskRunner(app.jobs());
        this.vm = new LearnersViewModel(app, client.courses(), client.learners(), tasks, Messages.english(), debounce);
        app.signedIn(new Session(client, me));
        this.view = new LearnersView(vm, Messages.english());
        Scene scene = new Scene(view, WIDTH, HEIGHT);
        scene.getStylesheets().add(LearnersView.class.getResource(Css.STYLESHEET).toExternalForm());
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
        this.table = (TableView<LearnerRow>) view.lookup("#learnerTable");
        this.picker = (ComboBox<CourseDto>) view.lookup("#coursePicker");
        this.search = (TextField) view.lookup("#search");
        this.scrollBar = (ScrollBar) view.lookup("#learnerScrollBar");
    }

    /** Signs in (on the calling thread, like the sign-in screen's task) and builds the screen on the FX thread. */
    static ConsoleUnderTest open(URI platform, String username, String password, Duration debounce) {
        return onFx(() -> new ConsoleUnderTest(platform, username, password, debounce));
    }

    static void startToolkit() throws InterruptedException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false);
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    /** The place in the course of the last row the table draws now, or -1. */
    int lastVisibleIndex() {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        var last = flow == null ? null : flow.getLastVisibleCell();
        return last == null ? -1 : vm.window().base() + last.getIndex();
    }

    /** The place in the course of the first row the table draws now, or -1. */
    int firstVisibleIndex() {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        var first = flow == null ? null : flow.getFirstVisibleCell();
        return first == null ? -1 : vm.window().base() + first.getIndex();
    }

    /** Whether every row the table draws now shows its learner (none still "loading"). FX thread. */
    boolean rowsOnScreenFilled() {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        var first = flow == null ? null : flow.getFirstVisibleCell();
        var last = flow == null ? null : flow.getLastVisibleCell();
        if (first == null || last == null) {
            return false;
        }
        for (int i = first.getIndex(); i <= last.getIndex() && i < table.getItems().size(); i++) {
            if (table.getItems().get(i).isMore()) {
                return false;
            }
        }
        return true;
    }

    CourseDto course(String id) {
        return onFx(() -> vm.courses().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no course " + id + " for this person")));
    }

    static <T> T onFx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX work failed", e);
        }
    }

    @Override
    public void close() {
        onFx(() -> {
            view.close();
            stage.hide();
            return null;
        });
        tasks.close();
    }
}
