package io.seawall.engine;

import java.time.Instant;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's idea of now, for Seawall's computations that the engine's timers must agree with
 * (SLA due dates, days since a parcel's last scan). Only a clock-controlled embedded engine (tests,
 * demos) differs from system time.
 */
@Component
public class EngineTime implements InstantSource {

  private final ObjectProvider<EngineClock> engineClock;

  EngineTime(ObjectProvider<EngineClock> engineClock) {
    this.engineClock = engineClock;
  }

  public Instant now() {
    EngineClock clock = engineClock.getIfAvailable();
    return clock == null ? Instant.now() : clock.now();
  }

  @Override
  public Instant instant() {
    return now();
  }
}
