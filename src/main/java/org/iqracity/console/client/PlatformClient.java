package org.iqracity.console.client;

import java.net.URI;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.api.SigningKeyDto;

/**
 * What the console asks of one platform: the session here, each area's calls in its own part ({@link #learners()},
 * {@link #tracking()}, {@link #breach()}...), so that a screen depends on the part it uses. Calls block and may run on
 * any thread; failures are {@link ApiException} subtypes. Once signed in, the client renews its access token by
 * itself, for every part.
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

    /** The platform's public key for checking signed exports. */
    SigningKeyDto signingKey();

    CoursesClient courses();

    LearnersClient learners();

    TrackingClient tracking();

    InsightsClient insights();

    RostersClient rosters();

    ResearchClient research();

    AccessLogClient accessLog();

    SponsorsClient sponsors();

    BreachClient breach();
}
