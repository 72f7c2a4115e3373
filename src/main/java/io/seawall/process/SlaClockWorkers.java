package io.seawall.process;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.seawall.sla.StepClocks;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The jobs that run SLA clocks: execution listeners on tracked steps start and stop them; the
 * tasks behind the warning and breach timers (task header {@code step}: the clock's step) record
 * what happened. Public only because the Camunda starter invokes worker methods reflectively.
 */
@Component
public class SlaClockWorkers {

  private final StepClocks clocks;

  SlaClockWorkers(StepClocks clocks) {
    this.clocks = clocks;
  }

  /** Hands the timers of the step their dates: {@code slaWarnAt} and {@code slaDueAt}. */
  @JobWorker(type = "sla.clock-start", fetchVariables = {"caseId", "country"})
  public Map<String, Object> start(ActivatedJob job) {
    StepClocks.ClockDates dates = clocks.start(JobSource.of(job).caseId(),
        String.valueOf(job.getVariablesAsMap().get("country")), job.getBpmnProcessId(), job.getElementId(),
        job.getElementInstanceKey());
    return Map.of("slaWarnAt", dates.warnAt().toString(), "slaDueAt", dates.dueAt().toString());
  }

  @JobWorker(type = "sla.clock-stop", fetchVariables = "caseId")
  public void stop(ActivatedJob job) {
    clocks.stop(job.getElementInstanceKey());
  }

  @JobWorker(type = "sla.warn", fetchVariables = "caseId")
  public void warn(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    clocks.warn(source.caseId(), JobSource.requiredHeader(job, "step"), source.key());
  }

  @JobWorker(type = "sla.breach", fetchVariables = "caseId")
  public void breach(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    clocks.breach(source.caseId(), JobSource.requiredHeader(job, "step"), source.key());
  }
}
