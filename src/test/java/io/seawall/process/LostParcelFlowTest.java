package io.seawall.process;

import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.AgentDesk;
import io.seawall.CaseRequests;
import io.seawall.ProcessJournal;
import io.seawall.SeawallTest;
import io.seawall.cases.CaseStatus;
import io.seawall.cases.CaseType;
import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.engine.EmbeddedEngine;
import io.seawall.engine.EngineClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A parcel the buyer has not received, on the sandbox carrier (SW numbers tell their story): an
 * express parcel silent for a week is claimed and replaced, a "delivered but not received" parcel is
 * traced first, and a postal parcel is left alone until its silence becomes worth a trace.
 */
@SeawallTest
class LostParcelFlowTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;
  @Autowired EngineClock clock;
  AgentDesk desk;
  ProcessJournal journal;

  @BeforeEach
  void agentsAtTheirDesk() {
    desk = new AgentDesk(http);
    journal = new ProcessJournal(engine);
  }

  @Test
  void anExpressParcelSilentForEightDaysIsClaimedAndReplaced() throws Exception {
    UUID caseId = openAs(http, "agent", notReceived("NOT_RECEIVED", "DHL", "SW0000000088"));

    long task = desk.awaitTask(caseId, "claim-and-replace");
    desk.complete(task, "agent", "{\"agentResolution\": \"RESHIPPED\"}").andExpect(status().isOk());

    CaseView done = resolved(caseId);
    assertThat(done.type()).isEqualTo(CaseType.LOST_PARCEL);
    assertThat(done.resolution()).isEqualTo("RESOLVED_BY_AGENT:RESHIPPED");
    long flow = journal.calledInstance(done.processInstanceKey(), "lost-parcel").orElseThrow();
    assertThat(journal.completedSteps(flow)).containsExactly(
        "parcel-may-be-lost", "check-tracking", "decide-action", "claim-and-replace", "close-claimed",
        "parcel-replaced");
    assertThat(journal.variables(flow))
        .containsEntry("trackingStatus", "\"IN_TRANSIT\"")
        .containsEntry("daysSinceLastScan", "8")
        .containsEntry("carrierClass", "\"EXPRESS\"")
        .containsEntry("lane", "\"CROSS_BORDER\"")
        .containsEntry("deliveredNotReceived", "false");
  }

  @Test
  void aParcelDeliveredButNotReceivedIsTracedFirstAndClosedWhenFound() throws Exception {
    UUID caseId = openAs(http, "agent", notReceived("DELIVERED_NOT_RECEIVED", "DHL", "SW0000000004"));

    long task = desk.awaitTask(caseId, "trace-parcel");
    desk.complete(task, "agent", "{\"traceOutcome\": \"FOUND\"}").andExpect(status().isOk());

    CaseView done = resolved(caseId);
    assertThat(done.resolution()).isEqualTo("PARCEL_FOUND");
    long flow = journal.calledInstance(done.processInstanceKey(), "lost-parcel").orElseThrow();
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "check-tracking", "decide-action", "trace-parcel", "close-found", "parcel-found");
    assertThat(journal.variables(flow))
        .containsEntry("trackingStatus", "\"DELIVERED\"")
        .containsEntry("deliveredNotReceived", "true");
  }

  @Test
  void aPostalParcelIsLeftAloneUntilItsSilenceIsWorthATraceThenClaimedWhenNotFound() throws Exception {
    UUID caseId = openAs(http, "agent", notReceived("NOT_RECEIVED", "China Post", "SW0000000148"));
    long instance = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId).processInstanceKey(), key -> key != null);
    long flow = await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.calledInstance(instance, "lost-parcel"), found -> found.isPresent()).orElseThrow();
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(flow, "look-again"));
    assertThat(journal.variables(flow)).containsEntry("daysSinceLastScan", "14")
        .containsEntry("carrierClass", "\"POSTAL\"");

    clock.advance(Duration.ofDays(3).plusMinutes(1));
    long trace = desk.awaitTask(caseId, "trace-parcel");
    assertThat(journal.variables(flow)).containsEntry("daysSinceLastScan", "17");
    desk.complete(trace, "agent", "{\"traceOutcome\": \"NOT_FOUND\"}").andExpect(status().isOk());
    long claim = desk.awaitTask(caseId, "claim-and-replace");
    desk.complete(claim, "agent", "{\"agentResolution\": \"REFUNDED\"}").andExpect(status().isOk());

    CaseView done = resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RESOLVED_BY_AGENT:REFUNDED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "check-tracking", "decide-action", "look-again", "check-tracking", "decide-action", "trace-parcel",
        "claim-and-replace", "close-claimed");
  }

  /** A buyer with nothing in hand: the shipment is still in transit as far as the shop knows. */
  private static String notReceived(String reason, String carrier, String trackingNumber) {
    String order = uniqueOrder();
    return CaseRequests.body("SHOPIFY", order, "DE", "de", "Europe/Berlin", reason, "Nichts angekommen",
            "59.00", "EUR", 1, 0)
        .replaceAll("\"carrier\": \"[^\"]*\"", "\"carrier\": \"" + carrier + "\"")
        .replaceAll("\"trackingNumber\": \"[^\"]*\"", "\"trackingNumber\": \"" + trackingNumber + "\"")
        .replaceAll("\"status\": \"DELIVERED\", \"deliveredAt\": \"[^\"]*\"", "\"status\": \"IN_TRANSIT\"");
  }

  private CaseView resolved(UUID caseId) {
    long processInstanceKey = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId), c -> c.status() == CaseStatus.RESOLVED).processInstanceKey();
    await().atMost(Duration.ofSeconds(10)).until(() -> journal.isCompleted(processInstanceKey));
    return cases.find(caseId);
  }
}
