package io.seawall.process;

import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.camunda.client.CamundaClient;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Buyers sending items back, on the sandbox marketplace, carrier and warehouse: the last digit of
 * the order reference picks what the buyer does with the label (4 ships at once, 1 never ships), the
 * SKU what the warehouse finds (-RUINED fails). Carrier and warehouse news arrives either by
 * Seawall polling them on the engine clock, or as the messages intake publishes from webhooks.
 */
@SeawallTest
class ReturnFlowTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;
  @Autowired EngineClock clock;
  @Autowired CamundaClient camunda;
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
  void aBuyerWhoChangedTheirMindSendsTheItemBackAndIsRefundedLessTheLabelTheyPayFor() throws Exception {
    UUID caseId = openAs(http, "agent", returnFromGermany("CHANGED_MIND", "DRESS-1", "59.00", "4", null));
    long flow = flows.flowOf(caseId, "return");

    flows.pollRound(flow, "poll-return-tracking", 1, Duration.ofHours(12));
    flows.pollRound(flow, "poll-warehouse", 1, Duration.ofDays(1));
    flows.pollRound(flow, "poll-warehouse", 2, Duration.ofDays(1));

    CaseView done = flows.resolved(caseId);
    assertThat(done.type()).isEqualTo(CaseType.RETURN);
    assertThat(done.resolution()).isEqualTo("RETURNED_AND_REFUNDED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "check-eligibility", "authorise-return", "decide-shipping-payer", "quote-return-label",
        "send-return-label", "tell-buyer-label", "poll-return-tracking", "read-return-tracking",
        "parcel-on-its-way", "await-buyer-parcel", "poll-warehouse", "check-return", "poll-warehouse",
        "check-return", "inspection-known", "await-receipt", "decide-refund", "settle-refund-amount",
        "refund-return", "tell-buyer-refunded", "close-refunded", "returned-and-refunded");
    // The EU buyer was told before buying that they pay for returns: 59.00 less the label (7.50 USD = 6.94 EUR).
    assertThat(journal.variables(flow))
        .containsEntry("trackingStatus", "\"DELIVERED\"")
        .containsEntry("inspectionResult", "\"PASS\"")
        .containsEntry("labelCostInOrderCurrency", "6.94")
        .containsEntry("refundAmount", "52.06")
        .containsEntry("refundedAmount", "52.06");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind).containsSubsequence(
        TimelineKind.RETURN_AUTHORISED, TimelineKind.LABEL_CREATED, TimelineKind.RETURN_INSPECTED,
        TimelineKind.REFUND_ISSUED, TimelineKind.CASE_RESOLVED);
    assertThat(done.messages()).extracting(CaseView.MessageView::template)
        .containsExactly("return-label", "return-refunded");
    assertThat(done.messages().getLast().body()).contains("52,06");
  }

  @Test
  void carrierAndWarehouseWebhooksMoveTheReturnWithoutWaitingForAPoll() throws Exception {
    UUID caseId = openAs(http, "agent", returnFromGermany("WRONG_SIZE", "SHOES-1", "80.00", "1", null));
    long flow = flows.flowOf(caseId, "return");
    Map<String, String> label = awaitVariables(flow, "returnTrackingNumber", "returnId");

    publish("parcel-scanned", label.get("returnTrackingNumber"), Map.of("trackingStatus", "IN_TRANSIT"));
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.completedSteps(flow).contains("await-buyer-parcel"));
    publish("return-received", label.get("returnId"), Map.of("inspectionResult", "PARTIAL",
        "inspectionNote", "worn once, box missing"));

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RETURNED_AND_REFUNDED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "return-parcel-scanned", "parcel-on-its-way", "return-received", "inspection-known", "decide-refund",
        "refund-return").doesNotContain("read-return-tracking", "check-return");
    // Used beyond trying on (Directive 2011/83/EU Art. 14(2)): 80 % of 80.00, less the label.
    assertThat(journal.variables(flow)).containsEntry("refundAmount", "57.06");
  }

  @Test
  void aBuyerWhoNeverShipsIsRemindedTwiceThenTheReturnExpiresAndIsUndone() throws Exception {
    UUID caseId = openAs(http, "agent", returnFromGermany("CHANGED_MIND", "LAMP-1", "45.00", "1", null));
    long flow = flows.flowOf(caseId, "return");
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(flow, "return-expired"));

    clock.advance(Duration.ofDays(5).plusMinutes(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesOf(caseId, "return-reminder") == 1);
    clock.advance(Duration.ofDays(5));
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesOf(caseId, "return-reminder") == 2);
    clock.advance(Duration.ofDays(4));

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RETURN_NOT_SHIPPED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "send-return-label", "tell-buyer-label", "return-expired", "undo-return", "tell-buyer-expired",
        "close-not-shipped", "not-shipped").contains("withdraw-return", "void-return-label", "remind-buyer");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind)
        .contains(TimelineKind.RETURN_CANCELLED, TimelineKind.LABEL_VOIDED);
    assertThat(done.messages()).extracting(CaseView.MessageView::template)
        .containsExactly("return-label", "return-reminder", "return-reminder", "return-expired");
  }

  @Test
  void aReturnLabelDearerThanTheItemMovesTheCaseToARefundWithoutReturn() throws Exception {
    // Japan has no warehouse site: the parcel would go back to China, 38.00 USD for a 33 USD item.
    UUID caseId = openAs(http, "agent", CaseRequests.body("SHOPIFY", uniqueOrder() + "-4", "JP", "ja", "Asia/Tokyo",
        "CHANGED_MIND", "思っていたのと違いました", "5000", "JPY", 1, 3));
    long flow = flows.flowOf(caseId, "return");

    await().atMost(Duration.ofSeconds(30)).until(() -> journal.isCompleted(flow));
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "authorise-return", "quote-return-label", "withdraw-approval", "move-to-keep-the-item", "moved-on")
        .contains("withdraw-return").doesNotContain("send-return-label");
    assertThat(journal.variables(flow)).containsEntry("labelCostsMoreThanItem", "true")
        .containsEntry("nextPath", "\"REFUND_WITHOUT_RETURN\"");
    long instance = cases.find(caseId).processInstanceKey();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.calledInstance(instance, "refund-without-return").isPresent());
    await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(caseId).type() == CaseType.REFUND_WITHOUT_RETURN);
    assertThat(cases.find(caseId).timeline()).extracting(CaseView.TimelineView::kind)
        .containsSubsequence(TimelineKind.RETURN_AUTHORISED, TimelineKind.RETURN_CANCELLED);
  }

  @Test
  void anItemRuinedByTheBuyerIsNotRefundedWhenTheAgentDeclines() throws Exception {
    UUID caseId = openAs(http, "agent", returnFromGermany("CHANGED_MIND", "COAT-RUINED", "120.00", "4", null));
    long flow = flows.flowOf(caseId, "return");
    flows.pollRound(flow, "poll-return-tracking", 1, Duration.ofHours(12));
    flows.pollRound(flow, "poll-warehouse", 1, Duration.ofDays(1));
    flows.pollRound(flow, "poll-warehouse", 2, Duration.ofDays(1));

    long task = desk.awaitTask(caseId, "review-failed-inspection");
    desk.complete(task, "agent", "{\"inspectionDecision\": \"DECLINE_REFUND\"}").andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RETURN_REJECTED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "inspection-known", "await-receipt", "review-failed-inspection", "tell-buyer-rejected", "close-rejected",
        "return-rejected").doesNotContain("refund-return");
    assertThat(journal.variables(flow)).containsEntry("inspectionResult", "\"FAIL\"");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind)
        .contains(TimelineKind.TASK_COMPLETED).doesNotContain(TimelineKind.REFUND_ISSUED);
  }

  @Test
  void aLateReturnGoesToAnAgentWhoDeclinesIt() throws Exception {
    UUID caseId = openAs(http, "agent", CaseRequests.body("SHOPIFY", uniqueOrder() + "-4", "DE", "de",
        "Europe/Berlin", "CHANGED_MIND", "Gefällt mir nicht", "70.00", "EUR", 1, 45));
    long flow = flows.flowOf(caseId, "return");

    long task = desk.awaitTask(caseId, "review-return-exception");
    desk.complete(task, "agent", "{\"returnDecision\": \"DECLINE\", \"returnDecisionNote\": \"45 days after delivery\"}")
        .andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RETURN_DECLINED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "check-eligibility", "review-return-exception", "decline-return", "tell-buyer-declined", "close-declined",
        "return-declined")
        .doesNotContain("authorise-return");
    assertThat(journal.variables(flow).get("returnEligibility")).contains("\"OUTSIDE_WINDOW\"");
    assertThat(done.timeline()).filteredOn(e -> e.kind() == TimelineKind.RETURN_DECLINED).singleElement()
        .satisfies(e -> assertThat(e.detail()).startsWith("return request sandbox-request-")
            .endsWith("declined on SHOPIFY (RETURN_PERIOD_ENDED)"));
    assertThat(done.messages()).extracting(CaseView.MessageView::template).containsExactly("return-declined");
  }

  @Test
  void anAmazonReturnAnAgentDeclinesIsDeclinedInSellerCentralByHand() throws Exception {
    UUID caseId = openAs(http, "agent", CaseRequests.body("AMAZON", uniqueOrder() + "-4", "DE", "de",
        "Europe/Berlin", "CHANGED_MIND", "Gefällt mir nicht", "70.00", "EUR", 1, 45));
    long flow = flows.flowOf(caseId, "return");

    long review = desk.awaitTask(caseId, "review-return-exception");
    desk.complete(review, "agent", "{\"returnDecision\": \"DECLINE\"}").andExpect(status().isOk());
    long byHand = desk.awaitTask(caseId, "settle-declined-return");
    desk.complete(byHand, "agent", "{\"agentResolution\": \"DECLINED\"}").andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RETURN_DECLINED:DECLINED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "review-return-exception", "decline-refused", "settle-declined-return", "close-declined", "return-declined")
        .doesNotContain("decline-return", "tell-buyer-declined");
    assertThat(done.timeline()).filteredOn(e -> e.kind() == TimelineKind.RETURN_REFUSED).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("return decline", "Seller Central"));
  }

  @Test
  void aBuyerWhoAskedForAnotherSizeGetsItShippedFromTheWarehouseOnceTheReturnPasses() throws Exception {
    UUID caseId = openAs(http, "agent", returnFromGermany("WRONG_SIZE", "JEANS-32", "65.00", "4", "EXCHANGE")
        .replace("\"category\": \"HOME\"", "\"category\": \"HOME\", \"exchangeSku\": \"JEANS-34\""));
    long flow = flows.flowOf(caseId, "return");
    flows.pollRound(flow, "poll-return-tracking", 1, Duration.ofHours(12));
    flows.pollRound(flow, "poll-warehouse", 1, Duration.ofDays(1));
    flows.pollRound(flow, "poll-warehouse", 2, Duration.ofDays(1));
    long exchange = await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.calledInstance(flow, "reship"), found -> found.isPresent()).orElseThrow();
    flows.pollRound(exchange, "poll-outbound", 1, Duration.ofHours(24).plusMinutes(1));
    flows.pollRound(exchange, "poll-tracking", 1, Duration.ofDays(1));

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RESHIPPED");
    assertThat(journal.completedSteps(flow)).containsSubsequence("await-receipt", "ship-exchange", "exchanged")
        .doesNotContain("refund-return");
    assertThat(done.shipments()).hasSize(2);
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind)
        .containsSubsequence(TimelineKind.RETURN_INSPECTED, TimelineKind.OUTBOUND_PLACED, TimelineKind.PARCEL_SHIPPED)
        .doesNotContain(TimelineKind.REFUND_ISSUED);
    assertThat(done.items()).singleElement().satisfies(item -> {
      assertThat(item.sku()).isEqualTo("JEANS-32");
      assertThat(item.exchangeSku()).isEqualTo("JEANS-34");
    });
    assertThat(done.timeline()).filteredOn(e -> e.kind() == TimelineKind.OUTBOUND_PLACED).singleElement()
        .satisfies(e -> assertThat(e.detail()).endsWith(": 1 x JEANS-34"));
  }

  @Test
  void anAmazonReturnGoesToAnAgentBecauseAmazonHasNoApiToApproveIt() throws Exception {
    UUID caseId = openAs(http, "agent", returnFromGermany("CHANGED_MIND", "KETTLE-1", "49.00", "4", null)
        .replace("\"SHOPIFY\"", "\"AMAZON\""));
    long flow = flows.flowOf(caseId, "return");

    long task = desk.awaitTask(caseId, "settle-refused-return");
    desk.complete(task, "agent", "{\"agentResolution\": \"RETURN_LABEL_SENT\"}").andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RESOLVED_BY_AGENT:RETURN_LABEL_SENT");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "check-eligibility", "return-refused", "settle-refused-return", "close-refused-return",
        "refused-return-settled").doesNotContain("authorise-return", "send-return-label");
    assertThat(done.timeline()).filteredOn(e -> e.kind() == TimelineKind.RETURN_REFUSED).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("Seller Central"));
  }

  @Test
  void aLateReturnTheAgentAcceptsIsRefundedAsTheAgentDecidesWhenItFailsInspection() throws Exception {
    UUID caseId = openAs(http, "agent", CaseRequests.body("SHOPIFY", uniqueOrder() + "-4", "DE", "de",
        "Europe/Berlin", "CHANGED_MIND", "Gefällt mir nicht", "70.00", "EUR", 1, 45)
        .replace("\"SKU-1\"", "\"BOOTS-RUINED\""));
    long flow = flows.flowOf(caseId, "return");
    long review = desk.awaitTask(caseId, "review-return-exception");
    desk.complete(review, "agent", "{\"returnDecision\": \"ACCEPT_RETURN\"}").andExpect(status().isOk());
    flows.pollRound(flow, "poll-return-tracking", 1, Duration.ofHours(12));
    flows.pollRound(flow, "poll-warehouse", 1, Duration.ofDays(1));
    flows.pollRound(flow, "poll-warehouse", 2, Duration.ofDays(1));

    long failed = desk.awaitTask(caseId, "review-failed-inspection");
    desk.complete(failed, "agent", "{\"inspectionDecision\": \"REFUND_ANYWAY\", \"refundAmount\": 30}")
        .andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RETURNED_AND_REFUNDED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "review-return-exception", "authorise-return", "send-return-label", "await-buyer-parcel", "await-receipt",
        "review-failed-inspection", "refund-return", "tell-buyer-refunded", "close-refunded")
        .doesNotContain("decide-refund");
    assertThat(journal.variables(flow)).containsEntry("refundedAmount", "30.0");
  }

  @Test
  void foodBoughtInSaudiArabiaIsRefundedWithoutBeingSentBack() throws Exception {
    UUID caseId = openAs(http, "agent", CaseRequests.body("SHOPEE", uniqueOrder(), "SA", "ar", "Asia/Riyadh",
        "CHANGED_MIND", "لا أريده", "200.00", "SAR", 1, 2).replace("\"HOME\"", "\"FOOD\""));
    long flow = flows.flowOf(caseId, "return");

    await().atMost(Duration.ofSeconds(30)).until(() -> journal.isCompleted(flow));
    assertThat(journal.completedSteps(flow)).containsExactly(
        "return-requested", "check-eligibility", "move-to-keep-the-item", "moved-on");
    assertThat(journal.variables(flow).get("returnEligibility")).contains("\"REFUND_ONLY\"");
    long instance = cases.find(caseId).processInstanceKey();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.calledInstance(instance, "refund-without-return").isPresent());
  }

  @Test
  void aReturnTheWarehouseNeverReceivesGoesToAnAgentAfterThirtyDays() throws Exception {
    UUID caseId = openAs(http, "agent", returnFromGermany("CHANGED_MIND", "RADIO-LOST", "60.00", "4", null));
    long flow = flows.flowOf(caseId, "return");
    flows.pollRound(flow, "poll-return-tracking", 1, Duration.ofHours(12));
    flows.pollRound(flow, "poll-warehouse", 1, Duration.ofDays(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.timersScheduled(flow, "poll-warehouse") >= 2);
    clock.advance(Duration.ofDays(29));

    long trace = desk.awaitTask(caseId, "trace-return-parcel");
    desk.complete(trace, "agent", "{\"agentResolution\": \"REFUNDED\", \"refundAmount\": 60}")
        .andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RESOLVED_BY_AGENT:REFUNDED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "await-buyer-parcel", "return-lost-in-transit", "trace-return-parcel", "close-lost-return",
        "lost-return-settled").doesNotContain("inspection-known");
    assertThat(journal.variables(flow)).containsEntry("returnStage", "\"EXPECTED\"");
  }

  @Test
  void aReturnRefundTheMarketplaceRefusesIsSettledByAnAgent() throws Exception {
    // The same order was already refunded in full on an earlier case: the marketplace refuses a second refund.
    String order = uniqueOrder() + "-4";
    UUID earlier = openAs(http, "agent", CaseRequests.brokenMugFromGermany(order));
    await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(earlier).status() == CaseStatus.RESOLVED);
    UUID caseId = openAs(http, "agent", CaseRequests.body("SHOPIFY", order, "DE", "de", "Europe/Berlin",
        "CHANGED_MIND", "Doch nicht", "12.90", "EUR", 1, 5).replace("\"SKU-1\"", "\"MUG-2\""));
    long flow = flows.flowOf(caseId, "return");
    flows.pollRound(flow, "poll-return-tracking", 1, Duration.ofHours(12));
    flows.pollRound(flow, "poll-warehouse", 1, Duration.ofDays(1));
    flows.pollRound(flow, "poll-warehouse", 2, Duration.ofDays(1));

    long task = desk.awaitTask(caseId, "settle-refused-refund");
    desk.complete(task, "agent", "{\"agentResolution\": \"DECLINED\"}").andExpect(status().isOk());

    CaseView done = flows.resolved(caseId);
    assertThat(done.resolution()).isEqualTo("RESOLVED_BY_AGENT:DECLINED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "settle-refund-amount", "refund-refused", "settle-refused-refund", "close-by-agent", "settled-by-agent");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind).contains(TimelineKind.REFUND_REFUSED);
  }

  @Test
  void anAgentMayRefundALateReturnWithoutTakingTheItemBack() throws Exception {
    UUID caseId = openAs(http, "agent", CaseRequests.body("SHOPIFY", uniqueOrder() + "-4", "DE", "de",
        "Europe/Berlin", "CHANGED_MIND", "Gefällt mir nicht", "70.00", "EUR", 1, 45));
    long flow = flows.flowOf(caseId, "return");

    long review = desk.awaitTask(caseId, "review-return-exception");
    desk.complete(review, "agent", "{\"returnDecision\": \"REFUND_WITHOUT_RETURN\"}").andExpect(status().isOk());

    await().atMost(Duration.ofSeconds(30)).until(() -> journal.isCompleted(flow));
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "review-return-exception", "move-to-keep-the-item", "moved-on").doesNotContain("authorise-return");
    long instance = cases.find(caseId).processInstanceKey();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.calledInstance(instance, "refund-without-return").isPresent());
  }

  /** A German buyer's return; the order reference ends in {@code story}, the sandbox label's story digit. */
  static String returnFromGermany(String reason, String sku, String price, String story, String remedy) {
    String body = CaseRequests.body("SHOPIFY", uniqueOrder() + "-" + story, "DE", "de", "Europe/Berlin", reason,
        "Bitte zurücknehmen", price, "EUR", 1, 3).replace("\"SKU-1\"", "\"" + sku + "\"");
    return remedy == null ? body : body.replaceFirst("\\{", "{\"preferredRemedy\": \"" + remedy + "\",");
  }

  private Map<String, String> awaitVariables(long instance, String... names) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> {
      Map<String, String> v = journal.variables(instance);
      Map<String, String> found = new java.util.HashMap<>();
      for (String name : names) {
        if (v.get(name) == null) {
          return null;
        }
        found.put(name, v.get(name).replace("\"", ""));
      }
      return found;
    }, found -> found != null);
  }

  private void publish(String message, String correlationKey, Map<String, Object> variables) {
    camunda.newPublishMessageCommand().messageName(message).correlationKey(correlationKey)
        .timeToLive(Duration.ofHours(1)).variables(variables).send().join();
  }

  private long messagesOf(UUID caseId, String template) {
    return cases.find(caseId).messages().stream().filter(m -> template.equals(m.template())).count();
  }
}
