package org.iqracity.console.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.client.TlsProblemException;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.MemorySettings;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.LocalPlatform;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.ProgressSink;
import org.iqracity.console.ui.common.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final MemorySettings settings = new MemorySettings();
    private final Messages messages = Messages.english();
    private FakePlatformClient platform;
    private URI connectedTo;
    private SignInViewModel vm;

    @BeforeEach
    void setUp() {
        platform = new FakePlatformClient(URI.create("https://platform.example.org"));
        vm = newViewModel(Optional.empty());
        vm.addressProperty().set("https://platform.example.org");
        vm.usernameProperty().set("nb-ta");
        vm.passwordProperty().set("sandbox-password");
    }

    private SignInViewModel newViewModel(Optional<LocalPlatform> local) {
        SandboxViewModel sandbox = new SandboxViewModel(local, tasks, messages);
        return new SignInViewModel(uri -> {
            connectedTo = uri;
            return platform;
        }, tasks, app, settings, messages, sandbox);
    }

    private static ApiHttpException problem(int status, String code, Long retryAfter) {
        return new ApiHttpException(status, new Problem("about:blank", "t", status, null, code, List.of(), retryAfter),
                null);
    }

    @Test
    void successfulSignInStartsTheSessionAndRemembersAddressAndUsernameButNotThePassword() {
        vm.signIn();

        assertThat(app.session()).isNotNull();
        assertThat(app.session().me().username()).isEqualTo("nb-ta");
        assertThat(connectedTo).isEqualTo(URI.create("https://platform.example.org"));
        assertThat(settings.values).containsEntry(Settings.LAST_ADDRESS, "https://platform.example.org")
                .containsEntry(Settings.LAST_USERNAME, "nb-ta");
        assertThat(settings.values.values()).doesNotContain("sandbox-password");
        assertThat(vm.passwordProperty().get()).isEmpty();
    }

    @Test
    void rememberedAddressAndUsernameArePrefilled() {
        settings.put(Settings.LAST_ADDRESS, "https://members.example.org");
        settings.put(Settings.LAST_USERNAME, "sahel-admin");

        SignInViewModel again = newViewModel(Optional.empty());

        assertThat(again.addressProperty().get()).isEqualTo("https://members.example.org");
        assertThat(again.usernameProperty().get()).isEqualTo("sahel-admin");
        assertThat(again.passwordProperty().get()).isEmpty();
    }

    @Test
    void wrongPasswordSaysSoAndWhatToDo() {
        platform.failSignIn = problem(401, ProblemCode.INVALID_CREDENTIALS, null);

        vm.signIn();

        assertThat(app.session()).isNull();
        assertThat(vm.errorProperty().get().text()).isEqualTo("The username or password is not right.");
        assertThat(vm.errorProperty().get().hint()).contains("try again");
    }

    @Test
    void mfaRequiredAsksForTheSecondFactorAndSendsIt() {
        platform.failSignIn = problem(401, ProblemCode.MFA_REQUIRED, null);

        vm.signIn();

        assertThat(vm.stepProperty().get()).isEqualTo(SignInViewModel.Step.SECOND_FACTOR);
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.canSubmitProperty().get()).isFalse();

        vm.totpProperty().set("123456");
        vm.signIn();

        assertThat(platform.signInAttempts).containsExactly("nb-ta:-", "nb-ta:123456");
        assertThat(app.session()).isNotNull();
    }

    @Test
    void aCodeUsedAlreadySaysEachCodeWorksOnceAndToWaitForTheNext() {
        platform.failSignIn = problem(401, ProblemCode.MFA_REQUIRED, null);
        vm.signIn();
        vm.totpProperty().set("123456");
        platform.failSignIn = problem(401, ProblemCode.MFA_REUSED, null);

        vm.signIn();

        assertThat(vm.stepProperty().get()).isEqualTo(SignInViewModel.Step.SECOND_FACTOR);
        assertThat(vm.errorProperty().get().text()).isEqualTo("That code was already used: each code works once.");
        assertThat(vm.errorProperty().get().hint()).contains("Wait for the next code");
        assertThat(vm.totpProperty().get()).as("the used code is cleared for the next").isEmpty();
        assertThat(app.session()).isNull();
    }

    @Test
    void anAddressGivenOnTheCommandLineIsNotRememberedForTheNextPlainStart() {
        settings.put(Settings.LAST_ADDRESS, "https://members.example.org");
        settings.put(Settings.LAST_ADDRESS_WAS_SANDBOX, "true");
        vm.givenForThisRun("https://platform.example.org/api/v1");

        vm.signIn();

        assertThat(app.session()).isNotNull();
        assertThat(connectedTo).isEqualTo(URI.create("https://platform.example.org"));
        assertThat(settings.values).containsEntry(Settings.LAST_ADDRESS, "https://members.example.org")
                .containsEntry(Settings.LAST_ADDRESS_WAS_SANDBOX, "true")
                        .containsEntry(Settings.LAST_USERNAME, "nb-ta");
    }

    @Test
    void throttledSignInTellsHowLongToWait() {
        platform.failSignIn = problem(429, ProblemCode.THROTTLED, 42L);

        vm.signIn();

        assertThat(vm.errorProperty().get().text()).isEqualTo("Too many sign-in attempts.");
        assertThat(vm.errorProperty().get().hint()).contains("wait 42 seconds");
    }

    @Test
    void unreachablePlatformIsExplained() {
        platform.failNext = new PlatformUnreachableException("down", null);

        vm.signIn();

        assertThat(vm.errorProperty().get().text()).isEqualTo("The platform cannot be reached.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void tlsProblemIsExplained() {
        platform.failNext = new TlsProblemException("bad cert", null);

        vm.signIn();

        assertThat(vm.errorProperty().get().text()).contains("secure connection");
    }

    @Test
    void eachKindOfCertificateProblemIsExplainedWithItsOwnRemedy() {
        Map<TlsProblemException.Reason, String> hints = new EnumMap<>(TlsProblemException.Reason.class);
        for (TlsProblemException.Reason reason : TlsProblemException.Reason.values()) {
            platform.failNext = new TlsProblemException("handshake", null, reason);
            vm.signIn();
            hints.put(reason, vm.errorProperty().get().hint());
        }

        assertThat(hints.get(TlsProblemException.Reason.UNTRUSTED)).contains("--trust-ca");
        assertThat(hints.get(TlsProblemException.Reason.EXPIRED)).contains("date and time");
        assertThat(hints.get(TlsProblemException.Reason.HOST_MISMATCH)).contains("address the certificate names");
        assertThat(hints.get(TlsProblemException.Reason.NOT_TLS)).contains("http://");
        assertThat(new HashSet<>(hints.values())).as("one remedy per kind").hasSize(hints.size());
    }

    @Test
    void platformOfAnotherApiVersionIsRefusedBeforeSendingThePassword() {
        platform.apiVersion = 2;

        vm.signIn();

        assertThat(platform.signInAttempts).isEmpty();
        assertThat(vm.errorProperty().get().text())
                .isEqualTo("This console speaks API version 1, the platform speaks version 2.");
    }

    @Test
    void addressThatIsNotOneIsRefusedWithoutANetworkCall() {
        vm.addressProperty().set("ftp://files");

        vm.signIn();

        assertThat(connectedTo).isNull();
        assertThat(vm.errorProperty().get().text()).isEqualTo("That is not a platform address.");
    }

    @Test
    void startedSandboxFillsInItsAddress() {
        LocalPlatform local = new LocalPlatform() {
            @Override
            public URI start(ProgressSink progress) {
                progress.progress("Seeding learners", 0.5);
                return URI.create("http://127.0.0.1:40123");
            }

            @Override
            public void stop() {
            }
        };
        SignInViewModel withSandbox = newViewModel(Optional.of(local));

        withSandbox.sandbox().start();

        assertThat(withSandbox.sandbox().stateProperty().get()).isEqualTo(SandboxViewModel.State.READY);
        assertThat(withSandbox.addressProperty().get()).isEqualTo("http://127.0.0.1:40123");
        assertThat(tasks.jobs()).isEmpty();
    }

    @Test
    void aSandboxThatCannotStartSaysWhyWhenItKnowsAndGenerallyOtherwise() {
        String why = "The system said \"No space left on device\".";
        SignInViewModel told = newViewModel(Optional.of(failingWith(
                new LocalPlatform.StartFailure(why, new RuntimeException("inner")))));
        told.sandbox().start();
        assertThat(told.sandbox().stateProperty().get()).isEqualTo(SandboxViewModel.State.FAILED);
        assertThat(told.sandbox().stageProperty().get()).isEqualTo("The local sandbox could not start. " + why
                + " You can still sign in to another platform.");

        SignInViewModel untold = newViewModel(Optional.of(failingWith(new IllegalStateException("row ('amina')"))));
        untold.sandbox().start();
        assertThat(untold.sandbox().stageProperty().get())
                .isEqualTo("The local sandbox could not start. You can still sign in to another platform.");
    }

    private static LocalPlatform failingWith(Exception failure) {
        return new LocalPlatform() {
            @Override
            public URI start(ProgressSink progress) throws Exception {
                throw failure;
            }

            @Override
            public void stop() {
            }
        };
    }

    @Test
    void rememberedRemoteAddressIsKeptWhenTheSandboxStarts() {
        settings.put(Settings.LAST_ADDRESS, "https://members.example.org");
        settings.put(Settings.LAST_ADDRESS_WAS_SANDBOX, "false");
        LocalPlatform local = new LocalPlatform() {
            @Override
            public URI start(ProgressSink progress) {
                return URI.create("http://127.0.0.1:40123");
            }

            @Override
            public void stop() {
            }
        };
        SignInViewModel withSandbox = newViewModel(Optional.of(local));

        withSandbox.sandbox().start();

        assertThat(withSandbox.addressProperty().get()).isEqualTo("https://members.example.org");
    }
}
