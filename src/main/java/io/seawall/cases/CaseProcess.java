package io.seawall.cases;

/**
 * The process engine as the case store needs it (a port: the {@code process} package implements it
 * with the Camunda client). Only non-personal facts cross it (DESIGN.md rule 1).
 */
public interface CaseProcess {

  /** Starts the after-sales process for a stored case; answers the process instance key. */
  long start(ProcessStart facts);
}
