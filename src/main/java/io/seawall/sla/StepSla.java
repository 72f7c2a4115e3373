package io.seawall.sla;

import java.time.Duration;

/**
 * The SLA a step of a case runs against, once the model's declaration and the policy table's rows
 * for the case are combined.
 *
 * @param calendar the working calendar named for a business clock, or null for the market's
 * @param team who answers for the step, or null
 */
record StepSla(
    Duration target, ClockKind clock, String calendar, double warnAt, String team,
    boolean pausesWhileWaitingForBuyer) {

  static final double DEFAULT_WARN_AT = 0.75;

  StepSla {
    if (target == null || target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("An SLA target must be a positive duration, not " + target);
    }
    if (warnAt <= 0 || warnAt > 1) {
      throw new IllegalArgumentException("An SLA warning share lies in (0, 1], not " + warnAt);
    }
  }

  /** A table row laid over this SLA: what the row sets wins. */
  StepSla overriddenBy(SlaPolicies.SlaPolicy row) {
    return new StepSla(
        row.target() != null ? row.target() : target,
        row.clock() != null ? row.clock() : clock,
        row.calendar() != null ? row.calendar() : calendar,
        row.warnAt() != null ? row.warnAt() : warnAt,
        row.team() != null ? row.team() : team,
        row.pausesWhileWaitingForBuyer() != null ? row.pausesWhileWaitingForBuyer() : pausesWhileWaitingForBuyer);
  }

  /** A step the model does not declare takes its SLA from the table alone, which must name a target. */
  static StepSla fromRow(SlaPolicies.SlaPolicy row) {
    if (row.target() == null) {
      throw new IllegalStateException("SLA policy for " + row.process() + "/" + row.step()
          + " overrides a step whose model declares no sla.target, so it needs a target itself");
    }
    return new StepSla(row.target(), ClockKind.MARKETPLACE, null, DEFAULT_WARN_AT, null, false).overriddenBy(row);
  }
}
