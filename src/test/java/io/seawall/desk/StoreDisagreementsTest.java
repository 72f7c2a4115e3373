package io.seawall.desk;

import static io.seawall.CaseRequests.designerCoatNotAsDescribedFromUs;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.camunda.client.CamundaClient;
import io.seawall.AgentDesk;
import io.seawall.ProcessJournal;
import io.seawall.SeawallTest;
import io.seawall.cases.Cases;
import io.seawall.engine.EmbeddedEngine;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When the case store and the engine disagree (a store that lost a write, simulated here by taking
 * rows away behind Seawall's back), Seawall says so: ops and managers see it listed, and a process
 * working for a missing case fails at once with one sentence instead of retrying into a vague incident.
 */
@SeawallTest
class StoreDisagreementsTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;
  @Autowired CamundaClient camunda;
  @Autowired JdbcTemplate db;
  @Autowired AgentTaskAudit audit;

  @Test
  void aCaseWaitingForAnAgentWithNoOpenTaskIsListedUntilItsTaskIsBack() throws Exception {
    UUID caseId = openAs(http, "agent", designerCoatNotAsDescribedFromUs(uniqueOrder()));
    long task = new AgentDesk(http).awaitTask(caseId, "resolve-case");
    // The inbox lost its task, and the case has waited ten minutes since.
    db.update("update agent_task set status = 'CANCELED' where user_task_key = ?", task);
    db.update("update after_sales_case set updated_at = ? where id = ?",
        Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), caseId);

    audit.audit();

    String listed = disagreements();
    assertThat(JsonPath.<List<String>>read(listed, "$[?(@.caseId == '" + caseId + "')].kind"))
        .containsExactly("TASK_MISSING");
    assertThat(JsonPath.<List<String>>read(listed, "$[?(@.caseId == '" + caseId + "')].detail").getFirst())
        .contains("waits for an agent, but no task is open for it");

    db.update("update agent_task set status = 'OPEN' where user_task_key = ?", task);
    audit.audit();

    assertThat(JsonPath.<List<String>>read(disagreements(), "$[?(@.caseId == '" + caseId + "')]")).isEmpty();
  }

  @Test
  void aProcessWhoseCaseIsMissingFailsAtOnceWithOneSentenceAndIsListed() throws Exception {
    UUID caseId = openAs(http, "agent", designerCoatNotAsDescribedFromUs(uniqueOrder()));
    long task = new AgentDesk(http).awaitTask(caseId, "resolve-case");
    long instance = cases.find(caseId).processInstanceKey();
    db.update("delete from after_sales_case where id = ?", caseId);

    // The engine still has the task: an agent on Tasklist completes it, and the next step needs the case.
    camunda.newCompleteUserTaskCommand(task).variables(Map.of("agentResolution", "EXCHANGE_OFFERED")).send().join();

    ProcessJournal journal = new ProcessJournal(engine);
    await().atMost(Duration.ofSeconds(30)).until(() -> !journal.incidents(instance).isEmpty());
    assertThat(journal.incidents(instance).getFirst())
        .contains("the case store has no case " + caseId)
        .contains("GET /api/case-store/disagreements")
        .doesNotContain("Exception");
    String listed = disagreements();
    assertThat(JsonPath.<List<String>>read(listed, "$[?(@.caseId == '" + caseId + "')].kind"))
        .containsExactly("CASE_MISSING");
    assertThat(JsonPath.<List<Number>>read(listed, "$[?(@.caseId == '" + caseId + "')].processInstanceKey")
        .getFirst().longValue()).isEqualTo(instance);
  }

  @Test
  void agentsMayNotReadTheDisagreements() throws Exception {
    http.perform(get("/api/case-store/disagreements").with(httpBasic("agent", "agent")))
        .andExpect(status().isForbidden());
  }

  private String disagreements() throws Exception {
    return http.perform(get("/api/case-store/disagreements").with(httpBasic("ops", "ops")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }
}
