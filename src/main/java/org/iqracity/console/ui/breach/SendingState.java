package org.iqracity.console.ui.breach;

import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryProgressDto;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.ui.common.Messages;

/**
 * What the sending card offers for an incident as it stands: the rules, apart from the controls that show them.
 *
 * @param progress      the bar's fraction handled; 0 before the send; -1 (indeterminate) while sending has started but
 *                      nothing is handled yet
 * @param mayStart      the notice is approved and not sent: "Send" is offered
 * @param mayRetry      some emails failed and the notice is being or was sent: "Retry failed" is offered
 * @param hasLetters    letters were or will be printed, and the notice was not cancelled: the letters PDF is offered
 * @param anyInDoubt    some emails may or may not have left: the officer settles each, so those controls show
 */
record SendingState(IncidentState state, DeliveryProgressDto counts, double progress, boolean mayStart,
                    boolean mayRetry, boolean hasLetters, boolean anyInDoubt) {

    static SendingState of(IncidentDto dto) {
        DeliveryProgressDto p = dto.progress() == null ? DeliveryProgressDto.NONE : dto.progress();
        IncidentState state = dto.state();
        long handled = p.total() - p.open();
        // Before the send nothing has gone, whatever letters are already counted as ready to print.
        double progress = p.total() == 0 || state == IncidentState.APPROVED ? 0
                : state == IncidentState.SENDING && handled == 0 ? -1 : (double) handled / p.total();
        boolean sendingOrSent = state == IncidentState.SENDING || state == IncidentState.SENT;
        return new SendingState(state, p, progress, state == IncidentState.APPROVED, p.failed() > 0 && sendingOrSent,
                state != IncidentState.CANCELLED && (p.lettersReady() > 0 || state == IncidentState.APPROVED
                        || sendingOrSent), p.inDoubt() > 0);
    }

    /** The line under the bar; empty before approval. */
    String text(Messages messages) {
        long handled = counts.total() - counts.open();
        return switch (state) {
            case APPROVED -> messages.format("breach.sending.ready", counts.total());
            case SENDING -> messages.format("breach.sending.progress", handled, counts.total());
            case SENT -> messages.format("breach.sending.done", counts.total());
            case CANCELLED -> messages.format("breach.sending.cancelled", counts.cancelled());
            default -> "";
        };
    }

    /** Whether a delivery is one the officer settles by hand (delivered after all, or send again). */
    static boolean settledByHand(DeliveryDto d) {
        return d != null && d.status() == DeliveryStatus.IN_DOUBT;
    }

    /** Whether a delivery's row is marked as gone wrong. */
    static boolean wentWrong(DeliveryDto d) {
        return d != null && (d.status() == DeliveryStatus.FAILED || d.status() == DeliveryStatus.IN_DOUBT);
    }
}
