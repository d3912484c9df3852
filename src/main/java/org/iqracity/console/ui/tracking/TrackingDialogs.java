package org.iqracity.console.ui.tracking;

import java.util.Map;
import org.iqracity.console.ui.tracking.Conflict.Clash;
import org.iqracity.console.ui.tracking.Conflict.Side;

/** The questions the tracking screen asks; the view answers them with dialogs, tests with scripted answers. */
public interface TrackingDialogs {

    enum LeaveChoice { SAVE, DISCARD, CANCEL }

    /** "Discard changes?" before leaving edits that are not saved. */
    LeaveChoice askLeave();

    /**
     * Whose value each field changed on both sides keeps; null when the person closed the question, and nothing is
     * merged or saved.
     */
    Map<Clash, Side> chooseMerge(Conflict conflict);

    /** @param discardsEdits whether unsaved edits would be lost as well */
    boolean confirmRevert(long version, boolean discardsEdits);
}
