package org.iqracity.console.ui.tracking;

import java.util.List;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;

/**
 * Someone saved a newer version while this person edited an older one: both sides, for the person to decide.
 *
 * @param mine the settings as this person edited them
 * @param myChanges what this person changed in the version they started from
 * @param theirs the version saved in between, now current
 * @param theirVersions every version saved since this person's, newest first, with who changed what
 */
public record Conflict(long baseVersion, TrackingSettingsRequest mine, List<String> myChanges,
                       TrackingSettingsDto theirs, String theirEtag, List<TrackingVersionDto> theirVersions) {
}
