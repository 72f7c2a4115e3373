package io.seawall.process;

import static io.seawall.CaseRequests.brokenMugFromGermany;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.seawall.ProcessJournal;
import io.seawall.SeawallTest;
import io.seawall.cases.CaseStatus;
import io.seawall.cases.Cases;
import io.seawall.engine.EmbeddedEngine;
import io.seawall.engine.EngineClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A worker that dies after the marketplace refunded and before the engine heard of it: the engine
 * hands the job out again once its timeout passes, and the second run answers the first refund from
 * Seawall's record of effects without asking the marketplace again. Here the test is the worker
 * (the application's refund worker is switched off), running the application's worker code.
 */
@SeawallTest
@TestPropertySource(properties = "camunda.client.worker.override.[marketplace.refund].enabled=false")
class ExactlyOnceRefundTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;
  @Autowired EngineClock clock;
  @Autowired CamundaClient camunda;
  @Autowired CaseStepWorkers workers;
  @Autowired JdbcClient db;

  @Test
  void aWorkerThatCrashesAfterTheRefundDoesNotPayTwiceWhenTheJobComesBack() throws Exception {
    UUID caseId = openAs(http, "agent", brokenMugFromGermany(uniqueOrder()));

    ActivatedJob first = nextRefundJob(caseId);
    Map<String, Object> paid = workers.issueRefund(first);
    // The worker dies here: the job is never completed.

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    ActivatedJob again = nextRefundJob(caseId);
    assertThat(again.getKey()).isEqualTo(first.getKey());
    Map<String, Object> answered = workers.issueRefund(again);
    camunda.newCompleteCommand(again.getKey()).variables(answered).send().join();

    assertThat(answered).isEqualTo(paid);
    assertThat(db.sql("select count(*) from sandbox_marketplace_refund where idempotency_key like ?")
        .param(caseId + ":%").query(Long.class).single()).as("refunds the marketplace booked").isOne();
    assertThat(db.sql("select count(*) from step_effect where effect_key = ?")
        .param(caseId + ":issue-refund").query(Long.class).single()).isOne();
    await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(caseId).status() == CaseStatus.RESOLVED);
    long instance = cases.find(caseId).processInstanceKey();
    long flow = new ProcessJournal(engine).calledInstance(instance, "refund-without-return").orElseThrow();
    assertThat(new ProcessJournal(engine).variables(flow))
        .containsEntry("refundId", "\"" + paid.get("refundId") + "\"");
  }

  /** Activates the case's refund job as a worker would, with a five-minute timeout. */
  private ActivatedJob nextRefundJob(UUID caseId) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> {
      List<ActivatedJob> jobs = camunda.newActivateJobsCommand().jobType("marketplace.refund").maxJobsToActivate(10)
          .timeout(Duration.ofMinutes(5)).fetchVariables(List.of("caseId", "refundAmount")).send().join().getJobs();
      return jobs.stream().filter(j -> caseId.toString().equals(j.getVariablesAsMap().get("caseId")))
          .findFirst().orElse(null);
    }, job -> job != null);
  }
}
