package io.seawall.security;

/** Who works in Seawall. */
public enum Role {
  /** Works the inbox: opens cases, decides exceptions, writes to buyers. */
  AGENT,
  /** Watches SLAs, takes escalations, reassigns. */
  ESCALATION_MANAGER,
  /** Models flows, policies and forms. */
  OPS,
  /** Runs the installation. */
  ADMIN
}
