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

    /**
     * What an approver confirms: the notice by title and reach, as the review showed them, and the two fingerprints
     * in the short form the review shows ("3f2a 91bc 07de 55a1"), with the full values for copying.
     */
    record Approval(String title, long recipients, String textFingerprint, String recipientsFingerprint,
                    String fullTextFingerprint, String fullRecipientsFingerprint) {
    }

    /** "Save the draft?" before leaving edits that are not saved. */
    LeaveChoice askLeave();

    boolean confirm(Question question);

    /** "Approve this notice?" with what approving freezes; false when the officer backed out. */
    boolean confirmApproval(Approval approval);

    /** A reason the timeline keeps (returning a notice, cancelling one); empty when the person backed out. */
    Optional<String> askReason(Question question);

    /**
     * When the supervisory authority was notified, which one, and the reference it gave; empty when the officer
     * backed out. {@code suggested} fills the form (the moment defaults to now).
     */
    Optional<RegulatorNotificationRequest> askRegulatorNotification(RegulatorNotificationRequest suggested);
}
