package io.seawall.sla;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.seawall.engine.EmbeddedEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The test-only flows of src/test/resources/bpmn (steps with SLA properties, deployed by Seawall
 * with the shipped models) and what an escalation manager sees of them.
 */
final class SlaTestFlows {

  private final MockMvc http;
  private final CamundaClient camunda;
  private final EmbeddedEngine engine;

  SlaTestFlows(MockMvc http, CamundaClient camunda, EmbeddedEngine engine) {
    this.http = http;
    this.camunda = camunda;
    this.engine = engine;
  }

  long start(String process, UUID caseId) {
    return camunda.newCreateInstanceCommand().bpmnProcessId(process).latestVersion()
        .variables(Map.of("caseId", caseId.toString())).send().join().getProcessInstanceKey();
  }

  /** Does the work of a service task of the instance (the test-only job types have no worker). */
  void finishJob(String jobType, long instance) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      boolean done = false;
      for (ActivatedJob job : camunda.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(20)
          .timeout(Duration.ofSeconds(5)).send().join().getJobs()) {
        if (job.getProcessInstanceKey() == instance) {
          camunda.newCompleteCommand(job).send().join();
          done = true;
        } else {
          camunda.newFailCommand(job).retries(job.getRetries()).send().join();
        }
      }
      return done;
    });
  }

  /** Whether the instance entered a step (its start listeners done). */
  boolean entered(long instance, String elementId) {
    return StreamSupport.stream(RecordStream.of(engine.records()).processInstanceRecords().spliterator(), false)
        .anyMatch(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
            && r.getValue().getProcessInstanceKey() == instance && r.getValue().getElementId().equals(elementId));
  }

  void publish(String message, UUID caseId) {
    camunda.newPublishMessageCommand().messageName(message).correlationKey(caseId.toString())
        .timeToLive(Duration.ofMinutes(1)).send().join();
  }

  /** The case's clock of a step in the managers' at-risk (or breached) list, as JSON, or null. */
  String atRisk(UUID caseId, String step, boolean breached, String... filters) throws Exception {
    MockHttpServletRequestBuilder request = get("/api/sla/at-risk").param("breached", String.valueOf(breached))
        .param("size", "100").with(httpBasic("manager", "manager"));
    for (int i = 0; i < filters.length; i += 2) {
      request.param(filters[i], filters[i + 1]);
    }
    String page = http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<Object> mine = JsonPath.read(page, "$.content[?(@.caseId == '" + caseId + "' && @.step == '" + step + "')]");
    return mine.isEmpty() ? null : JsonPath.parse(mine.getFirst()).jsonString();
  }

  /** Keys of the escalation managers' open tasks of the case at the given step. */
  List<Number> managersTasks(UUID caseId, String step) throws Exception {
    String page = http.perform(get("/api/tasks").param("caseId", caseId.toString()).with(httpBasic("manager", "manager")))
        .andReturn().getResponse().getContentAsString();
    return JsonPath.read(page, "$.content[?(@.step == '" + step + "')].key");
  }
}
