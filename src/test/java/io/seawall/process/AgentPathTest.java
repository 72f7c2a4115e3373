package io.seawall.process;

import static io.seawall.CaseRequests.jacketTooSmallFromUs;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Returns, reships and lost parcels wait for an agent until their own flows exist. */
@SeawallTest
class AgentPathTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;
  @Autowired EngineClock clock;

  @Test
  void aJacketTooSmallWaitsForAnAgentIsFlaggedAfterTwoDaysAndClosesWhenTheAgentResolvesIt() throws Exception {
    UUID caseId = openAs(http, "agent", jacketTooSmallFromUs(uniqueOrder()));
    CaseView waiting = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId), c -> c.status() == CaseStatus.WAITING_FOR_AGENT);
    assertThat(waiting.type()).isEqualTo(CaseType.RETURN);
    assertThat(waiting.atRisk()).isFalse();
    ProcessJournal journal = new ProcessJournal(engine);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.hasTimerScheduled(waiting.processInstanceKey(), "agent-overdue"));

    clock.advance(Duration.ofDays(2).plusMinutes(1));
    CaseView flagged = await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(caseId), CaseView::atRisk);
    assertThat(flagged.timeline()).extracting(CaseView.TimelineView::kind).contains(TimelineKind.FLAGGED_AT_RISK);
    assertThat(flagged.status()).isEqualTo(CaseStatus.WAITING_FOR_AGENT);

    http.perform(post("/api/cases/{id}/agent-resolution", caseId).with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"resolution\": \"EXCHANGE_OFFERED\"}"))
        .andExpect(status().isAccepted());

    CaseView resolved = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId), c -> c.status() == CaseStatus.RESOLVED);
    assertThat(resolved.resolution()).isEqualTo("RESOLVED_BY_AGENT:EXCHANGE_OFFERED");
    assertThat(resolved.atRisk()).isFalse();
    assertThat(resolved.timeline()).anySatisfy(e -> {
      assertThat(e.actor()).isEqualTo("agent");
      assertThat(e.detail()).contains("EXCHANGE_OFFERED");
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> journal.isCompleted(resolved.processInstanceKey()));
    assertThat(journal.completedSteps(resolved.processInstanceKey())).containsSubsequence(
        "case-opened", "choose-resolution-path", "hand-to-agent", "flag-at-risk", "agent-resolved",
        "close-case-by-agent");
    assertThat(journal.variables(resolved.processInstanceKey()))
        .containsEntry("resolutionPath", "\"RETURN\"")
        .containsEntry("agentResolution", "\"EXCHANGE_OFFERED\"");

    http.perform(post("/api/cases/{id}/agent-resolution", caseId).with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"resolution\": \"EXCHANGE_OFFERED\"}"))
        .andExpect(status().isConflict());
  }

  @Test
  void anAgentResolutionNeedsAResolutionCode() throws Exception {
    UUID caseId = openAs(http, "agent", jacketTooSmallFromUs(uniqueOrder()));
    http.perform(post("/api/cases/{id}/agent-resolution", caseId).with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"resolution\": \"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("resolution"));
  }

}
