package io.seawall.cases;

/** What a timeline entry records. */
public enum TimelineKind {
  CASE_OPENED,
  STEP_STARTED,
  STEP_COMPLETED,
  DECISION_TAKEN,
  MESSAGE_RECEIVED,
  MESSAGE_SENT,
  REFUND_ISSUED,
  REFUND_REFUSED,
  FLAGGED_AT_RISK,
  SLA_BREACHED,
  TASK_ASSIGNED,
  TASK_COMPLETED,
  CASE_RESOLVED,
  /** Something a marketplace, carrier or warehouse sent about the case arrived. */
  EVENT_RECEIVED
}
