package org.iqracity.console.ui.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** The card shown over the current screen when the session ended; the screen behind stays as it was. */
final class SignInAgainView extends VBox {

    private final PasswordField password = new PasswordField();
    private final TextField totp = new TextField();

    SignInAgainView(SignInAgainViewModel vm, Messages messages) {
        setId("signInAgain");
        getStyleClass().add(Css.DIALOG);
        setAlignment(Pos.CENTER_LEFT);
        // As tall as its words, its field and its buttons, with no empty band above and below them.
        setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label(messages.get("signinAgain.title"), Icons.of(AppIcon.LOCK, 22));
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label(messages.format("signinAgain.text", vm.username()));
        text.setWrapText(true);
        // The field is focused as the card shows, which hides its prompt: a label says what it is for.
        Label passwordLabel = new Label(messages.get("signin.password"));
        passwordLabel.getStyleClass().add(Css.FIELD_LABEL);
        passwordLabel.setLabelFor(password);
        password.setId("againPassword");
        password.setPromptText(messages.get("signin.password"));
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setOnAction(e -> vm.signIn());
        totp.setId("againTotp");
        totp.setPromptText(messages.get("signin.totp.label"));
        totp.textProperty().bindBidirectional(vm.totpProperty());
        totp.visibleProperty().bind(vm.secondFactorProperty());
        totp.managedProperty().bind(totp.visibleProperty());
        totp.setOnAction(e -> vm.signIn());
        Message error = new Message();
        error.getStyleClass().add(Styles.DANGER);
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.titleProperty().bind(Bindings.createStringBinding(
                () -> vm.errorProperty().get() == null ? "" : vm.errorProperty().get().text(), vm.errorProperty()));
        error.descriptionProperty().bind(Bindings.createStringBinding(
                () -> vm.errorProperty().get() == null ? "" : vm.errorProperty().get().hint(), vm.errorProperty()));
        Button submit = new Button(messages.get("signinAgain.submit"));
        submit.setId("signInAgainSubmit");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.disableProperty().bind(vm.busyProperty());
        submit.setOnAction(e -> vm.signIn());
        Button signOut = new Button(messages.get("signinAgain.signOut"));
        signOut.getStyleClass().add(Styles.FLAT);
        signOut.setOnAction(e -> vm.signOutInstead());
        HBox buttons = new HBox(8, signOut, submit);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, text, passwordLabel, password, totp, error, buttons);
    }

    void focusPassword() {
        Platform.runLater(password::requestFocus);
    }
}
