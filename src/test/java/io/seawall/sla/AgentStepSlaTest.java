package io.seawall.sla;

import static io.seawall.CaseRequests.designerCoatNotAsDescribedFromUs;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
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
import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import io.seawall.engine.EmbeddedEngine;
import io.seawall.engine.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The agents' step runs against its SLA (48 h, warning at 75 %): moving the engine clock brings the
 * warning at 36 h and the breach with an escalation manager's task at 48 h; a step done in time is met.
 */
@SeawallTest
class AgentStepSlaTest {

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
  void anAgentsTaskLeftOpenIsAtRiskAt36HoursAndBreachedWithAManagersTaskAt48Hours() throws Exception {
    Instant opened = clock.now();
    UUID caseId = openAs(http, "agent", designerCoatNotAsDescribedFromUs(uniqueOrder()));
    long task = desk.awaitTask(caseId, "resolve-case");
    ProcessJournal journal = new ProcessJournal(engine);
    long instance = cases.find(caseId).processInstanceKey();
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(instance, "sla-breached"));
    String clockJson = managersView(caseId, false);
    assertThat(clockJson).isNull();

    clock.advance(Duration.ofHours(36).plusMinutes(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(caseId).atRisk());
    String atRisk = await().atMost(Duration.ofSeconds(10)).until(() -> managersView(caseId, false), json -> json != null);
    assertThat(Instant.parse(JsonPath.read(atRisk, "$.dueAt")))
        .isBetween(opened.plus(Duration.ofHours(48)), opened.plus(Duration.ofHours(48)).plusSeconds(60));
    assertThat(Instant.parse(JsonPath.read(atRisk, "$.warnAt")))
        .isBetween(opened.plus(Duration.ofHours(36)), opened.plus(Duration.ofHours(36)).plusSeconds(60));
    assertThat(managersView(caseId, true)).isNull();
    assertThat(escalationTasks(caseId)).isEmpty();
    String today = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).toString();
    http.perform(get("/api/sla/overview").param("days", "7").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.now[?(@.market == 'US' && @.step == 'resolve-case')].atRisk",
            hasItem(greaterThanOrEqualTo(1))))
        .andExpect(jsonPath("$.days.length()").value(7))
        .andExpect(jsonPath("$.days[6].day").value(today))
        .andExpect(jsonPath("$.days[6].turnedAtRisk", greaterThanOrEqualTo(1)));

    clock.advance(Duration.ofHours(12));
    long escalation = await().atMost(Duration.ofSeconds(30))
        .until(() -> escalationTasks(caseId), keys -> !keys.isEmpty()).getFirst().longValue();
    assertThat(managersView(caseId, true)).isNotNull();
    http.perform(get("/api/sla/overview").param("days", "30").with(httpBasic("manager", "manager")))
        .andExpect(jsonPath("$.now[?(@.market == 'US' && @.step == 'resolve-case')].breached",
            hasItem(greaterThanOrEqualTo(1))))
        .andExpect(jsonPath("$.days.length()").value(30))
        .andExpect(jsonPath("$.days[29].breached", greaterThanOrEqualTo(1)));
    assertThat(cases.find(caseId).timeline()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(TimelineKind.SLA_BREACHED);
      assertThat(e.step()).isEqualTo("resolve-case");
    });

    desk.complete(escalation, "manager", "{\"managerAction\": \"REMINDED_TEAM\"}").andExpect(status().isOk());
    http.perform(post("/api/tasks/{key}/claim", task).with(httpBasic("agent", "agent"))).andExpect(status().isOk());
    desk.complete(task, "agent", "{\"agentResolution\": \"EXCHANGE_OFFERED\"}").andExpect(status().isOk());
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.isCompleted(instance));

    http.perform(get("/api/sla/compliance").with(httpBasic("manager", "manager"))
            .param("from", opened.toString()).param("to", clock.now().plusSeconds(1).toString()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.step == 'resolve-case' && @.market == 'US')].metShare").value(0.0))
        .andExpect(jsonPath("$[?(@.step == 'resolve-case' && @.market == 'US')].clocks").value(1));
    assertThat(cases.find(caseId).status()).isEqualTo(CaseStatus.RESOLVED);
  }

  @Test
  void theManagersOverviewRefusesAPeriodOrTimeZoneItCannotCountNamingTheField() throws Exception {
    http.perform(get("/api/sla/overview").param("days", "0").with(httpBasic("manager", "manager")))
        .andExpect(status().isBadRequest());
    http.perform(get("/api/sla/overview").param("zone", "Mars/Olympus").with(httpBasic("manager", "manager")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("zone"));
    http.perform(get("/api/sla/overview").with(httpBasic("agent", "agent"))).andExpect(status().isForbidden());
  }

  @Test
  void aStepDoneInTimeIsMetAndNobodyIsWarned() throws Exception {
    Instant from = clock.now();
    UUID caseId = openAs(http, "agent", designerCoatNotAsDescribedFromUs(uniqueOrder()));
    long task = desk.awaitTask(caseId, "resolve-case");
    clock.advance(Duration.ofHours(30));

    desk.complete(task, "agent", "{\"agentResolution\": \"REFUNDED\"}").andExpect(status().isOk());
    CaseView done = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId), c -> c.status() == CaseStatus.RESOLVED);

    assertThat(done.atRisk()).isFalse();
    assertThat(done.timeline()).noneMatch(e -> e.kind() == TimelineKind.SLA_BREACHED);
    http.perform(get("/api/sla/compliance").with(httpBasic("ops", "ops"))
            .param("from", from.toString()).param("to", clock.now().plusSeconds(1).toString()))
        .andExpect(jsonPath("$[?(@.step == 'resolve-case')].metShare").value(1.0))
        .andExpect(jsonPath("$[?(@.step == 'resolve-case')].medianSeconds").value(
            org.hamcrest.Matchers.contains(org.hamcrest.Matchers.both(
                org.hamcrest.Matchers.greaterThanOrEqualTo(30 * 3600)).and(org.hamcrest.Matchers.lessThan(30 * 3600 + 120)))));
  }

  @Test
  void agentsDoNotSeeTheManagersView() throws Exception {
    http.perform(get("/api/sla/at-risk").with(httpBasic("agent", "agent"))).andExpect(status().isForbidden());
  }

  /** The case's clock in the managers' at-risk (or breached) list, as JSON, or null. */
  private String managersView(UUID caseId, boolean breached) throws Exception {
    String page = http.perform(get("/api/sla/at-risk").param("breached", String.valueOf(breached))
            .param("size", "100").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<Object> mine = JsonPath.read(page, "$.content[?(@.caseId == '" + caseId + "')]");
    return mine.isEmpty() ? null : com.jayway.jsonpath.JsonPath.parse(mine.getFirst()).jsonString();
  }

  private List<Number> escalationTasks(UUID caseId) throws Exception {
    String page = http.perform(get("/api/tasks").param("caseId", caseId.toString()).with(httpBasic("manager", "manager")))
        .andReturn().getResponse().getContentAsString();
    return JsonPath.read(page, "$.content[?(@.step == 'take-escalation')].key");
  }
}
