package io.seawall.process;

import io.camunda.client.CamundaClient;
import io.seawall.cases.CaseProcess;
import io.seawall.cases.ProcessStart;
import org.springframework.stereotype.Component;

/** Starts and steers case processes through the Camunda client: the same calls on any engine. */
@Component
class CamundaCaseProcess implements CaseProcess {

  static final String PROCESS_ID = "after-sales-case";

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
}
