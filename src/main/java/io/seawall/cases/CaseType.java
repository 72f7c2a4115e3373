package io.seawall.cases;

/** The flow a case takes; chosen by the resolution-path decision, not by the requester. */
public enum CaseType {
  RETURN,
  RESHIP,
  REFUND_WITHOUT_RETURN,
  LOST_PARCEL,
  /** A person settles it (high-value orders). */
  AGENT
}
