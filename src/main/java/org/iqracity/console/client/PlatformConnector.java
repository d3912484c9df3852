package org.iqracity.console.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Opens a {@link PlatformClient} for an address; all clients share one connection pool. */
@FunctionalInterface
public interface PlatformConnector {

    PlatformClient connect(URI baseUri);

    /** Over HTTP(S), trusting the JDK's certificate authorities. */
    static PlatformConnector overHttp() {
        return overHttp(PlatformTrust.jdkDefaults());
    }

    /** Over HTTP(S), trusting the given certificate authorities. */
    static PlatformConnector overHttp(PlatformTrust trust) {
        OkHttpClient okHttp = trust.applyTo(new OkHttpClient.Builder())
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(true)
                .build();
        return baseUri -> new HttpPlatformClient(baseUri, okHttp, Clock.systemUTC());
    }
}
