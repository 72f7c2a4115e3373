package io.seawall.sla;

import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The jobs that run SLA clocks: execution listeners on tracked steps start and stop them; the
 * tasks behind the warning and breach timers record what happened. The workers only translate.
 */
@Component
public class SlaListeners {

  private final StepClocks clocks;

  SlaListeners(StepClocks clocks) {
    this.clocks = clocks;
  }

  /** Hands the timers of the step their dates: {@code slaWarnAt} and {@code slaDueAt}. */
  @JobWorker(type = "sla.clock-start", fetchVariables = {"caseId", "country"})
  public Map<String, Object> start(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    StepClocks.ClockDates dates = clocks.start(caseId(job), String.valueOf(variables.get("country")),
        job.getBpmnProcessId(), job.getElementId(), job.getElementInstanceKey());
    return Map.of("slaWarnAt", dates.warnAt().toString(), "slaDueAt", dates.dueAt().toString());
  }

  @JobWorker(type = "sla.clock-stop", fetchVariables = "caseId")
  public void stop(ActivatedJob job) {
    clocks.stop(job.getElementInstanceKey());
  }

  @JobWorker(type = "sla.warn", fetchVariables = "caseId")
  public void warn(ActivatedJob job, @CustomHeaders Map<String, String> headers) {
    clocks.warn(caseId(job), step(job, headers), "job:" + job.getKey());
  }

  @JobWorker(type = "sla.breach", fetchVariables = "caseId")
  public void breach(ActivatedJob job, @CustomHeaders Map<String, String> headers) {
    clocks.breach(caseId(job), step(job, headers), "job:" + job.getKey());
  }

  private static UUID caseId(ActivatedJob job) {
    Object caseId = job.getVariablesAsMap().get("caseId");
    if (caseId == null) {
      throw new IllegalStateException("Job " + job.getType() + " at " + job.getElementId() + " has no caseId variable");
    }
    return UUID.fromString(caseId.toString());
  }

  private static String step(ActivatedJob job, Map<String, String> headers) {
    String step = headers.get("step");
    if (step == null || step.isBlank()) {
      throw new IllegalStateException("Task " + job.getElementId() + " lacks the task header 'step'");
    }
    return step;
  }
}
