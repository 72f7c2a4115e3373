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
import io.seawall.cases.TimelineKind;
import io.seawall.engine.EmbeddedEngine;
import io.seawall.engine.EngineClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A parcel the buyer has not received, on the sandbox carrier (SW numbers tell their story; a claim
 * is decided seven days after filing, rejected for numbers starting SW9): an express parcel silent
 * for a week is claimed and replaced and the claim reimbursed, a "delivered but not received" parcel
 * is traced first, a postal parcel is left alone until its silence is worth a trace, and a claim not
 * filed in time reaches an escalation manager before the carrier's window closes.
 */
@SeawallTest
class LostParcelFlowTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;
  @Autowired EngineClock clock;
  AgentDesk desk;
  ProcessJournal journal;
  FlowDriver flows;

  @BeforeEach
  void agentsAtTheirDesk() {
    desk = new AgentDesk(http);
    journal = new ProcessJournal(engine);
    flows = new FlowDriver(cases, journal, clock);
  }

  @Test
  void anExpressParcelSilentForEightDaysIsClaimedAndReplacedAndTheCarrierReimbursesTheSeller() throws Exception {
    UUID caseId = openAs(http, "agent", notReceived("NOT_RECEIVED", "DHL", "SW0000000088"));
    long flow = flows.flowOf(caseId, "lost-parcel");

    long task = desk.awaitTask(caseId, "claim-and-replace");
    desk.complete(task, "agent", "{\"remedy\": \"RESHIP\", \"claimDescription\": \"No scan for 8 days\"}")
        .andExpect(status().isOk());
    long replacement = await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.calledInstance(flow, "reship"), found -> found.isPresent()).orElseThrow();
    flows.pollRound(replacement, "poll-outbound", 1, Duration.ofHours(24));
    flows.pollRound(replacement, "poll-tracking", 1, Duration.ofDays(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(caseId).status() == CaseStatus.RESOLVED);
    flows.pollRound(flow, "wait-for-claim", 1, Duration.ofDays(6));

    CaseView done = finished(caseId, flow);
    assertThat(done.type()).isEqualTo(CaseType.LOST_PARCEL);
    assertThat(done.resolution()).isEqualTo("RESHIPPED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "parcel-may-be-lost", "check-tracking", "decide-action", "decide-claim-window", "set-claim-deadline",
        "claim-and-replace", "file-claim", "replace-parcel", "wait-for-claim", "check-claim", "claim-reimbursed");
    assertThat(journal.variables(flow))
        // The replacement's delivery is the last tracking Seawall read.
        .containsEntry("trackingStatus", "\"DELIVERED\"")
        .containsEntry("daysSinceLastScan", "8")
        .containsEntry("carrierClass", "\"EXPRESS\"")
        .containsEntry("lane", "\"CROSS_BORDER\"")
        .containsEntry("deliveredNotReceived", "false")
        .containsEntry("claimStage", "\"APPROVED\"")
        .containsEntry("claimApprovedAmount", "59.0");
    assertThat(journal.variables(flow).get("claimWindow")).contains("\"claimWindowDays\":30");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind).containsSubsequence(
        TimelineKind.CLAIM_FILED, TimelineKind.OUTBOUND_PLACED, TimelineKind.PARCEL_SHIPPED,
        TimelineKind.CASE_RESOLVED, TimelineKind.CLAIM_REIMBURSED);
  }

  @Test
  void aParcelDeliveredButNotReceivedIsTracedFirstAndClosedWhenFound() throws Exception {
    UUID caseId = openAs(http, "agent", notReceived("DELIVERED_NOT_RECEIVED", "DHL", "SW0000000004"));

    long task = desk.awaitTask(caseId, "trace-parcel");
    desk.complete(task, "agent", "{\"traceOutcome\": \"FOUND\"}").andExpect(status().isOk());

    long flow = flows.flowOf(caseId, "lost-parcel");
    CaseView done = finished(caseId, flow);
    assertThat(done.resolution()).isEqualTo("PARCEL_FOUND");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "check-tracking", "decide-action", "trace-parcel", "close-found", "parcel-found")
        .doesNotContain("file-claim");
    assertThat(journal.variables(flow))
        .containsEntry("trackingStatus", "\"DELIVERED\"")
        .containsEntry("deliveredNotReceived", "true");
  }

  @Test
  void aPostalParcelIsTracedOnceItsSilenceIsWorthItThenRefundedAndTheRejectedClaimRecorded() throws Exception {
    UUID caseId = openAs(http, "agent", notReceived("NOT_RECEIVED", "China Post", "SW9000000148"));
    long flow = flows.flowOf(caseId, "lost-parcel");
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(flow, "look-again"));
    assertThat(journal.variables(flow)).containsEntry("daysSinceLastScan", "14")
        .containsEntry("carrierClass", "\"POSTAL\"");

    clock.advance(Duration.ofDays(3).plusMinutes(1));
    long trace = desk.awaitTask(caseId, "trace-parcel");
    assertThat(journal.variables(flow)).containsEntry("daysSinceLastScan", "17");
    desk.complete(trace, "agent", "{\"traceOutcome\": \"NOT_FOUND\"}").andExpect(status().isOk());
    long claim = desk.awaitTask(caseId, "claim-and-replace");
    desk.complete(claim, "agent", "{\"remedy\": \"REFUND\", \"claimDescription\": \"Trace found nothing\"}")
        .andExpect(status().isOk());
    await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(caseId).status() == CaseStatus.RESOLVED);
    flows.pollRound(flow, "wait-for-claim", 1, Duration.ofDays(7));

    CaseView done = finished(caseId, flow);
    assertThat(done.resolution()).isEqualTo("REFUNDED_LOST_PARCEL");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "check-tracking", "decide-action", "look-again", "check-tracking", "decide-action", "trace-parcel",
        "decide-claim-window", "claim-and-replace", "file-claim", "refund-lost-parcel", "tell-buyer-refunded",
        "close-refunded", "check-claim", "claim-rejected");
    assertThat(journal.variables(flow).get("claimWindow")).contains("\"claimWindowDays\":180");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind).containsSubsequence(
        TimelineKind.CLAIM_FILED, TimelineKind.REFUND_ISSUED, TimelineKind.CASE_RESOLVED, TimelineKind.CLAIM_REJECTED);
    assertThat(done.messages()).extracting(CaseView.MessageView::template).containsExactly("refund-issued");
  }

  @Test
  void aClaimNotFiledThreeDaysBeforeTheCarriersWindowClosesGoesToAnEscalationManager() throws Exception {
    // First scan nine days before the case (label created two days before the seven silent days):
    // DHL Express's 30-day window closes in 21 days, so the manager is called after 18.
    UUID caseId = openAs(http, "agent", notReceived("NOT_RECEIVED", "DHL", "SW0000000078"));
    long flow = flows.flowOf(caseId, "lost-parcel");
    desk.awaitTask(caseId, "claim-and-replace");
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(flow, "claim-window-closing"));

    clock.advance(Duration.ofDays(17));
    assertThat(journal.completedSteps(flow)).doesNotContain("claim-window-closing");
    clock.advance(Duration.ofDays(1).plusMinutes(5));

    long escalation = desk.awaitTask(caseId, "escalate-claim-window", "manager");
    desk.complete(escalation, "manager", "{\"managerAction\": \"TOOK_OVER\"}");
    assertThat(journal.completedSteps(flow)).contains("claim-window-closing").doesNotContain("file-claim");
    desk.awaitTask(caseId, "claim-and-replace");
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

  private CaseView finished(UUID caseId, long flow) {
    await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(caseId).status() == CaseStatus.RESOLVED);
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.isCompleted(flow));
    return cases.find(caseId);
  }
}
