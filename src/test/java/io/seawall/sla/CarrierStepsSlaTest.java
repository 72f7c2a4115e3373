package io.seawall.sla;

import static io.seawall.CaseRequests.jacketTooSmallFromUs;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.jayway.jsonpath.JsonPath;
import io.camunda.client.CamundaClient;
import io.seawall.ProcessJournal;
import io.seawall.SeawallTest;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import io.seawall.engine.EmbeddedEngine;
import io.seawall.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Steps other than an agent's task run against the SLA their model declares: a service task (book
 * the carrier pickup: 2 h, warning at 75 %, team carrier-desk) and a wait for the carrier's first
 * scan (6 h, warning at 50 %), both at once in src/test/resources/bpmn/sla-carrier-steps.bpmn.
 */
@SeawallTest
class CarrierStepsSlaTest {

  @Autowired MockMvc http;
  @Autowired CamundaClient camunda;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;
  @Autowired EngineClock clock;
  SlaTestFlows flows;
  ProcessJournal journal;

  @BeforeEach
  void flows() {
    flows = new SlaTestFlows(http, camunda, engine);
    journal = new ProcessJournal(engine);
  }

  @Test
  void twoStepsRunningAtOnceAreWarnedAndBreachedEachAtItsOwnInstant() throws Exception {
    UUID caseId = openAs(http, "agent", jacketTooSmallFromUs(uniqueOrder()));
    Instant started = clock.now();
    long instance = flows.start("sla-carrier-steps", caseId);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(instance, "book-pickup-breached")
        && journal.hasTimerScheduled(instance, "await-carrier-scan-breached"));

    clock.advance(Duration.ofMinutes(89));
    Thread.sleep(1000);
    assertThat(flows.atRisk(caseId, "book-pickup", false)).isNull();

    clock.advance(Duration.ofMinutes(2));
    String pickup = await().atMost(Duration.ofSeconds(30))
        .until(() -> flows.atRisk(caseId, "book-pickup", false, "team", "carrier-desk", "process", "sla-carrier-steps"),
            json -> json != null);
    Instant pickupStart = Instant.parse(JsonPath.read(pickup, "$.startedAt"));
    assertThat(pickupStart).isBetween(started, started.plusSeconds(30));
    assertThat(Instant.parse(JsonPath.read(pickup, "$.warnAt"))).isEqualTo(pickupStart.plus(Duration.ofMinutes(90)));
    assertThat(Instant.parse(JsonPath.read(pickup, "$.dueAt"))).isEqualTo(pickupStart.plus(Duration.ofHours(2)));
    assertThat(cases.find(caseId).atRisk()).isTrue();
    assertThat(flows.atRisk(caseId, "await-carrier-scan", false)).isNull();
    assertThat(flows.managersTasks(caseId, "book-pickup-escalation")).isEmpty();

    clock.advance(Duration.ofMinutes(30));
    await().atMost(Duration.ofSeconds(30)).until(() -> !flows.managersTasks(caseId, "book-pickup-escalation").isEmpty());
    assertThat(flows.atRisk(caseId, "book-pickup", true, "step", "book-pickup")).isNotNull();
    assertThat(cases.find(caseId).timeline())
        .anyMatch(e -> e.kind() == TimelineKind.SLA_BREACHED && "book-pickup".equals(e.step()));
    assertThat(flows.atRisk(caseId, "await-carrier-scan", false)).isNull();

    clock.advance(Duration.ofMinutes(60));
    String scan = await().atMost(Duration.ofSeconds(30))
        .until(() -> flows.atRisk(caseId, "await-carrier-scan", false), json -> json != null);
    Instant scanStart = Instant.parse(JsonPath.read(scan, "$.startedAt"));
    assertThat(Instant.parse(JsonPath.read(scan, "$.warnAt"))).isEqualTo(scanStart.plus(Duration.ofHours(3)));
    assertThat(Instant.parse(JsonPath.read(scan, "$.dueAt"))).isEqualTo(scanStart.plus(Duration.ofHours(6)));
    assertThat(flows.managersTasks(caseId, "await-carrier-scan-escalation")).isEmpty();
  }

  @Test
  void aPickupBookedAndAScanArrivedInTimeAreMetAndNobodyIsWarned() throws Exception {
    UUID caseId = openAs(http, "agent", jacketTooSmallFromUs(uniqueOrder()));
    Instant from = clock.now();
    long instance = flows.start("sla-carrier-steps", caseId);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(instance, "await-carrier-scan-breached"));

    clock.advance(Duration.ofMinutes(60));
    flows.finishJob("sla-test.book-pickup", instance);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.completedSteps(instance).contains("book-pickup"));
    clock.advance(Duration.ofMinutes(60));
    flows.publish("sla-test.carrier-scanned", caseId);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.isCompleted(instance));

    assertThat(cases.find(caseId).atRisk()).isFalse();
    assertThat(cases.find(caseId).timeline()).noneMatch(e -> e.kind() == TimelineKind.SLA_BREACHED);
    http.perform(get("/api/sla/compliance").with(httpBasic("ops", "ops"))
            .param("from", from.toString()).param("to", clock.now().plusSeconds(1).toString()))
        .andExpect(jsonPath("$[?(@.step == 'book-pickup')].metShare").value(1.0))
        .andExpect(jsonPath("$[?(@.step == 'await-carrier-scan')].metShare").value(1.0))
        .andExpect(jsonPath("$[?(@.step == 'await-carrier-scan')].medianSeconds").value(
            org.hamcrest.Matchers.contains(org.hamcrest.Matchers.both(
                org.hamcrest.Matchers.greaterThanOrEqualTo(2 * 3600)).and(org.hamcrest.Matchers.lessThan(2 * 3600 + 60)))));
  }
}
