package io.seawall.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Moves the embedded engine's clock so timers fire without waiting, as a cluster started with
 * {@code ZEEBE_CLOCK_CONTROLLED=true} allows. The bean exists only with {@code
 * seawall.engine.clock-control=true}, which production never sets.
 */
public final class EngineClock {

  private final EmbeddedEngine engine;

  EngineClock(EmbeddedEngine engine) {
    this.engine = engine;
  }

  /** The engine's current time: system time plus every advance so far. */
  public Instant now() {
    return engine.clockNow();
  }

  public void advance(Duration by) {
    engine.advanceClock(by);
  }
}
