package org.iqracity.console.ui.breach;

import java.util.Optional;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;

/** The questions the breach screen asks; the view answers them with dialogs, tests with scripted answers. */
public interface BreachDialogs {

    enum LeaveChoice { SAVE, DISCARD, CANCEL }

    /**
     * One question in words. {@code id} names the dialog for tests and journeys; {@code danger} marks what cannot
     * be undone, and then the safe answer is the default.
     */
    record Question(String id, String title, String text, String ok, boolean danger) {
    }

    /** "Save the draft?" before leaving edits that are not saved. */
    LeaveChoice askLeave();

    boolean confirm(Question question);

    /** A reason the timeline keeps (returning a notice, cancelling one); empty when the person backed out. */
    Optional<String> askReason(Question question);

    /**
     * When the supervisory authority was notified, which one, and the reference it gave; empty when the officer
     * backed out. {@code suggested} fills the form (the moment defaults to now).
     */
    Optional<RegulatorNotificationRequest> askRegulatorNotification(RegulatorNotificationRequest suggested);
}
