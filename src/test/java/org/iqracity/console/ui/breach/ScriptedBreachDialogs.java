package org.iqracity.console.ui.breach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    Question last() {
        return asked.getLast();
    }
}
