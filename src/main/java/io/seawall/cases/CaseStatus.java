package io.seawall.cases;

/** Where a case stands for the seller's team. */
public enum CaseStatus {
  /** Opened; the process is working on it. */
  OPEN,
  /** Needs a person to decide or act. */
  WAITING_FOR_AGENT,
  /** Done: no further step runs. */
  RESOLVED;

  boolean isOpen() {
    return this != RESOLVED;
  }
}
