package org.iqracity.console.platform.service.rosters;

import org.iqracity.console.api.RosterField;
import org.iqracity.console.platform.store.RosterRepository.RosterRow;

/**
 * Opens the roster stream's package-private text of a field and its batch size to the roster benchmark, which
 * reads the same rows the same way without HTTP to have the platform's own time to compare the export with.
 */
public final class RosterServiceProbe {
    public static final int BATCH = RosterService.BATCH;

    private RosterServiceProbe() {
    }

    public static String value(RosterRow row, RosterField field) {
        return RosterService.value(row, field);
    }
}
