package org.iqracity.console.platform.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.platform.http.ManagementServer;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.Test;

/** The sender's progress, as Prometheus scrapes it: one count per message handed to the mail server, by outcome. */
class BreachSenderMetricsTest {

    @Test
    void everyNoticeTheSenderHandsToTheMailServerIsCountedByItsOutcome() throws Exception {
        try (PlatformFixture fixture = PlatformFixture.startH2(300, c -> c.withOperations(
                PlatformConfig.Operations.DEFAULT.withManagement("127.0.0.1", 0, null)))) {
            BreachApi breach = new BreachApi(fixture.api());
            Jdbc jdbc = fixture.jdbc();
            String officer = fixture.api().signIn("nb-security");
            String officer2 = fixture.api().signIn("nb-security2");
            String course = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'northbridge' "
                    + "ORDER BY enrollment_count, id", rs -> rs.getString(1)).orElseThrow();
            IncidentDto draft = breach.created(officer, breach.request("Warehouse exposure",
                    new BreachScope(ScopeMode.FILTER, List.of(course), null, null, List.of(), List.of()),
                    fixture.api().clock().instant().minus(Duration.ofHours(5))));
            breach.approved(officer2, breach.submitted(officer, draft.id()));
            breach.sent(officer2, draft.id());
            breach.awaitSent(officer, draft.id(), Duration.ofSeconds(60));
            long sent = jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE incident_id = ? AND status = 'SENT'",
                    rs -> rs.getLong(1), draft.id()).orElseThrow();

            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + fixture.platform().managementPort().orElseThrow()
                            + ManagementServer.METRICS)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(sent).isPositive();
            assertThat(scrape.body().lines().filter(l -> l.startsWith("platform_notice_messages_total{")
                    && l.contains("outcome=\"sent\"")).toList())
                    .singleElement().satisfies(l -> assertThat(l).endsWith(" " + sent + ".0"));
        }
    }
}
