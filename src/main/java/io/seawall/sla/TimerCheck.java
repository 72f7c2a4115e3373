package io.seawall.sla;

import java.time.Instant;

/** What an SLA timer found when it fired. */
public sealed interface TimerCheck {

  /** The clock reached the mark: warned or breached, and recorded. */
  record Reached() implements TimerCheck {}

  /** A pause moved the mark out: ask again at {@code askAgainAt}. */
  record NotYet(Instant askAgainAt) implements TimerCheck {}

  /** The step ended before the mark: nothing to do. */
  record StepEnded() implements TimerCheck {}
}
