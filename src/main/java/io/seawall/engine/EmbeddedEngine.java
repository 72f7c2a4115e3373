package io.seawall.engine;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zeebe engine running inside Seawall when no cluster is configured. Seawall's code never calls
 * it: everything goes through the Camunda client over gRPC, exactly as against a cluster. This
 * class is the seam where the durable engine (log on disk, user-task REST facade) plugs in.
 */
public final class EmbeddedEngine {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

  private final int port;
  private final ZeebeTestEngine engine;

  EmbeddedEngine(int port) {
    this.port = port;
    this.engine = EngineFactory.create(port);
  }

  void start() {
    engine.start();
    log.info("Embedded Zeebe engine listening for gRPC on port {} (in-memory log)", port);
  }

  void stop() {
    engine.stop();
    log.info("Embedded Zeebe engine stopped");
  }

  public int port() {
    return port;
  }

  /** Every record the engine wrote: what process tests read to assert the path taken. */
  public RecordStreamSource records() {
    return engine.getRecordStreamSource();
  }

  /** Moves the engine clock; only reachable when clock control is enabled (tests, demos). */
  void advanceClock(Duration by) {
    engine.increaseTime(by);
  }
}
