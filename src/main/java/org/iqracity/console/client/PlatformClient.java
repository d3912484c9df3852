package org.iqracity.console.client;

import java.net.URI;
import java.util.List;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.api.SigningKeyDto;

/**
 * What the console asks of one platform. Calls block and may run on any thread; failures are {@link ApiException}
 * subtypes. Once signed in, the client renews its access token by itself.
 */
public interface PlatformClient {

    URI baseUri();

    HealthDto health();

    /** @param totp the second factor, or null when the platform has not asked for one */
    SessionDto signIn(String username, String password, String totp);

    /** Revokes the session on the platform; the client forgets its tokens whatever the answer. */
    void signOut();

    boolean signedIn();

    MeDto me();

    /** All courses the signed-in person may see, following every page. */
    List<CourseDto> courses();

    CourseDto course(String courseId);

    Page<LearnerRowDto> learners(String courseId, LearnerQuery query);

    LearnerDetailDto learner(String courseId, String learnerId);

    /** A course's tracking settings now, with the entity tag a change must send back. */
    Versioned<TrackingSettingsDto> tracking(String courseId);

    /**
     * Saves a new version of a course's tracking settings. Fails with 412 {@code version_conflict} when
     * {@code ifMatch} no longer names the current version, and with 422 {@code validation_failed} naming the fields.
     */
    Versioned<TrackingSettingsDto> saveTracking(String courseId, String ifMatch, TrackingSettingsRequest settings);

    /** Every version, newest first, with who changed what. */
    List<TrackingVersionDto> trackingHistory(String courseId);

    /** The settings as they were at one version (0: the platform's default). */
    TrackingSettingsDto trackingAt(String courseId, long version);

    /** Makes a new version with the content of {@code version}; {@code ifMatch} as for {@link #saveTracking}. */
    Versioned<TrackingSettingsDto> revertTracking(String courseId, String ifMatch, long version);

    /** What a learner with these cookie settings gets from the course's saved settings. */
    EffectiveTrackingDto effectiveTracking(String courseId, boolean analytics, boolean functional, boolean marketing,
                                           boolean gpc);

    /** How many active learners allow each category; small counts come suppressed. */
    ConsentCoverageDto consentCoverage(String courseId);
    /** The platform's public key for checking signed exports. */
    SigningKeyDto signingKey();

    /**
     * Streams a course roster to {@code lines} as it arrives and answers the platform's signed summary. A
     * {@link RosterLines} that throws stops the download.
     */
    RosterSummary roster(String courseId, List<RosterField> fields, RosterLines lines);
}
