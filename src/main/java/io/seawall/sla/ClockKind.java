package io.seawall.sla;

/** How an SLA clock counts time. */
public enum ClockKind {
  /** Marketplaces grade sellers around the clock: weekends, nights and holidays count. */
  MARKETPLACE,
  /** A team's own targets: only the team's working hours count. */
  BUSINESS
}
