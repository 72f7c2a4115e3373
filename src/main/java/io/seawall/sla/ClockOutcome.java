package io.seawall.sla;

/** Where an SLA clock stands. */
public enum ClockOutcome {
  RUNNING,
  MET,
  BREACHED
}
