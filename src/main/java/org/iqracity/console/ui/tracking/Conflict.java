package org.iqracity.console.ui.tracking;

import java.util.List;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingVersionDto;

/**
 * Someone saved a newer version while this person edited an older one, and some fields were changed on both sides:
 * those fields, each with both values, for the person to choose. Everything else is merged without asking.
 *
 * @param theirs the version saved in between, now current
 * @param theirVersions every version saved since this person's, newest first, with who changed what
 * @param choices the fields changed on both sides, in the order of the form
 */
public record Conflict(long baseVersion, TrackingSettingsDto theirs, List<TrackingVersionDto> theirVersions,
                       List<Choice> choices) {

    /** Whose value a field keeps. */
    public enum Side { MINE, THEIRS }

    /**
     * One field both sides changed differently.
     *
     * @param technology the technology's id; null for the switches above the technologies
     * @param name the technology's name, to show; null for the switches
     * @param field the field's name ({@code retention}, {@code gpc}, {@code category.MARKETING}); "" when one side
     *        removed the technology and the other changed it
     * @param mine this person's value; null where they removed the technology
     * @param theirs the other value; null where it was removed there
     */
    public record Clash(String technology, String name, String field, Object mine, Object theirs) {
    }

    /** A clash as the person reads it: which field, and both values in the form's words. */
    public record Choice(Clash clash, String what, String mine, String theirs) {
    }
}
