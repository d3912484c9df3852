package org.iqracity.console.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/** After the session ended: the same person signs in again on the same platform and stays on their screen. */
public final class SignInAgainViewModel {

    private final AppState app;
    private final TaskRunner tasks;
    private final ErrorMessages errors;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty totp = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper secondFactor = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();

    public SignInAgainViewModel(AppState app, TaskRunner tasks, Messages messages) {
        this.app = app;
        this.tasks = tasks;
        this.errors = new ErrorMessages(messages);
    }

    public String username() {
        return app.session().me().username();
    }

    public void signIn() {
        Session session = app.session();
        if (session == null || busy.get() || password.get().isEmpty()) {
            return;
        }
        String secret = password.get();
        String code = secondFactor.get() ? totp.get().strip() : null;
        busy.set(true);
        error.set(null);
        tasks.run(() -> session.client().signIn(session.me().username(), secret, code))
                .onSuccess(s -> {
                    busy.set(false);
                    password.set("");
                    totp.set("");
                    secondFactor.set(false);
                    app.signedInAgain();
                })
                .onFailure(e -> {
                    busy.set(false);
                    if (e instanceof ApiHttpException http && http.is(ProblemCode.MFA_REQUIRED)) {
                        secondFactor.set(true);
                        return;
                    }
                    totp.set("");
                    error.set(errors.describe(e));
                });
    }

    public void signOutInstead() {
        app.signedOut();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty totpProperty() {
        return totp;
    }

    public ReadOnlyBooleanProperty secondFactorProperty() {
        return secondFactor.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
