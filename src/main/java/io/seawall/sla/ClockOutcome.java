package io.seawall.sla;

/** Where an SLA clock stands. */
public enum ClockOutcome {
  RUNNING,
  MET,
  BREACHED,
  /**
   * The step was left without ending: a boundary event interrupted it (Zeebe runs no end listener
   * then), or the case closed around it. Not counted in compliance unless it had breached already.
   */
  INTERRUPTED
}
