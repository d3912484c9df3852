package org.iqracity.console.ui.signin;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iqracity.console.client.PlatformAddress;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.FieldChecks;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.UserMessage;
import org.iqracity.console.ui.signin.SignInViewModel.Step;

/** The sign-in screen: a brand panel beside the form; the second factor replaces the password step. */
public final class SignInView extends HBox {

    private final SignInViewModel vm;
    private final Messages messages;
    private final TextField address = new TextField();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField totp = new TextField();
    /** The credentials' checks and the second factor's: each step's button waits for its own fields only. */
    private final FieldChecks credentialChecks = FieldChecks.keepingRoom();
    private final FieldChecks codeChecks = FieldChecks.keepingRoom();

    public SignInView(SignInViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        getStyleClass().add(Css.SIGN_IN);
        StackPane formArea = new StackPane(form());
        formArea.setAlignment(Pos.CENTER);
        HBox.setHgrow(formArea, Priority.ALWAYS);
        getChildren().addAll(brand(), formArea);
        vm.stepProperty().addListener((obs, old, step) -> Platform.runLater(this::focusFirstEmpty));
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(this::focusFirstEmpty);
            }
        });
    }

    private Node brand() {
        VBox panel = new VBox();
        panel.getStyleClass().add(Css.BRAND_PANEL);
        panel.setAlignment(Pos.CENTER_LEFT);
        ImageView logo = new ImageView(new Image(getClass()
                .getResourceAsStream("/org/iqracity/console/ui/icons/icon-128.png")));
        logo.setFitWidth(88);
        logo.setFitHeight(88);
        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().add(Css.BRAND_TITLE);
        Label tagline = new Label(messages.get("app.tagline"));
        tagline.getStyleClass().add(Css.BRAND_TEXT);
        tagline.setWrapText(true);
        panel.getChildren().addAll(logo, title, tagline);
        return panel;
    }

    private Node form() {
        VBox credentials = credentialsStep();
        VBox secondFactor = secondFactorStep();
        credentials.visibleProperty().bind(vm.stepProperty().isEqualTo(Step.CREDENTIALS));
        credentials.managedProperty().bind(credentials.visibleProperty());
        secondFactor.visibleProperty().bind(vm.stepProperty().isEqualTo(Step.SECOND_FACTOR));
        secondFactor.managedProperty().bind(secondFactor.visibleProperty());

        Message error = new Message();
        error.setId("signInError");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(Icons.of(AppIcon.ERROR));
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.titleProperty().bind(Bindings.createStringBinding(
                () -> text(vm.errorProperty().get(), true), vm.errorProperty()));
        error.descriptionProperty().bind(Bindings.createStringBinding(
                () -> text(vm.errorProperty().get(), false), vm.errorProperty()));

        Label note = new Label(messages.get("signin.noPasswordStored"));
        note.getStyleClass().add(Css.NOTE);
        note.setWrapText(true);

        VBox card = new VBox(credentials, secondFactor, error, note, openRosterLink());
        card.getStyleClass().add(Css.FORM_CARD);
        card.setFillWidth(true);
        return card;
    }

    /** Blank while the sandbox is starting (it fills the address in); otherwise an address the console can use. */
    private String addressProblem() {
        String typed = address.getText();
        if (typed.isBlank()) {
            return vm.sandbox().stateProperty().get() == SandboxViewModel.State.STARTING ? null
                    : messages.get("signin.problem.address");
        }
        return PlatformAddress.parse(typed).isPresent() ? null : messages.get("signin.badAddress.text");
    }

    private static String text(UserMessage message, boolean title) {
        return message == null ? "" : title ? message.text() : message.hint();
    }

    private VBox credentialsStep() {
        Label title = new Label(messages.get("signin.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label(messages.get("signin.subtitle"));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        address.setId("address");
        address.promptTextProperty().bind(Bindings.when(
                vm.sandbox().stateProperty().isEqualTo(SandboxViewModel.State.STARTING))
                .then(messages.get("sandbox.addressPending")).otherwise(messages.get("signin.address.prompt")));
        address.textProperty().bindBidirectional(vm.addressProperty());
        username.setId("username");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        password.setId("password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setOnAction(e -> vm.signIn());
        username.setOnAction(e -> password.requestFocus());
        address.setOnAction(e -> username.requestFocus());

        Button submit = new Button(messages.get("signin.submit"), Icons.of(AppIcon.SIGN_IN));
        submit.setId("signIn");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(vm.canSubmitProperty().not().or(credentialChecks.invalidProperty()));
        submit.textProperty().bind(Bindings.when(vm.busyProperty())
                .then(messages.get("signin.busy")).otherwise(messages.get("signin.submit")));
        submit.setOnAction(e -> vm.signIn());

        // Username and password are only needed to sign in (Sign in waits for both); someone on the way to an
        // exported roster leaves them empty, and is not told off for it.
        Label addressLine = credentialChecks.check(address, this::addressProblem,
                vm.sandbox().stateProperty());
        VBox box = new VBox(6, title, subtitle, gap(), label("signin.address", address), address, addressLine,
                sandboxStatus(), gap(), label("signin.username", username), username,
                label("signin.password", password), password, gap(), submit);
        return box;
    }

    private Node sandboxStatus() {
        SandboxViewModel sandbox = vm.sandbox();
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(sandbox.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add(Styles.SMALL);
        bar.visibleProperty().bind(sandbox.stateProperty().isEqualTo(SandboxViewModel.State.STARTING));
        bar.managedProperty().bind(bar.visibleProperty());
        Label stage = new Label();
        stage.setId("sandboxStatus");
        stage.getStyleClass().add(Css.SANDBOX_STATUS);
        stage.textProperty().bind(sandbox.stageProperty());
        stage.setWrapText(true);
        stage.setGraphic(Icons.of(AppIcon.SERVER));
        Hyperlink use = new Hyperlink(messages.get("sandbox.use"));
        use.setOnAction(e -> vm.useSandboxAddress());
        use.visibleProperty().bind(sandbox.stateProperty().isEqualTo(SandboxViewModel.State.READY)
                .and(Bindings.createBooleanBinding(() -> sandbox.addressProperty().get() != null
                        && !sandbox.addressProperty().get().toString().equals(vm.addressProperty().get()),
                        sandbox.addressProperty(), vm.addressProperty())));
        use.managedProperty().bind(use.visibleProperty());
        // Someone trying the sandbox for the first time needs an account to sign in with.
        Label accounts = new Label(messages.get("sandbox.accounts"));
        accounts.setId("sandboxAccounts");
        accounts.setWrapText(true);
        accounts.getStyleClass().add(Styles.TEXT_MUTED);
        accounts.visibleProperty().bind(sandbox.stateProperty().isEqualTo(SandboxViewModel.State.READY));
        accounts.managedProperty().bind(accounts.visibleProperty());
        VBox box = new VBox(4, bar, new HBox(8, stage, use), accounts);
        box.visibleProperty().bind(sandbox.stateProperty().isNotEqualTo(SandboxViewModel.State.NOT_STARTED));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private VBox secondFactorStep() {
        Label title = new Label(messages.get("signin.totp.title"), Icons.of(AppIcon.SHIELD_KEY, 24));
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(messages.get("signin.totp.text"));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        totp.setId("totp");
        totp.setPromptText("123456");
        totp.textProperty().bindBidirectional(vm.totpProperty());
        totp.setOnAction(e -> vm.signIn());
        totp.getStyleClass().add(Styles.LARGE);
        Button verify = new Button(messages.get("signin.totp.submit"));
        verify.setId("verify");
        verify.getStyleClass().add(Styles.ACCENT);
        verify.disableProperty().bind(vm.canSubmitProperty().not().or(codeChecks.invalidProperty()));
        verify.setOnAction(e -> vm.signIn());
        Button back = new Button(messages.get("signin.totp.back"));
        back.setOnAction(e -> vm.back());
        HBox buttons = new HBox(8, back, verify);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Label codeLine = codeChecks.check(totp,
                () -> totp.getText().strip().matches("\\d{6}") ? null : messages.get("signin.problem.totp"));
        return new VBox(8, title, text, label("signin.totp.label", totp), totp, codeLine, buttons);
    }

    private Label label(String key, Node field) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add(Css.FIELD_LABEL);
        label.setLabelFor(field);
        return label;
    }

    private static Node gap() {
        VBox gap = new VBox();
        gap.setMinHeight(6);
        return gap;
    }

    private void focusFirstEmpty() {
        if (vm.stepProperty().get() == Step.SECOND_FACTOR) {
            totp.requestFocus();
        } else if (address.getText().isBlank()) {
            address.requestFocus();
        } else if (username.getText().isBlank()) {
            username.requestFocus();
        } else {
            password.requestFocus();
        }
    }

    private Runnable onOpenRoster = () -> { };

    /** What "Open exported roster..." does: reviewing a roster offline needs neither network nor sign-in. */
    public void setOnOpenRoster(Runnable action) {
        onOpenRoster = action;
    }

    private Node openRosterLink() {
        Hyperlink link = new Hyperlink(messages.get("offline.open"), Icons.of(AppIcon.EXPORTS));
        link.setId("openRosterFromSignIn");
        link.setOnAction(e -> onOpenRoster.run());
        return link;
    }
}
