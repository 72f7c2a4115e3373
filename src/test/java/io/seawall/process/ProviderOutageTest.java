package io.seawall.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.client.CamundaClient;
import io.seawall.CaseRequests;
import io.seawall.Fixtures;
import io.seawall.ProcessJournal;
import io.seawall.SeawallTest;
import io.seawall.cases.Cases;
import io.seawall.engine.EmbeddedEngine;
import io.seawall.engine.EngineClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A carrier's API that fails, on the real engine with the real AfterShip adapter against a stand-in
 * for AfterShip: an outage is retried with growing waits on the engine clock and ends in an incident
 * an operator can act on; once the provider is back, retrying the incident carries the case on; a
 * 429 is retried after the provider's Retry-After, not before.
 */
@SeawallTest
class ProviderOutageTest {

  private static final String VERSION = "/tracking/2024-07";

  @RegisterExtension
  static WireMockExtension aftership = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  @DynamicPropertySource
  static void afterShip(DynamicPropertyRegistry registry) {
    registry.add("seawall.carrier.adapter", () -> "aftership");
    registry.add("seawall.carrier.aftership.base-url", () -> aftership.baseUrl() + VERSION);
    registry.add("seawall.carrier.aftership.api-key", () -> "asak_test_outage");
  }

  @Autowired org.springframework.test.web.servlet.MockMvc http;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;
  @Autowired EngineClock clock;
  @Autowired CamundaClient camunda;
  ProcessJournal journal;

  @BeforeEach
  void freshProvider() {
    aftership.resetAll();
    journal = new ProcessJournal(engine);
  }

  @Test
  void anOutageIsRetriedWithGrowingWaitsThenAnIncidentSaysWhatToDoAndRetryingItCarriesOn() throws Exception {
    aftership.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
        .willReturn(aResponse().withStatus(503).withBody("{\"meta\":{\"code\":503,\"message\":\"down\"}}")));
    UUID caseId = openAs(http, "agent", lostWithDhl());
    long flow = lostParcelFlowOf(caseId);

    awaitFailures(flow, 1);
    assertThat(calls()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(100));
    assertThat(calls()).as("no second attempt before the 2-minute back-off").isEqualTo(1);
    clock.advance(Duration.ofSeconds(30));
    awaitFailures(flow, 2);
    assertThat(calls()).isEqualTo(2);
    clock.advance(Duration.ofMinutes(10).plusSeconds(10));
    await().atMost(Duration.ofSeconds(30)).until(() -> calls() == 3);

    String incident = await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.incidents(flow), found -> !found.isEmpty()).getFirst();
    assertThat(incident)
        .startsWith("carrier.check-tracking at check-tracking failed on every attempt")
        .contains("If a provider is down, wait for it and retry the incident in Operate")
        .doesNotContain("asak_test_outage");

    aftership.resetAll();
    aftership.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(VERSION + "/trackings")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(fixture("tracking-in-transit-200.json"))));
    retryIncident(flow);

    await().atMost(Duration.ofSeconds(30)).until(() -> journal.completedSteps(flow).contains("check-tracking"));
  }

  @Test
  void aThrottledCallWaitsForTheProvidersRetryAfter() throws Exception {
    aftership.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(VERSION + "/trackings")
        .inScenario("throttled").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "300")
            .withHeader("Content-Type", "application/json").withBody(fixture("error-429-too-many-requests.json")))
        .willSetStateTo("calm"));
    aftership.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(VERSION + "/trackings")
        .inScenario("throttled").whenScenarioStateIs("calm")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(fixture("tracking-in-transit-200.json"))));
    UUID caseId = openAs(http, "agent", lostWithDhl());
    long flow = lostParcelFlowOf(caseId);

    awaitFailures(flow, 1);
    assertThat(calls()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(4));
    assertThat(calls()).as("no second attempt before Retry-After").isEqualTo(1);
    clock.advance(Duration.ofMinutes(1).plusSeconds(10));

    await().atMost(Duration.ofSeconds(30)).until(() -> journal.completedSteps(flow).contains("check-tracking"));
    assertThat(calls()).isEqualTo(2);
    assertThat(journal.incidents(flow)).isEmpty();
  }

  private long calls() {
    return aftership.findAll(postRequestedFor(urlEqualTo(VERSION + "/trackings"))
        .withHeader("as-api-key", equalTo("asak_test_outage"))).size();
  }

  /** The back-off runs from when the engine records the failure, so the clock moves only after that. */
  private void awaitFailures(long flow, long count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.failedAttempts(flow, "check-tracking") == count);
  }

  private void retryIncident(long flow) {
    long jobKey = journal.failedJobKey(flow, "check-tracking");
    camunda.newUpdateRetriesCommand(jobKey).retries(1).send().join();
    camunda.newResolveIncidentCommand(journal.incidentKey(flow)).send().join();
  }

  private long lostParcelFlowOf(UUID caseId) {
    long instance = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId).processInstanceKey(), key -> key != null);
    return await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.calledInstance(instance, "lost-parcel"), found -> found.isPresent()).orElseThrow();
  }

  /** A DHL parcel the buyer has not received; its carrier is asked through AfterShip. */
  private static String lostWithDhl() {
    return CaseRequests.body("SHOPIFY", uniqueOrder(), "DE", "de", "Europe/Berlin", "NOT_RECEIVED",
            "Nichts angekommen", "59.00", "EUR", 1, 0)
        .replaceAll("\"status\": \"DELIVERED\", \"deliveredAt\": \"[^\"]*\"", "\"status\": \"IN_TRANSIT\"");
  }

  private static String fixture(String name) {
    return Fixtures.text("carrier/aftership/" + name);
  }
}
