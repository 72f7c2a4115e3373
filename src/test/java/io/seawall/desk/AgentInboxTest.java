package io.seawall.desk;

import static io.seawall.CaseRequests.designerCoatNotAsDescribedFromUs;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.seawall.AgentDesk;
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
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A case the decision hands to people: its task waits in the market's agents' inbox with its form
 * and due date, and closes the case once an agent completes it.
 */
@SeawallTest
class AgentInboxTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;
  @Autowired EngineClock clock;
  AgentDesk desk;

  @BeforeEach
  void agentsAtTheirDesk() {
    desk = new AgentDesk(http);
  }

  @Test
  void aHighValueCaseWaitsInTheAgentsInboxAndClosesWhenAnAgentCompletesIt() throws Exception {
    UUID caseId = openAs(http, "agent", designerCoatNotAsDescribedFromUs(uniqueOrder()));
    long task = desk.awaitTask(caseId, "resolve-case");
    http.perform(get("/api/tasks").param("caseId", caseId.toString()).with(httpBasic("agent", "agent")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content[0].step").value("resolve-case"))
        .andExpect(jsonPath("$.content[0].formId").value("resolve-case"))
        .andExpect(jsonPath("$.content[0].candidateGroups").value(org.hamcrest.Matchers.contains("agents", "agents-us")))
        .andExpect(jsonPath("$.content[0].assignee").doesNotExist());
    String due = JsonPath.read(taskJson(task, "agent"), "$.dueAt");
    // Due two days after the task opened, on the engine's clock (other tests move it).
    assertThat(Duration.between(clock.now(), Instant.parse(due))).isBetween(Duration.ofHours(47), Duration.ofHours(49));
    CaseView waiting = cases.find(caseId);
    assertThat(waiting.status()).isEqualTo(CaseStatus.WAITING_FOR_AGENT);
    assertThat(waiting.type()).isEqualTo(CaseType.AGENT);

    http.perform(post("/api/tasks/{key}/claim", task).with(httpBasic("agent", "agent")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").value("agent"));
    http.perform(get("/api/tasks").param("scope", "MINE").with(httpBasic("agent", "agent")))
        .andExpect(jsonPath("$.content[*].key").value(org.hamcrest.Matchers.hasItem(task)));
    desk.complete(task, "agent", "{\"agentResolution\": \"EXCHANGE_OFFERED\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("COMPLETED"))
        .andExpect(jsonPath("$.completedBy").value("agent"));

    CaseView resolved = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId), c -> c.status() == CaseStatus.RESOLVED);
    assertThat(resolved.resolution()).isEqualTo("RESOLVED_BY_AGENT:EXCHANGE_OFFERED");
    assertThat(resolved.timeline()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TimelineKind.TASK_ASSIGNED);
      assertThat(e.actor()).isEqualTo("agent");
    });
    assertThat(resolved.timeline()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TimelineKind.TASK_COMPLETED);
      assertThat(e.actor()).isEqualTo("agent");
      assertThat(e.step()).isEqualTo("resolve-case");
      assertThat(e.detail()).contains("agentResolution=EXCHANGE_OFFERED");
    });
    ProcessJournal journal = new ProcessJournal(engine);
    await().atMost(Duration.ofSeconds(10)).until(() -> journal.isCompleted(resolved.processInstanceKey()));
    assertThat(journal.completedSteps(resolved.processInstanceKey())).containsSubsequence(
        "case-opened", "choose-resolution-path", "hand-to-agent", "resolve-case", "close-case-by-agent");
    assertThat(journal.variables(resolved.processInstanceKey()))
        .containsEntry("resolutionPath", "\"AGENT\"")
        .containsEntry("agentResolution", "\"EXCHANGE_OFFERED\"");

    desk.complete(task, "agent", "{\"agentResolution\": \"EXCHANGE_OFFERED\"}").andExpect(status().isNotFound());
  }

  @Test
  void valuesTheFormDoesNotAllowAreRefusedFieldByFieldAndTheTaskStaysOpen() throws Exception {
    UUID caseId = openAs(http, "agent", designerCoatNotAsDescribedFromUs(uniqueOrder()));
    long task = desk.awaitTask(caseId, "resolve-case");

    desk.complete(task, "agent", "{\"agentResolution\": \"FREE_GIFT\", \"refundAmount\": -5, \"buyerPhone\": \"+1 555\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(
            org.hamcrest.Matchers.containsInAnyOrder("agentResolution", "refundAmount", "buyerPhone")));
    desk.complete(task, "agent", "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("agentResolution"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));

    assertThat(JsonPath.<String>read(taskJson(task, "agent"), "$.status")).isEqualTo("OPEN");
    assertThat(cases.find(caseId).status()).isEqualTo(CaseStatus.WAITING_FOR_AGENT);
  }

  @Test
  void aTaskSomeoneElseHoldsCannotBeClaimedOrCompletedAndOutsidersDoNotSeeIt() throws Exception {
    UUID caseId = openAs(http, "agent", designerCoatNotAsDescribedFromUs(uniqueOrder()));
    long task = desk.awaitTask(caseId, "resolve-case");
    http.perform(post("/api/tasks/{key}/claim", task).with(httpBasic("admin", "admin"))).andExpect(status().isOk());

    http.perform(post("/api/tasks/{key}/claim", task).with(httpBasic("agent", "agent")))
        .andExpect(status().isConflict());
    desk.complete(task, "agent", "{\"agentResolution\": \"REFUNDED\"}").andExpect(status().isConflict());
    http.perform(post("/api/tasks/{key}/claim", task).with(httpBasic("manager", "manager")))
        .andExpect(status().isNotFound());
    http.perform(post("/api/tasks/{key}/claim", task).with(httpBasic("ops", "ops")))
        .andExpect(status().isForbidden());

    http.perform(post("/api/tasks/{key}/unclaim", task).with(httpBasic("admin", "admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.assignee").doesNotExist());
    http.perform(post("/api/tasks/{key}/claim", task).with(httpBasic("agent", "agent")))
        .andExpect(status().isOk());
  }

  private String taskJson(long task, String user) throws Exception {
    return http.perform(get("/api/tasks/{key}", task).with(httpBasic(user, user)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }
}
