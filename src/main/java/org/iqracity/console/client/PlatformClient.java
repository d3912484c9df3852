package org.iqracity.console.client;

import java.net.URI;
import java.util.List;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.SessionDto;
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

    /** The platform's public key for checking signed exports. */
    SigningKeyDto signingKey();

    /**
     * Streams a course roster to {@code lines} as it arrives and answers the platform's signed summary. A
     * {@link RosterLines} that throws stops the download.
     */
    RosterSummary roster(String courseId, List<RosterField> fields, RosterLines lines);
}
