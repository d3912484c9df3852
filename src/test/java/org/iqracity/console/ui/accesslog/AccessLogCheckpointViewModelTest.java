package org.iqracity.console.ui.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.iqracity.console.api.ChainCheckpoint;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.ChainVerificationDto.Earlier;
import org.iqracity.console.api.ChainVerificationDto.Finding;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.SigningKeyDto;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.MemorySettings;
import org.iqracity.console.ui.accesslog.AccessLogViewModel.Tone;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.PinnedKeys;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R12: the console keeps the last head of the access log the platform signed for this Member, hands it back at the
 * next check and judges the answer itself too: a shorter chain is tampering whatever the platform says, and a head
 * the pinned key did not sign is never kept.
 */
class AccessLogCheckpointViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Africa/Nairobi");
    private static final Instant MONDAY = Instant.parse("2026-11-30T07:15:00Z");

    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private final MemorySettings settings = new MemorySettings();
    private final ChainCheckpoints checkpoints = new ChainCheckpoints(settings);
    private final KeyPair platformKey = keyPair();
    private final KeyPair otherKey = keyPair();
    private AccessLogViewModel vm;

    @BeforeEach
    void setUp() {
        platform.roles = List.of(Role.SECURITY_OFFICER);
        AppState app = new AppState();
        app.signedIn(new Session(platform, platform.me("nb-security")));
        new PinnedKeys(settings).pin(address(), new SigningKeyDto("Ed25519", "platform-key",
                Base64.getEncoder().encodeToString(platformKey.getPublic().getEncoded())));
        vm = new AccessLogViewModel(app, platform.accessLog(), new InlineTaskRunner(), Messages.english(),
                Duration.ofMillis(200), ZONE,
                checkpoints);
    }

    private String address() {
        return platform.baseUri().toString();
    }

    private static KeyPair keyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChainCheckpoint signed(KeyPair key, String keyId, long entries, Instant at) {
        ChainCheckpoint unsigned = new ChainCheckpoint("northbridge", entries, "ab".repeat(32), at, at, keyId, "");
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.getPrivate());
            s.update(unsigned.payload());
            return new ChainCheckpoint("northbridge", entries, unsigned.headHash(), at, at, keyId,
                    Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ChainCheckpoint head(long entries, Instant at) {
        return signed(platformKey, "platform-key", entries, at);
    }

    private static ChainVerificationDto intact(long entries, Earlier earlier, ChainCheckpoint checkpoint) {
        return new ChainVerificationDto(true, entries, null, Finding.INTACT, earlier, checkpoint);
    }

    private void checkedOnMondayWith(long entries) {
        platform.verification = intact(entries, Earlier.NONE, head(entries, MONDAY));
        vm.verify();
        assertThat(vm.verdictProperty().get().tone()).isEqualTo(Tone.INTACT);
    }

    @Test
    void r12TheFirstSignedHeadIsKeptAndHandedBackAtTheNextCheck() {
        platform.verification = intact(1234, Earlier.NONE, head(1234, MONDAY));

        vm.verify();

        assertThat(platform.verifiedWith).isNull();
        assertThat(vm.verdictProperty().get().text()).startsWith("All 1,234 entries are intact")
                .contains("remembers where the log ends");
        assertThat(checkpoints.kept(address(), "northbridge")).hasValue(head(1234, MONDAY));
        assertThat(settings.saves).isEqualTo(1);

        platform.verification = intact(1300, Earlier.HELD, head(1300, MONDAY.plusSeconds(3600)));
        vm.verify();

        assertThat(platform.verifiedWith).isEqualTo(head(1234, MONDAY).token());
        assertThat(vm.verdictProperty().get().tone()).isEqualTo(Tone.INTACT);
        assertThat(vm.verdictProperty().get().text())
                .contains("All 1,234 entries there were at the check of Nov 30, 2026, 10:15\u202fAM are still there");
        assertThat(checkpoints.kept(address(), "northbridge").orElseThrow().entries()).isEqualTo(1300);
    }

    @Test
    void r12AChainCutBackIsTamperingNamedFromItsFirstMissingEntryAndTheKeptHeadStays() {
        checkedOnMondayWith(1234);
        platform.verification = new ChainVerificationDto(false, 1240, 1201L, Finding.CUT_BACK, Earlier.BROKEN, null);

        vm.verify();

        AccessLogViewModel.Verdict verdict = vm.verdictProperty().get();
        assertThat(verdict.tone()).isEqualTo(Tone.TAMPERED);
        assertThat(verdict.title()).isEqualTo("The access log has been tampered with");
        assertThat(verdict.text()).startsWith("Entries from #1201 on are not the ones checked on Nov 30, 2026, "
                + "10:15\u202fAM, "
                + "when the log had 1,234 entries and was intact");
        assertThat(checkpoints.kept(address(), "northbridge")).hasValue(head(1234, MONDAY));
    }

    @Test
    void r12AShorterChainIsTamperingEvenWhenTheAnswerCallsItIntact() {
        checkedOnMondayWith(1234);
        platform.verification = intact(1000, Earlier.HELD, head(1000, MONDAY.plusSeconds(60)));

        vm.verify();

        assertThat(vm.verdictProperty().get().tone()).isEqualTo(Tone.TAMPERED);
        assertThat(vm.verdictProperty().get().text()).startsWith("Entries from #1001 on are not the ones checked");
        assertThat(checkpoints.kept(address(), "northbridge").orElseThrow().entries())
                .as("a shorter head never replaces the one kept").isEqualTo(1234);
    }

    @Test
    void r12AHeadTheKeyPinnedAtSignInDidNotSignIsNotKept() {
        platform.verification = intact(50, Earlier.NONE, signed(otherKey, "platform-key", 50, MONDAY));

        vm.verify();

        assertThat(vm.verdictProperty().get().tone()).isEqualTo(Tone.UNSURE);
        assertThat(vm.verdictProperty().get().text()).contains("not signed with the key this computer remembers");
        assertThat(checkpoints.kept(address(), "northbridge")).isEmpty();
    }

    @Test
    void r12AHeadOfAnotherMemberIsNotKept() {
        ChainCheckpoint sahel = head(50, MONDAY);
        platform.verification = intact(50, Earlier.NONE, new ChainCheckpoint("sahel", 50, sahel.headHash(),
                MONDAY, MONDAY, "platform-key", sahel.signature()));

        vm.verify();

        assertThat(vm.verdictProperty().get().tone()).isEqualTo(Tone.UNSURE);
        assertThat(checkpoints.kept(address(), "northbridge")).isEmpty();
    }

    @Test
    void r12AKeptHeadThePlatformCannotCheckIsSaidAndReplaced() {
        checkedOnMondayWith(1234);
        platform.verification = intact(1300, Earlier.NOT_VERIFIABLE, head(1300, MONDAY.plusSeconds(60)));

        vm.verify();

        assertThat(vm.verdictProperty().get().tone()).isEqualTo(Tone.INTACT);
        assertThat(vm.verdictProperty().get().text()).contains("could not be checked");
        assertThat(checkpoints.kept(address(), "northbridge").orElseThrow().entries()).isEqualTo(1300);
    }
}
