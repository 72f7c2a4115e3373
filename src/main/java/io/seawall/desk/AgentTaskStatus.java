package io.seawall.desk;

/** Where an agent's task stands. */
public enum AgentTaskStatus {
  OPEN,
  COMPLETED,
  CANCELED
}
