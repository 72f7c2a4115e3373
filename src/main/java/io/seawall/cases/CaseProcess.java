package io.seawall.cases;

import java.util.UUID;

/**
 * The process engine as the case store needs it (a port: the {@code process} package implements it
 * with the Camunda client). Only non-personal facts cross it (DESIGN.md rule 1).
 */
public interface CaseProcess {

  /** Starts the after-sales process for a stored case; answers the process instance key. */
  long start(ProcessStart facts);

  /** Tells the waiting process that an agent resolved the case. */
  void agentResolved(UUID caseId, String resolution);
}
