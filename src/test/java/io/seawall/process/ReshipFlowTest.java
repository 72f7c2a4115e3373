package io.seawall.process;

import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.AgentDesk;
import io.seawall.CaseRequests;
import io.seawall.ProcessJournal;
import io.seawall.SeawallTest;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Replacements shipped from the sandbox warehouse, which ships a day after the order and tells its
 * stories by SKU (-SOLDOUT at the default site, -SLOW never ships) and by address (no postal code is
 * refused). The engine clock drives the warehouse and the carrier.
 */
@SeawallTest
class ReshipFlowTest {

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
  void aBrokenItemIsReplacedFromTheWarehouseNearTheBuyerAndDelivered() throws Exception {
    UUID caseId = openAs(http, "agent", brokenInGermany("VASE-1", "10115"));
    long flow = flows.flowOf(caseId, "reship");
    flows.pollRound(flow, "poll-outbound", 1, Duration.ofHours(24));
    flows.pollRound(flow, "poll-tracking", 1, Duration.ofDays(1));

    CaseView done = flows.resolved(caseId);
    assertThat(done.type()).isEqualTo(CaseType.RESHIP);
    assertThat(done.resolution()).isEqualTo("RESHIPPED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "place-outbound", "poll-outbound", "follow-outbound", "dispatch-known", "await-dispatch",
        "tell-buyer-dispatched", "poll-tracking", "read-reship-tracking", "delivery-known", "await-delivery",
        "close-reshipped", "reshipped");
    assertThat(journal.variables(flow))
        .containsEntry("warehouseSite", "\"GC-DE-FRA\"")
        .containsEntry("outboundStage", "\"SHIPPED\"")
        .containsEntry("trackingStatus", "\"DELIVERED\"");
    assertThat(journal.variables(flow).get("outboundReference")).endsWith("-RS1\"");
    assertThat(done.shipments()).hasSize(2);
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind)
        .containsSubsequence(TimelineKind.OUTBOUND_PLACED, TimelineKind.PARCEL_SHIPPED, TimelineKind.CASE_RESOLVED);
    assertThat(done.messages()).extracting(CaseView.MessageView::template).containsExactly("reship-dispatched");
  }

  @Test
  void anItemSoldOutNearTheBuyerShipsFromTheSiteTheAgentChooses() throws Exception {
    UUID caseId = openAs(http, "agent", brokenInGermany("MUG-SOLDOUT", "10115"));
    long flow = flows.flowOf(caseId, "reship");

    long task = desk.awaitTask(caseId, "decide-reship-problem");
    assertThat(journal.variables(flow)).containsEntry("reshipProblem", "\"OUT_OF_STOCK\"");
    desk.complete(task, "agent", "{\"reshipDecision\": \"OTHER_WAREHOUSE\", \"warehouseSite\": \"GC-CZ-PRG\"}")
        .andExpect(status().isOk());
    flows.pollRound(flow, "poll-outbound", 1, Duration.ofHours(24));
    flows.pollRound(flow, "poll-tracking", 1, Duration.ofDays(1));

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RESHIPPED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "outbound-refused", "decide-reship-problem", "cancel-open-orders", "place-outbound", "await-dispatch");
    assertThat(journal.variables(flow))
        .containsEntry("warehouseSite", "\"GC-CZ-PRG\"")
        .containsEntry("outboundAttempt", "2");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind)
        .containsSubsequence(TimelineKind.OUTBOUND_REFUSED, TimelineKind.OUTBOUND_PLACED);
  }

  @Test
  void anAddressTheWarehouseRefusesIsCorrectedByTheAgentAndShippedAgain() throws Exception {
    UUID caseId = openAs(http, "agent", brokenInGermany("PLATE-1", ""));
    long flow = flows.flowOf(caseId, "reship");

    long task = desk.awaitTask(caseId, "decide-reship-problem");
    assertThat(journal.variables(flow)).containsEntry("reshipProblem", "\"ADDRESS_INVALID\"");
    assertThat(journal.variables(flow).get("reshipProblemDetail")).contains("postalCode").doesNotContain("Musterstr");
    http.perform(put("/api/cases/" + caseId + "/delivery-address").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"line1\": \"Musterstr. 1\", \"city\": \"Berlin\", \"postalCode\": \"10115\"}"))
        .andExpect(status().isNoContent());
    desk.complete(task, "agent", "{\"reshipDecision\": \"ADDRESS_CORRECTED\"}").andExpect(status().isOk());
    flows.pollRound(flow, "poll-outbound", 1, Duration.ofHours(24));
    flows.pollRound(flow, "poll-tracking", 1, Duration.ofDays(1));

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RESHIPPED");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind)
        .containsSubsequence(TimelineKind.OUTBOUND_REFUSED, TimelineKind.ADDRESS_CORRECTED,
            TimelineKind.OUTBOUND_PLACED, TimelineKind.PARCEL_SHIPPED);
  }

  @Test
  void aDispatchLateTwiceIsEscalatedToAManagerAndEndsInARefundWithTheOpenOrderCancelled() throws Exception {
    UUID caseId = openAs(http, "agent", brokenInGermany("CLOCK-SLOW", "10115"));
    long flow = flows.flowOf(caseId, "reship");
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(flow, "dispatch-overdue"));
    clock.advance(Duration.ofDays(3).plusMinutes(1));

    long task = desk.awaitTask(caseId, "decide-reship-problem");
    assertThat(journal.variables(flow)).containsEntry("reshipProblem", "\"DISPATCH_LATE\"");
    long escalation = desk.awaitTask(caseId, "await-dispatch-escalation", "manager");
    desk.complete(escalation, "manager", "{\"managerAction\": \"REMINDED_TEAM\"}").andExpect(status().isOk());
    desk.complete(task, "agent", "{\"reshipDecision\": \"KEEP_WAITING\"}").andExpect(status().isOk());
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.timersScheduled(flow, "dispatch-overdue") >= 2);
    clock.advance(Duration.ofDays(3).plusMinutes(1));
    long again = desk.awaitTask(caseId, "decide-reship-problem");
    long escalatedAgain = desk.awaitTask(caseId, "await-dispatch-escalation", "manager");
    desk.complete(escalatedAgain, "manager", "{\"managerAction\": \"TOOK_OVER\"}").andExpect(status().isOk());
    desk.complete(again, "agent", "{\"reshipDecision\": \"REFUND_INSTEAD\"}").andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "await-dispatch-at-risk", "await-dispatch-breach", "await-dispatch-escalation");
    // Both waits ran past 48 h: at risk and breached each time (the clock jumped past both marks at once).
    assertThat(done.timeline()).filteredOn(e -> e.kind() == TimelineKind.SLA_BREACHED).hasSize(2)
        .allSatisfy(e -> assertThat(e.step()).isEqualTo("await-dispatch"));
    assertThat(done.timeline()).filteredOn(e -> e.kind() == TimelineKind.FLAGGED_AT_RISK).hasSize(2);
    // The overdue timer interrupts the wait (no end listener runs): its clocks close with the case.
    String stillAtRisk = http.perform(get("/api/sla/at-risk").param("process", "reship").param("size", "100")
            .with(httpBasic("manager", "manager")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(stillAtRisk).doesNotContain(caseId.toString());
    assertThat(done.resolution()).isEqualTo("REFUNDED_INSTEAD_OF_RESHIP");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "dispatch-overdue", "note-late-dispatch", "decide-reship-problem", "cancel-before-refund", "refund-instead",
        "tell-buyer-refunded", "close-refunded", "refunded-instead").contains("cancel-outbound");
    assertThat(journal.variables(flow)).containsEntry("outboundOrdersCancelled", "1");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind)
        .containsSubsequence(TimelineKind.OUTBOUND_PLACED, TimelineKind.OUTBOUND_CANCELLED, TimelineKind.REFUND_ISSUED);
    assertThat(done.messages()).extracting(CaseView.MessageView::template).containsExactly("refund-issued");
  }

  @Test
  void aReplacementTheCarrierSendsBackGoesToAnAgent() throws Exception {
    UUID caseId = openAs(http, "agent", brokenInGermany("LAMP-ASTRAY", "10115"));
    long flow = flows.flowOf(caseId, "reship");
    flows.pollRound(flow, "poll-outbound", 1, Duration.ofHours(24));
    flows.pollRound(flow, "poll-tracking", 1, Duration.ofDays(1));

    long task = desk.awaitTask(caseId, "follow-up-delivery");
    desk.complete(task, "agent", "{\"agentResolution\": \"REFUNDED\"}").andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RESOLVED_BY_AGENT:REFUNDED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "await-dispatch", "tell-buyer-dispatched", "read-reship-tracking", "delivery-known", "await-delivery",
        "follow-up-delivery", "close-by-agent", "settled-by-agent").doesNotContain("close-reshipped");
    assertThat(journal.variables(flow)).containsEntry("trackingStatus", "\"EXCEPTION\"");
  }

  @Test
  void anOrderTheWarehouseCancelsGoesBackToTheAgentWhoRefundsInstead() throws Exception {
    UUID caseId = openAs(http, "agent", brokenInGermany("BOWL-WITHDRAWN", "10115"));
    long flow = flows.flowOf(caseId, "reship");
    flows.pollRound(flow, "poll-outbound", 1, Duration.ofHours(6));

    long task = desk.awaitTask(caseId, "decide-reship-problem");
    assertThat(journal.variables(flow)).containsEntry("reshipProblem", "\"WAREHOUSE_CANCELLED\"")
        .containsEntry("outboundStage", "\"CANCELLED\"");
    desk.complete(task, "agent", "{\"reshipDecision\": \"REFUND_INSTEAD\"}").andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("REFUNDED_INSTEAD_OF_RESHIP");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "follow-outbound", "dispatch-known", "await-dispatch", "note-cancellation", "decide-reship-problem",
        "cancel-before-refund", "refund-instead", "close-refunded");
    assertThat(journal.variables(flow)).containsEntry("outboundOrdersCancelled", "0");
  }

  /** A German buyer's 49.00 EUR item arrived broken two days ago: the resolution path is a reship. */
  private static String brokenInGermany(String sku, String postalCode) {
    return CaseRequests.body("SHOPIFY", uniqueOrder(), "DE", "de", "Europe/Berlin", "DAMAGED", "Kaputt angekommen",
            "49.00", "EUR", 1, 2)
        .replace("\"SKU-1\"", "\"" + sku + "\"")
        .replace("\"postalCode\": \"10115\"", "\"postalCode\": \"" + postalCode + "\"");
  }
}
