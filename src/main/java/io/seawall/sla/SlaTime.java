package io.seawall.sla;

import io.seawall.engine.EngineClock;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The time SLA clocks start and stop at: the engine's, because the engine fires the warning and
 * breach timers. Only a clock-controlled embedded engine (tests, demos) differs from system time.
 */
@Component
class SlaTime {

  private final ObjectProvider<EngineClock> engineClock;

  SlaTime(ObjectProvider<EngineClock> engineClock) {
    this.engineClock = engineClock;
  }

  Instant now() {
    EngineClock clock = engineClock.getIfAvailable();
    return clock == null ? Instant.now() : clock.now();
  }
}
