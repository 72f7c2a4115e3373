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
 * A step whose SLA pauses while the case waits for the buyer (prepare the replacement: 4 h,
 * warning at 75 %) does not burn time during the wait: an hour after it starts, the case waits for
 * the buyer's photos (src/test/resources/bpmn/sla-buyer-pause.bpmn).
 */
@SeawallTest
class BuyerPauseSlaTest {

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
  void fiveHoursWaitingForTheBuyerMoveTheWarningAndTheBreachOutByFiveHours() throws Exception {
    UUID caseId = openAs(http, "agent", jacketTooSmallFromUs(uniqueOrder()));
    long instance = flows.start("sla-buyer-pause", caseId);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(instance, "prepare-replacement-breached")
        && journal.hasTimerScheduled(instance, "an-hour-later"));
    Instant started = clock.now();

    clock.advance(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> flows.entered(instance, "await-buyer-photos"));
    clock.advance(Duration.ofHours(5));
    Thread.sleep(2000);
    assertThat(cases.find(caseId).atRisk()).isFalse();
    assertThat(flows.managersTasks(caseId, "prepare-replacement-escalation")).isEmpty();

    flows.publish("sla-test.buyer-answered", caseId);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.completedSteps(instance).contains("await-buyer-photos"));
    assertThat(cases.find(caseId).timeline()).filteredOn(e -> "await-buyer-photos".equals(e.step()))
        .extracting(e -> e.kind() + ": " + e.detail())
        .contains("SLA_PAUSED: waiting for the buyer: the SLA of prepare-replacement stands still")
        .anyMatch(entry -> entry.startsWith("SLA_RESUMED: the buyer's wait ended: the SLA of prepare-replacement (now due "));
    clock.advance(Duration.ofMinutes(119));
    Thread.sleep(2000);
    assertThat(cases.find(caseId).atRisk()).isFalse();

    clock.advance(Duration.ofMinutes(2));
    String warned = await().atMost(Duration.ofSeconds(30))
        .until(() -> flows.atRisk(caseId, "prepare-replacement", false), json -> json != null);
    assertThat(Instant.parse(JsonPath.read(warned, "$.warnedAt")))
        .isBetween(started.plus(Duration.ofHours(8)), started.plus(Duration.ofHours(8).plusMinutes(2)));
    assertThat(((Number) JsonPath.read(warned, "$.pausedSeconds")).longValue()).isBetween(5 * 3600L, 5 * 3600L + 30);
    assertThat(flows.managersTasks(caseId, "prepare-replacement-escalation")).isEmpty();

    clock.advance(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> !flows.managersTasks(caseId, "prepare-replacement-escalation").isEmpty());
    String breached = flows.atRisk(caseId, "prepare-replacement", true);
    assertThat(Instant.parse(JsonPath.read(breached, "$.breachedAt")))
        .isBetween(started.plus(Duration.ofHours(9)), started.plus(Duration.ofHours(9).plusMinutes(2)));
    assertThat(cases.find(caseId).timeline())
        .anyMatch(e -> e.kind() == TimelineKind.SLA_BREACHED && "prepare-replacement".equals(e.step()));
  }

  @Test
  void aStepDoneInTimeAfterAPauseIsMetAndNoManagerIsCalled() throws Exception {
    UUID caseId = openAs(http, "agent", jacketTooSmallFromUs(uniqueOrder()));
    Instant from = clock.now();
    long instance = flows.start("sla-buyer-pause", caseId);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(instance, "prepare-replacement-breached")
        && journal.hasTimerScheduled(instance, "an-hour-later"));

    clock.advance(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> flows.entered(instance, "await-buyer-photos"));
    clock.advance(Duration.ofHours(4));
    Thread.sleep(2000);
    flows.publish("sla-test.buyer-answered", caseId);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.completedSteps(instance).contains("await-buyer-photos"));
    clock.advance(Duration.ofHours(1));
    flows.finishJob("sla-test.prepare-replacement", instance);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.completedSteps(instance).contains("prepare-replacement"));
    clock.advance(Duration.ofHours(3));

    await().atMost(Duration.ofSeconds(30)).until(() -> journal.isCompleted(instance));
    assertThat(journal.completedSteps(instance)).contains("prepare-replacement-met-after-pause")
        .doesNotContain("prepare-replacement-escalation");
    assertThat(cases.find(caseId).atRisk()).isFalse();
    assertThat(cases.find(caseId).timeline()).noneMatch(e -> e.kind() == TimelineKind.SLA_BREACHED);
    http.perform(get("/api/sla/compliance").with(httpBasic("ops", "ops"))
            .param("from", from.toString()).param("to", clock.now().plusSeconds(1).toString()))
        .andExpect(jsonPath("$[?(@.step == 'prepare-replacement')].metShare").value(1.0))
        .andExpect(jsonPath("$[?(@.step == 'prepare-replacement')].medianSeconds").value(
            org.hamcrest.Matchers.contains(org.hamcrest.Matchers.both(
                org.hamcrest.Matchers.greaterThanOrEqualTo(2 * 3600)).and(org.hamcrest.Matchers.lessThan(2 * 3600 + 60)))));
  }
}
