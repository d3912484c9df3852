package org.iqracity.console.ui.breach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;

/** Answers the breach screen's questions as the test says, and remembers what was asked. */
final class ScriptedBreachDialogs implements BreachDialogs {
    LeaveChoice leave = LeaveChoice.CANCEL;
    boolean confirm = true;
    String reason = "Name the systems involved.";
    boolean approve = true;
    final List<Question> asked = new ArrayList<>();
    final List<Approval> approvals = new ArrayList<>();
    int leaves;

    @Override
    public LeaveChoice askLeave() {
        leaves++;
        return leave;
    }

    @Override
    public boolean confirm(Question question) {
        asked.add(question);
        return confirm;
    }

    @Override
    public boolean confirmApproval(Approval approval) {
        approvals.add(approval);
        return approve;
    }

    @Override
    public Optional<String> askReason(Question question) {
        asked.add(question);
        return Optional.ofNullable(reason);
    }

    /** The answer to "when was the authority notified": null backs out. */
    RegulatorNotificationRequest regulator;
    RegulatorNotificationRequest regulatorSuggested;

    @Override
    public Optional<RegulatorNotificationRequest> askRegulatorNotification(RegulatorNotificationRequest suggested) {
        regulatorSuggested = suggested;
        return Optional.ofNullable(regulator);
    }

    Question last() {
        return asked.getLast();
    }
}
