package org.iqracity.console.ui.tracking;

/** The questions the tracking screen asks; the view answers them with dialogs, tests with scripted answers. */
public interface TrackingDialogs {

    enum LeaveChoice { SAVE, DISCARD, CANCEL }

    enum ConflictChoice {
        /** Take their version as the new starting point; this person's edits are not applied again. */
        EDIT_THEIRS,
        /** Replace their version with this person's: asked again before it happens. */
        OVERWRITE,
        /** Close the question and keep editing as before; saving will meet the same conflict. */
        CANCEL
    }

    /** "Discard changes?" before leaving edits that are not saved. */
    LeaveChoice askLeave();

    ConflictChoice askConflict(Conflict conflict);

    /** The second, explicit confirmation before their version is replaced. */
    boolean confirmOverwrite(Conflict conflict);

    /** @param discardsEdits whether unsaved edits would be lost as well */
    boolean confirmRevert(long version, boolean discardsEdits);
}
