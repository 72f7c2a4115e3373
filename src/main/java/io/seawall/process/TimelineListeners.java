package io.seawall.process;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.seawall.cases.CaseType;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import org.springframework.stereotype.Component;

/**
 * Execution listeners of the models: every step started and completed, and the decision taken,
 * land on the case timeline. Selected by job type (the embedded engine does not tell listener kinds).
 * Public only because the Camunda starter invokes worker methods reflectively.
 */
@Component
public class TimelineListeners {

  private final Cases cases;

  TimelineListeners(Cases cases) {
    this.cases = cases;
  }

  @JobWorker(type = "case.step-started", fetchVariables = "caseId")
  public void stepStarted(ActivatedJob job) {
    record(job, TimelineKind.STEP_STARTED);
  }

  @JobWorker(type = "case.step-completed", fetchVariables = "caseId")
  public void stepCompleted(ActivatedJob job) {
    record(job, TimelineKind.STEP_COMPLETED);
  }

  @JobWorker(type = "case.record-decision", fetchVariables = {"caseId", "resolutionPath"})
  public void decisionTaken(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    CaseType path = CaseType.valueOf(String.valueOf(job.getVariablesAsMap().get("resolutionPath")));
    cases.recordPath(source.caseId(), path, "decision:resolution-path", source.key());
  }

  /** A flow handed the case to another (nextPath), e.g. a return whose label costs more than the item. */
  @JobWorker(type = "case.record-move", fetchVariables = {"caseId", "nextPath"})
  public void moveRecorded(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    CaseType path = CaseType.valueOf(String.valueOf(job.getVariablesAsMap().get("nextPath")));
    cases.recordPath(source.caseId(), path, "process:" + job.getBpmnProcessId(), source.key());
  }

  private void record(ActivatedJob job, TimelineKind kind) {
    JobSource source = JobSource.of(job).asEngine();
    cases.record(source.caseId(), kind, source.step(), source.actor(), null, source.key());
  }
}
