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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.seawall.CaseRequests;
import io.seawall.Fixtures;
import io.seawall.ProcessJournal;
import io.seawall.SeawallTest;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import io.seawall.engine.EmbeddedEngine;
import io.seawall.engine.EngineClock;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
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
 * an operator can act on, listed with its reason and on the case; once the provider is back, a
 * manager retries the step from Seawall (no Operate on the embedded engine) and the case carries on; a
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
        .contains("If a provider is down, wait for it, then retry the step")
        .doesNotContain("asak_test_outage");
    long jobKey = journal.failedJobKey(flow, "check-tracking");
    String listed = http.perform(get("/api/incidents").param("caseId", caseId.toString()).with(httpBasic("ops", "ops")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(JsonPath.<List<String>>read(listed, "$[?(@.jobKey == " + jobKey + ")].reason")).containsExactly(incident);
    assertThat(cases.find(caseId).timeline()).anyMatch(e -> e.kind() == TimelineKind.STEP_FAILED);

    aftership.resetAll();
    aftership.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(VERSION + "/trackings")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(fixture("tracking-in-transit-200.json"))));
    http.perform(post("/api/incidents/" + jobKey + "/retry").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk());

    await().atMost(Duration.ofSeconds(30)).until(() -> journal.completedSteps(flow).contains("check-tracking"));
    assertThat(cases.find(caseId).timeline())
        .anyMatch(e -> e.kind() == TimelineKind.STEP_RETRIED && e.actor().equals("manager"));
    http.perform(get("/api/incidents").param("caseId", caseId.toString()).with(httpBasic("ops", "ops")))
        .andExpect(jsonPath("$.length()").value(0));
    http.perform(post("/api/incidents/" + jobKey + "/retry").with(httpBasic("manager", "manager")))
        .andExpect(status().isNotFound());
    http.perform(post("/api/incidents/" + jobKey + "/retry").with(httpBasic("agent", "agent")))
        .andExpect(status().isForbidden());
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
