package io.seawall.process;

import static io.seawall.CaseRequests.brokenMugFromGermany;
import static io.seawall.CaseRequests.buyerEmail;
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
import io.seawall.marketplace.RefundReceipt;
import io.seawall.resolution.Refunds;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Refund without return ("keep the item"): automatic for a first-time buyer with a cheap item, an
 * agent's approval for a buyer who keeps items often, and an agent when the marketplace says no.
 */
@SeawallTest
class RefundWithoutReturnFlowTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired Refunds refunds;
  @Autowired JdbcClient db;
  @Autowired EmbeddedEngine engine;
  AgentDesk desk;

  @BeforeEach
  void agentsAtTheirDesk() {
    desk = new AgentDesk(http);
  }

  @Test
  void aBrokenMugWorthLessThanItsReturnIsRefundedAutomaticallyKeptAndClosed() throws Exception {
    UUID caseId = openAs(http, "agent", brokenMugFromGermany(uniqueOrder()));

    CaseView done = resolved(caseId);
    ProcessJournal journal = new ProcessJournal(engine);
    long flow = journal.calledInstance(done.processInstanceKey(), "refund-without-return").orElseThrow();
    assertThat(journal.completedSteps(done.processInstanceKey())).containsExactly(
        "case-opened", "choose-resolution-path", "refund-without-return", "case-resolved");
    assertThat(journal.completedSteps(flow)).containsExactly(
        "keep-the-item-requested", "check-buyer-history", "decide-approval", "issue-refund", "tell-buyer",
        "close-case", "refunded");
    assertThat(journal.variables(flow))
        .containsEntry("priorKeepTheItemRefunds", "0")
        .containsEntry("keepTheItemApproval", "\"AUTO\"")
        .containsEntry("noticeLanguage", "\"de\"")
        .containsKey("refundId");

    assertThat(done.type()).isEqualTo(CaseType.REFUND_WITHOUT_RETURN);
    assertThat(done.resolution()).isEqualTo("REFUNDED");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind).containsSubsequence(
        TimelineKind.CASE_OPENED, TimelineKind.DECISION_TAKEN, TimelineKind.REFUND_ISSUED,
        TimelineKind.MESSAGE_SENT, TimelineKind.CASE_RESOLVED);
    for (String step : List.of("check-buyer-history", "decide-approval", "issue-refund", "tell-buyer", "close-case")) {
      assertThat(done.timeline()).filteredOn(e -> step.equals(e.step())).extracting(CaseView.TimelineView::kind)
          .as("timeline of step %s", step)
          .contains(TimelineKind.STEP_STARTED, TimelineKind.STEP_COMPLETED);
    }
    assertThat(done.timeline()).filteredOn(e -> e.kind() == TimelineKind.REFUND_ISSUED)
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo("worker:marketplace.refund");
          assertThat(e.detail()).contains("12.9", "EUR");
        });
    assertThat(done.messages()).singleElement().satisfies(m -> {
      assertThat(m.language()).isEqualTo("de");
      assertThat(m.body()).startsWith("Hallo Anna Beispiel").contains("12,90").contains(done.reference());
    });
    assertThat(refundsBookedFor(caseId)).isOne();
  }

  @Test
  void aRefundStepRunTwiceForTheSameCasePaysOnce() throws Exception {
    UUID caseId = openAs(http, "agent", brokenMugFromGermany(uniqueOrder()));
    resolved(caseId);

    String firstRefund = db.sql("select result from step_effect where effect_key = ?")
        .param(caseId + ":issue-refund").query(String.class).single();

    // As if the worker crashed after the marketplace call and the job was delivered again.
    RefundReceipt again = refunds.refundInFull(caseId, "issue-refund", "worker:marketplace.refund", "job:redelivered");

    assertThat(firstRefund).contains(again.refundId());
    // Answered from Seawall's record of effects: the marketplace, which flags a repeated key, was not asked.
    assertThat(again.repeated()).isFalse();
    assertThat(refundsBookedFor(caseId)).isOne();
  }

  @Test
  void aBuyerWhoKeepsItemsOftenWaitsForAnAgentWhoApproves() throws Exception {
    UUID caseId = caseOfABuyerWhoAlreadyKeptTwoItems();

    long task = desk.awaitTask(caseId, "review-keep-the-item");
    assertThat(refundsBookedFor(caseId)).isZero();
    desk.complete(task, "agent", "{\"agentDecision\": \"APPROVE\"}").andExpect(status().isOk());

    CaseView done = resolved(caseId);
    long flow = new ProcessJournal(engine).calledInstance(done.processInstanceKey(), "refund-without-return")
        .orElseThrow();
    assertThat(new ProcessJournal(engine).completedSteps(flow)).containsSubsequence(
        "decide-approval", "review-keep-the-item", "issue-refund", "tell-buyer", "close-case", "refunded");
    assertThat(new ProcessJournal(engine).variables(flow))
        .containsEntry("priorKeepTheItemRefunds", "2")
        .containsEntry("keepTheItemApproval", "\"AGENT\"")
        .containsEntry("agentDecision", "\"APPROVE\"");
    assertThat(done.resolution()).isEqualTo("REFUNDED");
    assertThat(done.timeline()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TimelineKind.TASK_COMPLETED);
      assertThat(e.actor()).isEqualTo("agent");
      assertThat(e.detail()).contains("agentDecision=APPROVE");
    });
    assertThat(refundsBookedFor(caseId)).isOne();
  }

  @Test
  void whenTheAgentDeclinesTheBuyerIsToldAndNothingIsRefunded() throws Exception {
    UUID caseId = caseOfABuyerWhoAlreadyKeptTwoItems();

    long task = desk.awaitTask(caseId, "review-keep-the-item");
    desk.complete(task, "agent", "{\"agentDecision\": \"DECLINE\"}").andExpect(status().isOk());

    CaseView done = resolved(caseId);
    long flow = new ProcessJournal(engine).calledInstance(done.processInstanceKey(), "refund-without-return")
        .orElseThrow();
    assertThat(new ProcessJournal(engine).completedSteps(flow)).containsSubsequence(
        "review-keep-the-item", "tell-buyer-declined", "close-declined", "declined");
    assertThat(done.resolution()).isEqualTo("KEEP_THE_ITEM_DECLINED");
    assertThat(done.messages()).singleElement().satisfies(m ->
        assertThat(m.body()).startsWith("Hallo Anna Beispiel").contains("ohne Rücksendung"));
    assertThat(refundsBookedFor(caseId)).isZero();
  }

  @Test
  void aRefundTheMarketplaceRefusesGoesToAnAgent() throws Exception {
    String order = uniqueOrder();
    UUID first = openAs(http, "agent", brokenMugFromGermany(order));
    resolved(first);
    // The same order, another complaint: the marketplace has already refunded it in full.
    UUID second = openAs(http, "agent", CaseRequests.body("SHOPIFY", order, "DE", "de", "Europe/Berlin",
        "MISSING_PARTS", "Henkel fehlt", "12.90", "EUR", 1, 5));

    long task = desk.awaitTask(second, "settle-refused-refund");
    CaseView refused = cases.find(second);
    assertThat(refused.timeline()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TimelineKind.REFUND_REFUSED);
      assertThat(e.step()).isEqualTo("issue-refund");
      assertThat(e.detail()).contains("already refunded");
    });
    desk.complete(task, "agent", "{\"agentResolution\": \"DECLINED\"}").andExpect(status().isOk());

    CaseView done = resolved(second);
    assertThat(done.resolution()).isEqualTo("RESOLVED_BY_AGENT:DECLINED");
    assertThat(refundsBookedFor(second)).isZero();
  }

  /** Two earlier keep-the-item refunds of the same buyer at the same shop, then a third case. */
  private UUID caseOfABuyerWhoAlreadyKeptTwoItems() throws Exception {
    String buyer = "keeps.items." + UUID.randomUUID() + "@example.com";
    for (int i = 0; i < 2; i++) {
      String order = uniqueOrder();
      resolved(openAs(http, "agent", brokenMugFromGermany(order).replace(buyerEmail(order), buyer)));
    }
    String order = uniqueOrder();
    return openAs(http, "agent", brokenMugFromGermany(order).replace(buyerEmail(order), buyer));
  }

  /** The case once resolved and its process ended, so every step's end listener has written the timeline. */
  private CaseView resolved(UUID caseId) {
    long processInstanceKey = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId), c -> c.status() == CaseStatus.RESOLVED).processInstanceKey();
    ProcessJournal journal = new ProcessJournal(engine);
    await().atMost(Duration.ofSeconds(10)).until(() -> journal.isCompleted(processInstanceKey));
    return cases.find(caseId);
  }

  private long refundsBookedFor(UUID caseId) {
    return db.sql("select count(*) from sandbox_marketplace_refund where idempotency_key like ?")
        .param(caseId + ":%").query(Long.class).single();
  }
}
