package org.iqracity.console.ui.tracking;

import java.util.ArrayList;
import java.util.List;

/** Answers the screen's questions as the test says, and remembers what was asked. */
final class ScriptedDialogs implements TrackingDialogs {
    LeaveChoice leave = LeaveChoice.CANCEL;
    ConflictChoice conflictChoice = ConflictChoice.CANCEL;
    boolean overwrite;
    boolean revert = true;
    final List<Conflict> conflicts = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public LeaveChoice askLeave() {
        asked.add("leave");
        return leave;
    }

    @Override
    public ConflictChoice askConflict(Conflict conflict) {
        asked.add("conflict");
        conflicts.add(conflict);
        return conflictChoice;
    }

    @Override
    public boolean confirmOverwrite(Conflict conflict) {
        asked.add("overwrite");
        return overwrite;
    }

    @Override
    public boolean confirmRevert(long version, boolean discardsEdits) {
        asked.add("revert " + version + (discardsEdits ? " discarding" : ""));
        return revert;
    }
}
