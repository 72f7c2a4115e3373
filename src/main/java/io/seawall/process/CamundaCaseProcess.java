package io.seawall.process;

import io.camunda.client.CamundaClient;
import io.seawall.cases.CaseProcess;
import io.seawall.cases.ProcessStart;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Starts and steers case processes through the Camunda client: the same calls on any engine. */
@Component
class CamundaCaseProcess implements CaseProcess {

  static final String PROCESS_ID = "after-sales-case";
  static final String AGENT_RESOLVED = "case-resolved-by-agent";

  private final CamundaClient camunda;

  CamundaCaseProcess(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @Override
  public long start(ProcessStart facts) {
    return camunda.newCreateInstanceCommand()
        .bpmnProcessId(PROCESS_ID)
        .latestVersion()
        .variables(facts)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @Override
  public void agentResolved(UUID caseId, String resolution) {
    camunda.newPublishMessageCommand()
        .messageName(AGENT_RESOLVED)
        .correlationKey(caseId.toString())
        .messageId(AGENT_RESOLVED + ":" + caseId)
        .timeToLive(Duration.ofHours(1))
        .variables(Map.of("agentResolution", resolution))
        .send()
        .join();
  }
}
