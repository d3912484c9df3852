package org.iqracity.console.ui.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryProgressDto;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the sending card offers in each state of a notice, and how far the bar goes. */
class SendingStateTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    /**
     * Counts in DeliveryProgressDto's order: total, pending, sent, retrying, failed, inDoubt, cancelled, unreachable,
     * letters.
     */
    private static IncidentDto incident(IncidentState state, long... c) {
        DeliveryProgressDto p = c.length == 0 ? null
                : new DeliveryProgressDto(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
        return new IncidentDto("inc-1", "Lost laptop", state, 1, T, T, null, null, "", List.of(), "", "", "", "",
                null, "", "", "a", T, null, null, null, null, null, null, 0, p, null, List.of(), null, false, null);
    }

    @Test
    void anApprovedNoticeOffersSendAndItsLettersAndSaysHowManyWaitToGo() {
        SendingState s = SendingState.of(incident(IncidentState.APPROVED, 120, 100, 0, 0, 0, 0, 0, 0, 20));

        assertThat(s.mayStart()).isTrue();
        assertThat(s.mayRetry()).isFalse();
        assertThat(s.hasLetters()).isTrue();
        assertThat(s.progress()).isZero();
        assertThat(s.text(Messages.english())).contains("120");
    }

    @Test
    void sendingWithNothingHandledYetShowsAnIndeterminateBarThenTheShareHandled() {
        assertThat(SendingState.of(incident(IncidentState.SENDING, 100, 100, 0, 0, 0, 0, 0, 0, 0)).progress())
                .isEqualTo(-1);
        SendingState s = SendingState.of(incident(IncidentState.SENDING, 100, 40, 50, 10, 0, 0, 0, 0, 0));
        assertThat(s.progress()).isEqualTo(0.5);
        assertThat(s.mayStart()).isFalse();
        assertThat(s.text(Messages.english())).contains("50").contains("100");
    }

    @Test
    void failuresOfferARetryOnlyWhileSendingOrOnceSent() {
        assertThat(SendingState.of(incident(IncidentState.SENDING, 10, 0, 8, 0, 2, 0, 0, 0, 0)).mayRetry()).isTrue();
        assertThat(SendingState.of(incident(IncidentState.SENT, 10, 0, 8, 0, 2, 0, 0, 0, 0)).mayRetry()).isTrue();
        assertThat(SendingState.of(incident(IncidentState.CANCELLED, 10, 0, 8, 0, 2, 0, 0, 0, 0)).mayRetry())
                .isFalse();
        assertThat(SendingState.of(incident(IncidentState.SENT, 10, 0, 10, 0, 0, 0, 0, 0, 0)).mayRetry()).isFalse();
    }

    @Test
    void aCancelledNoticeOffersNoLettersEvenWithSomeReady() {
        SendingState s = SendingState.of(incident(IncidentState.CANCELLED, 10, 0, 2, 0, 0, 0, 6, 0, 2));

        assertThat(s.hasLetters()).isFalse();
        assertThat(s.mayStart()).isFalse();
        assertThat(s.text(Messages.english())).contains("6");
    }

    @ParameterizedTest
    @EnumSource(value = IncidentState.class, names = {"DRAFT", "SUBMITTED"})
    void beforeApprovalNothingIsOfferedAndTheLineIsEmpty(IncidentState state) {
        SendingState s = SendingState.of(incident(state));

        assertThat(s.mayStart() || s.mayRetry() || s.hasLetters() || s.anyInDoubt()).isFalse();
        assertThat(s.text(Messages.english())).isEmpty();
        assertThat(s.progress()).isZero();
    }

    @Test
    void onlyMessagesInDoubtAreSettledByHandWhileFailedOnesAreMarkedToo() {
        assertThat(SendingState.of(incident(IncidentState.SENT, 10, 0, 9, 0, 0, 1, 0, 0, 0)).anyInDoubt()).isTrue();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            DeliveryDto d = new DeliveryDto(1, "L1", "amina", NoticeChannel.EMAIL, status, 1, T, null, null, null,
                    null);
            assertThat(SendingState.settledByHand(d)).as(status.name()).isEqualTo(status == DeliveryStatus.IN_DOUBT);
            assertThat(SendingState.wentWrong(d)).as(status.name())
                    .isEqualTo(status == DeliveryStatus.IN_DOUBT || status == DeliveryStatus.FAILED);
        }
        assertThat(SendingState.settledByHand(null)).isFalse();
    }
}
