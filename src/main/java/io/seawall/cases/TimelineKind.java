package io.seawall.cases;

/** What a timeline entry records. */
public enum TimelineKind {
  CASE_OPENED,
  STEP_STARTED,
  STEP_COMPLETED,
  DECISION_TAKEN,
  MESSAGE_RECEIVED,
  /** Seawall wrote a message to the buyer; its delivery follows. */
  MESSAGE_SENT,
  /** An e-mail server or WhatsApp accepted the message for the buyer. */
  MESSAGE_DELIVERED,
  /** No channel reached the buyer, or delivery kept failing: someone must reach them another way. */
  MESSAGE_UNDELIVERED,
  /** An agent left an internal note; its text stays in the case store, never in the timeline. */
  NOTE_ADDED,
  REFUND_ISSUED,
  REFUND_REFUSED,
  FLAGGED_AT_RISK,
  SLA_BREACHED,
  /** The case waits for the buyer: SLA clocks whose policy says so stand still. */
  SLA_PAUSED,
  /** The wait for the buyer ended: those clocks run on, their dates moved out. */
  SLA_RESUMED,
  TASK_ASSIGNED,
  TASK_COMPLETED,
  CASE_RESOLVED,
  RETURN_AUTHORISED,
  RETURN_REFUSED,
  RETURN_CANCELLED,
  /** The seller declined the buyer's return request on the marketplace (or there was none to decline). */
  RETURN_DECLINED,
  LABEL_CREATED,
  LABEL_VOIDED,
  RETURN_INSPECTED,
  OUTBOUND_PLACED,
  OUTBOUND_REFUSED,
  OUTBOUND_CANCELLED,
  PARCEL_SHIPPED,
  ADDRESS_CORRECTED,
  CLAIM_FILED,
  CLAIM_REIMBURSED,
  CLAIM_REJECTED,
  /** Something a marketplace, carrier or warehouse sent about the case arrived. */
  EVENT_RECEIVED,
  /** A step's worker gave up (its job ran out of retries); the detail is the worker's reason. */
  STEP_FAILED,
  /** Someone retried a step whose worker had given up. */
  STEP_RETRIED
}
