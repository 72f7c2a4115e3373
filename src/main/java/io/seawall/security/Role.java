package io.seawall.security;

/** Who works in Seawall. */
public enum Role {
  /** Works the inbox: opens cases, decides exceptions, writes to buyers. */
  AGENT("agents"),
  /** Watches SLAs, takes escalations, reassigns. */
  ESCALATION_MANAGER("escalation-managers"),
  /** Models flows, policies and forms. */
  OPS("ops"),
  /** Runs the installation; sees and may work every task. */
  ADMIN("admins");

  private final String candidateGroup;

  Role(String candidateGroup) {
    this.candidateGroup = candidateGroup;
  }

  /** The candidate group the models give tasks to for people in this role. */
  public String candidateGroup() {
    return candidateGroup;
  }
}
