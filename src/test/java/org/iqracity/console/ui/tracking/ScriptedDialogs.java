package org.iqracity.console.ui.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iqracity.console.ui.tracking.Conflict.Clash;
import org.iqracity.console.ui.tracking.Conflict.Side;

/** Answers the screen's questions as the test says, and remembers what was asked. */
final class ScriptedDialogs implements TrackingDialogs {
    LeaveChoice leave = LeaveChoice.CANCEL;
    /** Whose value each clash keeps; null: the question is closed without merging. */
    Map<Clash, Side> mergeChoices;
    boolean revert = true;
    final List<Conflict> conflicts = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public LeaveChoice askLeave() {
        asked.add("leave");
        return leave;
    }

    @Override
    public Map<Clash, Side> chooseMerge(Conflict conflict) {
        asked.add("conflict");
        conflicts.add(conflict);
        return mergeChoices;
    }

    @Override
    public boolean confirmRevert(long version, boolean discardsEdits) {
        asked.add("revert " + version + (discardsEdits ? " discarding" : ""));
        return revert;
    }
}
