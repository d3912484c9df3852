package org.iqracity.console.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PlatformAddressTest {

    @Test
    void hostWithoutSchemeMeansHttps() {
        assertThat(PlatformAddress.parse("platform.example.org")).contains(URI.create("https://platform.example.org"));
    }

    @Test
    void loopbackWithoutSchemeMeansPlainHttp() {
        assertThat(PlatformAddress.parse(" 127.0.0.1:8080/ ")).contains(URI.create("http://127.0.0.1:8080"));
        assertThat(PlatformAddress.parse("localhost:9000")).contains(URI.create("http://localhost:9000"));
    }

    @Test
    void trailingSlashesAndQueriesAreDropped() {
        assertThat(PlatformAddress.parse("https://members.example.org/iqra/?x=1"))
                .contains(URI.create("https://members.example.org/iqra"));
    }

    @Test
    void theApiAddressThePlatformPrintsIsTakenForItsBase() {
        assertThat(PlatformAddress.parse("http://127.0.0.1:8080/api/v1")).contains(URI.create("http://127.0.0.1:8080"));
        assertThat(PlatformAddress.parse("https://members.example.org/iqra/api/v1/"))
                .contains(URI.create("https://members.example.org/iqra"));
        assertThat(PlatformAddress.parse("https://members.example.org/api/v12"))
                .as("only the API's own path").contains(URI.create("https://members.example.org/api/v12"));
    }

    @Test
    void otherSchemesAndBlanksAreNotPlatformAddresses() {
        assertThat(PlatformAddress.parse("ftp://files.example.org")).isEmpty();
        assertThat(PlatformAddress.parse("   ")).isEmpty();
        assertThat(PlatformAddress.parse("https://")).isEmpty();
    }
}
