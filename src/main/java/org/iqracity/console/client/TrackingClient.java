package org.iqracity.console.client;

import java.util.List;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;

/** A course's tracking settings and their versions: {@link PlatformClient#tracking()}. */
public interface TrackingClient {

    /** A course's tracking settings now, with the entity tag a change must send back. */
    Versioned<TrackingSettingsDto> current(String courseId);

    /**
     * Saves a new version of a course's tracking settings. Fails with 412 {@code version_conflict} when
     * {@code ifMatch} no longer names the current version, and with 422 {@code validation_failed} naming the fields.
     */
    Versioned<TrackingSettingsDto> save(String courseId, String ifMatch, TrackingSettingsRequest settings);

    /** Every version, newest first, with who changed what. */
    List<TrackingVersionDto> history(String courseId);

    /** The settings as they were at one version (0: the platform's default). */
    TrackingSettingsDto at(String courseId, long version);

    /** Makes a new version with the content of {@code version}; {@code ifMatch} as for {@link #save}. */
    Versioned<TrackingSettingsDto> revert(String courseId, String ifMatch, long version);

    /** What a learner with these cookie settings gets from the course's saved settings. */
    EffectiveTrackingDto effective(String courseId, boolean analytics, boolean functional, boolean marketing,
                                   boolean gpc);

    /** How many active learners allow each category; small counts come suppressed. */
    ConsentCoverageDto coverage(String courseId);
}
