package org.iqracity.console.ui.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.LeaveGuard;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Searchable;

/** Header, navigation, the current screen, the status bar; the sign-in-again card over all of it when needed. */
public final class ShellView extends StackPane {

    /** Ctrl+1 to Ctrl+9: every destination a role can have (seven today) has its key. */
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    /** Below this width the sidebar shows only its icons. */
    static final double COMPACT_BELOW = 1180;
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final ShellViewModel vm;
    private final Messages messages;
    private final Function<Destination, Node> screens;
    private final Map<Destination, Node> built = new EnumMap<>(Destination.class);
    private final BorderPane frame = new BorderPane();
    private final ToggleGroup navGroup = new ToggleGroup();
    private final StatusBarView status;
    private final ShortcutSheet sheet;

    public ShellView(ShellViewModel vm, AppState app, Messages messages, Function<Destination, Node> screens,
                     SignInAgainViewModel again, ReadOnlyBooleanProperty dark) {
        this.vm = vm;
        this.messages = messages;
        this.screens = screens;
        frame.setTop(header(dark));
        frame.setLeft(navigation());
        status = new StatusBarView(app, messages, vm.platformAddress());
        frame.setBottom(status);
        vm.selectedProperty().addListener((obs, old, now) -> show(now));
        show(vm.selectedProperty().get());

        SignInAgainView againView = new SignInAgainView(again, messages);
        StackPane overlay = new StackPane(againView);
        overlay.setStyle("-fx-background-color: rgba(0,0,0,0.35);");
        overlay.visibleProperty().bind(app.signInAgainNeededProperty());
        // The screen stays in view under the card, as it was, but Tab goes round the card only.
        frame.disableProperty().bind(app.signInAgainNeededProperty());
        overlay.visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                againView.focusPassword();
            }
        });
        sheet = new ShortcutSheet(messages, vm.destinations());
        getChildren().addAll(frame, approvalNotification(), overlay, sheet);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    private Node header(ReadOnlyBooleanProperty dark) {
        ImageView logo = new ImageView(new Image(getClass()
                .getResourceAsStream("/org/iqracity/console/ui/icons/icon-32.png")));
        logo.setFitWidth(24);
        logo.setFitHeight(24);
        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().add(Css.HEADER_TITLE);

        Label name = new Label(vm.displayName());
        name.setId("personName");
        name.getStyleClass().add(Css.PERSON_NAME);
        Label detail = new Label(vm.memberName() + "  \u00b7  " + vm.roles());
        detail.setId("personDetail");
        detail.getStyleClass().add(Css.PERSON_DETAIL);
        VBox person = new VBox(name, detail);
        person.getStyleClass().add(Css.PERSON);
        person.setAlignment(Pos.CENTER_RIGHT);

        Button theme = new Button();
        theme.setId("themeToggle");
        theme.graphicProperty().bind(dark.map(d -> Icons.of(d ? AppIcon.THEME_LIGHT : AppIcon.THEME_DARK)));
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setTooltip(new Tooltip(messages.get("shell.theme")));
        theme.setAccessibleText(messages.get("shell.theme"));
        Button keys = new Button(null, Icons.of(AppIcon.KEYBOARD));
        keys.setId("shortcutsButton");
        keys.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        keys.setTooltip(new Tooltip(messages.get("shell.shortcuts")));
        keys.setAccessibleText(messages.get("shell.shortcuts"));
        keys.setOnAction(e -> sheet.toggle());
        theme.setOnAction(e -> vm.toggleTheme(dark.get()));

        Button signOut = new Button(messages.get("shell.signOut"), Icons.of(AppIcon.SIGN_OUT));
        signOut.setId("signOut");
        signOut.getStyleClass().add(Styles.BUTTON_OUTLINED);
        signOut.disableProperty().bind(vm.signingOutProperty());
        signOut.setOnAction(e -> leave(vm::signOut));

        HBox header = new HBox(logo, title, new Spacer(), person, keys, theme, signOut);
        header.getStyleClass().add(Css.HEADER);
        return header;
    }

    /**
     * The screens, named, down the left side; in a window narrower than {@link #COMPACT_BELOW} only their icons, each
     * named in its tooltip (and, as always, to a screen reader), so that the screens keep the width.
     */
    private Node navigation() {
        VBox nav = new VBox();
        nav.getStyleClass().add(Css.NAV);
        BooleanBinding compact = widthProperty().lessThan(COMPACT_BELOW).and(widthProperty().greaterThan(0));
        compact.addListener((obs, was, now) -> nav.pseudoClassStateChanged(COMPACT, now));
        int position = 1;
        for (Destination destination : vm.destinations()) {
            String name = messages.get(destination.titleKey());
            ToggleButton item = new ToggleButton(name, Icons.of(destination.icon()));
            item.setId("nav-" + destination.name().toLowerCase(Locale.ROOT));
            item.getStyleClass().add(Css.NAV_ITEM);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setToggleGroup(navGroup);
            item.setUserData(destination);
            String shortcut = messages.format("nav.shortcut", position++);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(Bindings.when(compact)
                    .then(messages.format("nav.compactTooltip", name, shortcut)).otherwise(shortcut));
            item.setTooltip(tip);
            item.contentDisplayProperty().bind(Bindings.when(compact)
                    .then(ContentDisplay.GRAPHIC_ONLY).otherwise(ContentDisplay.LEFT));
            item.setAccessibleText(name);
            item.setAccessibleHelp(shortcut);
            item.setOnAction(e -> {
                // Until the screen being left agrees, the old item stays selected.
                syncNavigation(vm.selectedProperty().get());
                navigate(destination);
            });
            if (destination == Destination.BREACH_NOTICES) {
                nav.getChildren().add(withApprovalBadge(item, compact));
            } else {
                nav.getChildren().add(item);
            }
        }
        return nav;
    }

    /** The count of notices waiting for this officer's approval, on the right of the Breach notices item. */
    private Node withApprovalBadge(ToggleButton item, BooleanBinding compact) {
        Label badge = new Label();
        badge.setId("approvalBadge");
        badge.getStyleClass().addAll(Css.BADGE, Css.BADGE_ATTENTION);
        badge.setMouseTransparent(true);
        badge.textProperty().bind(vm.awaitingApprovalProperty().asString());
        badge.visibleProperty().bind(vm.awaitingApprovalProperty().greaterThan(0));
        vm.awaitingApprovalProperty().addListener((obs, old, n) -> item.setAccessibleText(n.intValue() == 0
                ? item.getText() : messages.format("shell.approval.badge", item.getText(), n.intValue())));
        StackPane stack = new StackPane(item, badge);
        placeBadge(badge, compact.get());
        compact.addListener((obs, was, now) -> placeBadge(badge, now));
        return stack;
    }

    /** Right of the item's name; on the icon's top right corner when the sidebar shows icons only. */
    private static void placeBadge(Label badge, boolean compact) {
        StackPane.setAlignment(badge, compact ? Pos.TOP_RIGHT : Pos.CENTER_RIGHT);
        StackPane.setMargin(badge, compact ? new Insets(0, 0, 0, 0) : new Insets(0, 8, 0, 0));
    }

    /** "A breach notice waits for your approval", in the top right corner until the officer opens or closes it. */
    private Node approvalNotification() {
        Notification note = new Notification("",
                Icons.of(AppIcon.BREACH));
        note.setId("approvalNotification");
        note.getStyleClass().add(Styles.ACCENT);
        note.messageProperty().bind(vm.approvalNoticeProperty());
        Button open = new Button(messages.get("shell.approval.open"));
        open.setId("openApprovals");
        open.setDefaultButton(false);
        open.setOnAction(e -> {
            vm.dismissApprovalNotice();
            navigate(Destination.BREACH_NOTICES);
        });
        note.setPrimaryActions(open);
        note.setOnClose(e -> vm.dismissApprovalNotice());
        note.visibleProperty().bind(vm.approvalNoticeProperty().isNotNull());
        note.managedProperty().bind(note.visibleProperty());
        note.setMaxSize(380, Region.USE_PREF_SIZE);
        note.setPrefWidth(380);
        StackPane.setAlignment(note, Pos.TOP_RIGHT);
        StackPane.setMargin(note, new Insets(64, 16, 0, 0));
        return note;
    }

    private void navigate(Destination destination) {
        if (destination != null && destination != vm.selectedProperty().get()) {
            leave(() -> vm.selectedProperty().set(destination));
        }
    }

    /** Takes the person to {@code destination}, as its navigation item would (asking the current screen first). */
    public void go(Destination destination) {
        navigate(destination);
    }

    /** Asks the current screen, if it may hold unsaved work, before {@code proceed} takes the person elsewhere. */
    public void leave(Runnable proceed) {
        Node current = built.get(vm.selectedProperty().get());
        if (current instanceof LeaveGuard guard) {
            guard.leave(proceed);
        } else {
            proceed.run();
        }
    }

    private void syncNavigation(Destination destination) {
        navGroup.getToggles().forEach(t -> t.setSelected(t.getUserData() == destination));
    }

    private void show(Destination destination) {
        syncNavigation(destination);
        if (destination == null) {
            frame.setCenter(null);
            return;
        }
        Node screen = built.computeIfAbsent(destination,
                d -> d.built() ? screens.apply(d) : new PlaceholderView(d, messages));
        StackPane content = new StackPane(screen);
        content.getStyleClass().add(Css.CONTENT);
        frame.setCenter(content);
    }

    private void installShortcuts(Scene scene) {
        for (int i = 0; i < DIGITS.length; i++) {
            int position = i + 1;
            scene.getAccelerators().put(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN),
                    () -> {
                        if (position <= vm.destinations().size()) {
                            navigate(vm.destinations().get(position - 1));
                        }
                    });
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), sheet::toggle);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN), sheet::toggle);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            Node current = built.get(vm.selectedProperty().get());
            if (current instanceof Searchable searchable) {
                searchable.focusSearch();
            }
        });
    }

    /** The embedded sandbox's address, mailbox folder and restart in the status bar (the console started one). */
    public void showSandbox(ObservableValue<URI> address, Path mailbox, Consumer<Path> openFolder,
                            ObservableBooleanValue serving, Runnable restart) {
        status.showSandbox(address, mailbox, openFolder, serving, restart);
    }

    /** Releases what the screens hold (requests in flight) when the shell goes away. */
    public void dispose() {
        vm.dispose();
        if (getScene() != null) {
            // The next shell (or the sign-in screen) must not inherit shortcuts into this one.
            getScene().getAccelerators().clear();
        }
        built.values().forEach(n -> {
            if (n instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // closing views only cancels background work
                }
            }
        });
    }
}
