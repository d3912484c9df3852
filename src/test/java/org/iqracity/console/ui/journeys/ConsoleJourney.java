package org.iqracity.console.ui.journeys;

import atlantafx.base.controls.Message;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.testing.TempFolders;
import org.iqracity.console.ui.ConsoleRoot;
import org.iqracity.console.ui.MemorySettings;
import org.iqracity.console.ui.common.LocalPlatform;
import org.iqracity.console.ui.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real console window against a platform address and drives it as a person would. */
abstract class ConsoleJourney extends FxRobot {

    static final String PASSWORD = "sandbox-password";
    /** The sandbox's security officers and the secrets of their second factors (README, "Sandbox accounts"). */
    static final String OFFICER = "nb-security";
    static final String OFFICER_TOTP = "JBSWY3DPEHPK3PXP";
    static final String SECOND_OFFICER = "nb-security2";
    static final String SECOND_OFFICER_TOTP = "KRSXG5CTMVRXEZLU";
    /** How long a typed key may take to show in its field before it counts as dropped by the robot. */
    private static final Duration KEY_SHOWN_WITHIN = Duration.ofMillis(500);

    protected ConsoleRoot console;
    /** Where this console keeps reports of roster copies until the platform records them. */
    protected PendingConversions conversions;
    private Path conversionsDir;

    /** Opens the console window on a platform, with a fresh, empty report queue in a temporary folder. */
    protected void openConsole(String address) throws Exception {
        open(Optional.empty(), address);
    }

    /** Opens the console window as it opens for a person: it starts this sandbox and offers its address. */
    protected void openConsoleWithSandbox(LocalPlatform sandbox) throws Exception {
        open(Optional.of(sandbox), null);
    }

    private void open(Optional<LocalPlatform> sandbox, String address) throws Exception {
        conversionsDir = TempFolders.create("mc-conversions");
        conversions = new PendingConversions(conversionsDir);
        Stage stage = FxToolkit.registerPrimaryStage();
        ConsoleRoot.Setup setup = new ConsoleRoot.Setup(sandbox, new MemorySettings(),
                PlatformConnector.overHttp(), Messages.english(), Duration.ofMillis(150), Duration.ofMillis(400),
                address, conversions);
        FxToolkit.setupFixture(() -> console = ConsoleRoot.show(stage, setup));
        waitUntil(() -> present("#username"));
    }

    /** Closes the window, if open, and deletes its report queue. */
    protected void closeConsole() throws Exception {
        try {
            if (console != null) {
                FxToolkit.setupFixture(() -> {
                    console.close();
                    console.stage().hide();
                });
                console = null;
            }
        } finally {
            TempFolders.delete(conversionsDir);
            conversionsDir = null;
        }
    }

    protected void signIn(String username, String password) {
        fill("#username", username);
        fill("#password", password);
        clickOn("#signIn");
    }

    /**
     * Signs a sandbox account with a second factor in, as its person does: the password, then the authenticator's
     * current code; waits until the navigation shows {@code navigationEntry}.
     */
    protected void signInWithCode(String username, String totpSecret, String navigationEntry) {
        signIn(username, PASSWORD);
        waitUntil(() -> shows("#totp"));
        fill("#totp", Totp.now(totpSecret));
        clickOn("#verify");
        waitUntil(() -> shows(navigationEntry) || codeAlreadyUsed());
        if (codeAlreadyUsed()) {
            // an earlier test of this class signed the same officer in within these 30 seconds: each code works
            // once, so the officer does what the console says, and waits for the next one
            sleepUntilTheNextCode();
            fill("#totp", Totp.now(totpSecret));
            clickOn("#verify");
            waitUntil(() -> shows(navigationEntry));
        }
    }

    private boolean codeAlreadyUsed() {
        return onFx(() -> lookup("#signInError").tryQuery().filter(Node::isVisible)
                .map(n -> ((Message) n).getTitle()).filter(t -> t != null && t.contains("already used")).isPresent());
    }

    private static void sleepUntilTheNextCode() {
        try {
            Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the next code", e);
        }
    }

    /** A sandbox account signed in over the API, beside the window: its code is given when it has a second factor. */
    static PlatformClient signedInClient(Platform platform, String username, String totpSecretOrNull) {
        PlatformClient client = PlatformConnector.overHttp().connect(platform.baseUri());
        client.signIn(username, PASSWORD, totpSecretOrNull == null ? null : Totp.now(totpSecretOrNull));
        return client;
    }

    /** Types into a field after clearing it; the field keeps focus. */
    protected void fill(String query, String text) {
        TextInputControl field = find(query, TextInputControl.class);
        scrollIntoView(field);
        clickOn(field);
        // on the FX thread, before the keys that follow it there
        onFx(() -> {
            field.clear();
            return null;
        });
        Scene scene = onFx(field::getScene);
        StringBuilder typed = new StringBuilder();
        for (char c : text.toCharArray()) {
            typed.append(c);
            typeShownIn(scene, field, c, typed.toString());
        }
        try {
            waitUntil(() -> text.equals(field.getText()));
        } catch (AssertionError e) {
            throw new AssertionError(query + " holds \"" + onFx(field::getText) + "\" instead of what was typed; "
                    + "focus is on " + onFx(() -> String.valueOf(field.getScene().getFocusOwner())), e);
        }
    }

    /**
     * Types one key and goes on as soon as the field shows it, rather than after a fixed wait per key (TestFX's
     * write() waits 50 ms, which made typing most of a journey's time). One key at a time, each seen by the field
     * before the next: the headless robot drops a key typed straight after the same key, so "204407" could arrive
     * as "20407" or stop short; a dropped key is typed again once the window has caught up.
     */
    private void typeShownIn(Scene scene, TextInputControl field, char c, String expected) {
        for (int attempt = 0; attempt < 3; attempt++) {
            robotContext().getBaseRobot().typeKeyboard(scene, KeyCode.UNDEFINED, Character.toString(c));
            if (becomesTrue(() -> expected.equals(field.getText()), KEY_SHOWN_WITHIN)) {
                return;
            }
            // Not shown yet: let every pending event through before deciding the key was dropped, so that a late
            // key is not typed twice.
            WaitForAsyncUtils.waitForFxEvents();
            if (expected.equals(onFx(field::getText))) {
                return;
            }
            interact(() -> {
                field.setText(expected.substring(0, expected.length() - 1));
                field.end();
            });
        }
    }

    /** Polls a condition on the FX thread until it holds or the time is up; says which. */
    private static boolean becomesTrue(Callable<Boolean> condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            if (onFx(condition)) {
                return true;
            }
            WaitForAsyncUtils.sleep(2, TimeUnit.MILLISECONDS);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /**
     * With {@code -Djourney.shots=DIR}, saves what the window shows as DIR/name.png, so a journey against the real
     * platform can be looked at afterwards; without it, does nothing.
     */
    protected void shot(String name) {
        String dir = System.getProperty("journey.shots");
        if (dir == null) {
            return;
        }
        WritableImage image = onFx(() -> lookup(".root").query().getScene().snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h,
                BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #shot(String)}, the console's window with the popups and dialogs open over it (a PopOver, a list, a
     * notification, a dialog) drawn where they show.
     */
    protected void shotWithPopups(String name) {
        String dir = System.getProperty("journey.shots");
        if (dir == null) {
            return;
        }
        BufferedImage out = onFx(() -> {
            Scene scene = console.stage().getScene();
            BufferedImage main = awt(scene.snapshot(null));
            Point2D origin = scene.getRoot().localToScreen(0, 0);
            SnapshotParameters transparent = new SnapshotParameters();
            transparent.setFill(Color.TRANSPARENT);
            for (Window w : Window.getWindows()) {
                if (w != console.stage() && w.isShowing() && w.getScene() != null
                        && (w instanceof PopupWindow || w instanceof Stage)) {
                    Parent root = w.getScene().getRoot();
                    Bounds at = root.localToScreen(root.getBoundsInLocal());
                    main.getGraphics().drawImage(awt(root.snapshot(transparent, null)),
                            (int) (at.getMinX() - origin.getX()), (int) (at.getMinY() - origin.getY()), null);
                }
            }
            return main;
        });
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shown: the node and every parent visible, in a scene. */
    protected static boolean visibleInTree(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** The kinds of the windows showing besides the console's own (an error dialog, a notification...). */
    protected List<String> otherWindows() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w != console.stage())
                .map(w -> w.getClass().getSimpleName()).toList());
    }

    /** The titles of the passing notifications (ControlsFX's) on screen now. */
    protected List<String> noticeTitles() {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".notification-bar .title").stream())
                .map(n -> ((Labeled) n).getText()).toList());
    }

    private static BufferedImage awt(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h,
                BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }

    /** As a person scrolls a long form before clicking a field further down: a click lands where the field shows. */
    protected void scrollIntoView(Node node) {
        boolean scrolled = onFx(() -> {
            for (Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane scroll && scroll.getContent() != null) {
                    Bounds inContent = scroll.getContent().sceneToLocal(node.localToScene(
                            node.getBoundsInLocal()));
                    double hidden = scroll.getContent().getBoundsInLocal().getHeight()
                            - scroll.getViewportBounds().getHeight();
                    if (hidden > 0) {
                        double top = Math.max(0, inContent.getMinY() - scroll.getViewportBounds().getHeight() / 3);
                        double before = scroll.getVvalue();
                        scroll.setVvalue(scroll.getVmin() + (scroll.getVmax() - scroll.getVmin())
                                * Math.min(1, top / hidden));
                        return scroll.getVvalue() != before;
                    }
                    return false;
                }
            }
            return false;
        });
        // Only a form that moved needs its next layout before the click; the rest is where it was.
        if (scrolled) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    protected <T extends Node> T find(String query, Class<T> type) {
        return onFx(() -> lookup(query).queryAs(type));
    }

    /** Looks the node up on the FX thread: walking the scene graph while it changes is not safe elsewhere. */
    protected boolean shows(String query) {
        return onFx(() -> lookup(query).tryQuery().map(Node::isVisible).orElse(false));
    }

    protected boolean present(String query) {
        return onFx(() -> lookup(query).tryQuery().isPresent());
    }

    protected static <T> T onFx(Callable<T> work) {
        try {
            if (javafx.application.Platform.isFxApplicationThread()) {
                return work.call();
            }
            return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the window", e);
        }
    }

    protected static void waitUntil(Callable<Boolean> condition) {
        try {
            // Conditions read the window and its lists, so they are evaluated on the FX thread.
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("the console did not get there in 20 seconds", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
