package io.seawall.process;

import static io.seawall.CaseRequests.brokenMugFromGermany;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A cheap broken item abroad: refund, let the buyer keep it, tell them in their language, close. */
@SeawallTest
class RefundWithoutReturnPathTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired Refunds refunds;
  @Autowired JdbcClient db;
  @Autowired EmbeddedEngine engine;

  @Test
  void aBrokenMugWorthLessThanItsReturnIsRefundedKeptAndClosed() throws Exception {
    UUID caseId = openAs(http, "agent", brokenMugFromGermany(uniqueOrder()));

    long processInstanceKey = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId), c -> c.status() == CaseStatus.RESOLVED).processInstanceKey();
    ProcessJournal journal = new ProcessJournal(engine);
    await().atMost(Duration.ofSeconds(10)).until(() -> journal.isCompleted(processInstanceKey));
    CaseView done = cases.find(caseId);
    assertThat(journal.completedSteps(done.processInstanceKey())).containsExactly(
        "case-opened", "choose-resolution-path", "issue-refund", "tell-buyer", "close-case", "case-resolved");
    assertThat(journal.variables(done.processInstanceKey()))
        .containsEntry("resolutionPath", "\"REFUND_WITHOUT_RETURN\"")
        .containsEntry("noticeLanguage", "\"de\"")
        .containsKey("refundId");

    assertThat(done.type()).isEqualTo(CaseType.REFUND_WITHOUT_RETURN);
    assertThat(done.resolution()).isEqualTo("REFUNDED");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind).containsSubsequence(
        TimelineKind.CASE_OPENED,
        TimelineKind.DECISION_TAKEN,
        TimelineKind.REFUND_ISSUED,
        TimelineKind.MESSAGE_SENT,
        TimelineKind.CASE_RESOLVED);
    for (String step : new String[] {"choose-resolution-path", "issue-refund", "tell-buyer", "close-case"}) {
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
    await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(caseId).status() == CaseStatus.RESOLVED);

    // As if the worker crashed after the marketplace call and the job was delivered again.
    RefundReceipt again = refunds.refundInFull(caseId, "issue-refund", "worker:marketplace.refund", "job:redelivered");

    assertThat(again.repeated()).isTrue();
    assertThat(refundsBookedFor(caseId)).isOne();
  }

  private long refundsBookedFor(UUID caseId) {
    return db.sql("select count(*) from sandbox_marketplace_refund where idempotency_key like ?")
        .param(caseId + ":%").query(Long.class).single();
  }

}
