package org.iqracity.console.ui.signin;

import java.net.URI;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.PlatformAddress;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.PinnedKeys;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.Settings;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;
import org.iqracity.console.ui.common.VersionMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in: address, username, password, then a second factor when the platform asks for one. */
public final class SignInViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(SignInViewModel.class);

    public enum Step { CREDENTIALS, SECOND_FACTOR }

    private final PlatformConnector connector;
    private final TaskRunner tasks;
    private final AppState app;
    private final Settings settings;
    private final Messages messages;
    private final ErrorMessages errors;
    private final SandboxViewModel sandbox;

    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty totp = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CREDENTIALS);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSubmit;
    private URI givenForThisRun;

    public SignInViewModel(PlatformConnector connector, TaskRunner tasks, AppState app, Settings settings,
                           Messages messages, SandboxViewModel sandbox) {
        this.connector = connector;
        this.tasks = tasks;
        this.app = app;
        this.settings = settings;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.sandbox = sandbox;
        settings.get(Settings.LAST_ADDRESS).ifPresent(address::set);
        settings.get(Settings.LAST_USERNAME).ifPresent(username::set);
        sandbox.addressProperty().addListener((obs, old, uri) -> sandboxReady(old, uri));
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !address.get().isBlank()
                        && !username.get().isBlank() && !password.get().isEmpty()
                        && (step.get() == Step.CREDENTIALS || totp.get().strip().matches("\\d{6}"))
                        && !waitingForSandbox(),
                busy, address, username, password, step, totp, sandbox.stateProperty());
    }

    /** Fill in the sandbox's address when it was last used, or when nothing else was remembered. */
    private void sandboxReady(URI previous, URI uri) {
        if (uri == null) {
            return;
        }
        boolean rememberedSandbox = settings.get(Settings.LAST_ADDRESS_WAS_SANDBOX).map(Boolean::parseBoolean)
                .orElse(true);
        boolean showingOldSandbox = previous != null && address.get().equals(previous.toString());
        if (address.get().isBlank() || rememberedSandbox || showingOldSandbox) {
            address.set(uri.toString());
        }
    }

    private boolean waitingForSandbox() {
        return sandbox.stateProperty().get() == SandboxViewModel.State.STARTING && isSandboxAddress();
    }

    private boolean isSandboxAddress() {
        URI sandboxUri = sandbox.addressProperty().get();
        return address.get().isBlank() || sandboxUri != null && address.get().strip().equals(sandboxUri.toString());
    }

    public void useSandboxAddress() {
        URI uri = sandbox.addressProperty().get();
        if (uri != null) {
            address.set(uri.toString());
        }
    }

    public void signIn() {
        if (!canSubmit.get()) {
            return;
        }
        Optional<URI> uri = PlatformAddress.parse(address.get());
        if (uri.isEmpty()) {
            error.set(new UserMessage(messages.get("signin.badAddress.text"), messages.get("signin.badAddress.hint")));
            return;
        }
        String user = username.get().strip();
        String secret = password.get();
        String code = step.get() == Step.SECOND_FACTOR ? totp.get().strip() : null;
        busy.set(true);
        error.set(null);
        tasks.run(() -> {
            PlatformClient client = connector.connect(uri.get());
            HealthDto health = client.health();
            if (health.apiVersion() != ApiPaths.API_VERSION) {
                throw new VersionMismatchException(ApiPaths.API_VERSION, health.apiVersion());
            }
            SessionDto session = client.signIn(user, secret, code);
            return new Session(client, session.staff());
        }).onSuccess(session -> {
            busy.set(false);
            remember(uri.get(), user);
            password.set("");
            totp.set("");
            step.set(Step.CREDENTIALS);
            LOGGER.info("signed in to {}", uri.get());
            app.signedIn(session);
            pinSigningKey(session.client(), uri.get());
        }).onFailure(this::failed);
    }

    private void failed(Throwable e) {
        busy.set(false);
        if (e instanceof ApiHttpException http && http.is(ProblemCode.MFA_REQUIRED)) {
            step.set(Step.SECOND_FACTOR);
            error.set(null);
            return;
        }
        if (e instanceof ApiHttpException http
                && (http.is(ProblemCode.MFA_INVALID) || http.is(ProblemCode.MFA_REUSED))) {
            totp.set("");
        }
        if (e instanceof ApiHttpException http && http.is(ProblemCode.INVALID_CREDENTIALS)) {
            step.set(Step.CREDENTIALS);
            totp.set("");
        }
        LOGGER.info("sign-in failed: {}", e.getClass().getSimpleName());
        error.set(errors.describe(e));
    }

    /** Back from the second-factor step to the password. */
    public void back() {
        step.set(Step.CREDENTIALS);
        totp.set("");
        error.set(null);
    }

    /**
     * The address this start was given on the command line ({@code --platform}): it fills the field for this run only.
     * Signing in to it is not remembered, so that the next plain start offers the sandbox or the address the person
     * chose, not one that was meant for one run and may be gone.
     */
    public void givenForThisRun(String address) {
        this.address.set(address);
        this.givenForThisRun = PlatformAddress.parse(address).orElse(null);
    }

    private void remember(URI uri, String user) {
        URI sandboxUri = sandbox.addressProperty().get();
        if (!uri.equals(givenForThisRun)) {
            settings.put(Settings.LAST_ADDRESS, uri.toString());
            settings.put(Settings.LAST_ADDRESS_WAS_SANDBOX, String.valueOf(uri.equals(sandboxUri)));
        }
        settings.put(Settings.LAST_USERNAME, user);
        tasks.run(() -> {
            settings.save();
            return null;
        });
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty totpProperty() {
        return totp;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    public SandboxViewModel sandbox() {
        return sandbox;
    }

    /** Remembers the platform's signing key, so rosters exported from it can be checked offline later (R14). */
    private void pinSigningKey(PlatformClient client, URI uri) {
        tasks.run(client::signingKey).onSuccess(key -> {
            PinnedKeys.Pin pin = new PinnedKeys(settings).pin(uri.toString(), key);
            if (pin == PinnedKeys.Pin.CHANGED) {
                LOGGER.warn("the signing key of {} changed from the pinned one; now {}", uri, key.keyId());
                signingKeyChanged.set(messages.format("signin.keyChanged", uri.toString(), key.keyId()));
            }
            tasks.run(() -> {
                settings.save();
                return null;
            });
        }).onFailure(e -> LOGGER.info("could not fetch the platform's signing key: {}", e.getClass().getSimpleName()));
    }

    /** Set when the platform's signing key differs from the one pinned at an earlier sign-in. */
    public ReadOnlyObjectProperty<String> signingKeyChangedProperty() {
        return signingKeyChanged.getReadOnlyProperty();
    }

    private final ReadOnlyObjectWrapper<String> signingKeyChanged = new ReadOnlyObjectWrapper<>();
}
