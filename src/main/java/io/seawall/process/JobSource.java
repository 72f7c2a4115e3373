package io.seawall.process;

import io.camunda.client.api.response.ActivatedJob;
import java.util.UUID;

/** How a job names itself on the case: which case, which step, and a key that survives redelivery. */
record JobSource(UUID caseId, String step, String actor, String key) {

  static JobSource of(ActivatedJob job) {
    Object caseId = job.getVariablesAsMap().get("caseId");
    if (caseId == null) {
      throw new IllegalStateException("Job " + job.getType() + " at " + job.getElementId() + " has no caseId variable");
    }
    return new JobSource(UUID.fromString(caseId.toString()), job.getElementId(), "worker:" + job.getType(),
        "job:" + job.getKey());
  }

  /** A task header the step cannot do without. */
  static String requiredHeader(ActivatedJob job, String name) {
    String value = job.getCustomHeaders().get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Task " + job.getElementId() + " lacks the task header '" + name + "'");
    }
    return value;
  }

  /** A process variable the step cannot do without. */
  static String requiredVariable(ActivatedJob job, String variable) {
    Object value = job.getVariablesAsMap().get(variable);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("Task " + job.getElementId() + " needs the variable '" + variable + "'");
    }
    return value.toString();
  }

  /** Listener jobs are written by the engine itself. */
  JobSource asEngine() {
    return new JobSource(caseId, step, "engine", key);
  }
}
