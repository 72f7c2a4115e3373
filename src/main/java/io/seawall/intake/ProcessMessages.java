package io.seawall.intake;

/**
 * Where intake hands what arrived to the waiting processes. Intake owns this port so that it does
 * not depend on the engine's client; the process capability implements it.
 */
public interface ProcessMessages {

  /**
   * @throws EngineUnavailable when the engine cannot be reached: the event waits for it without
   *     spending its attempts
   */
  void publish(ProcessMessage message);

  /** The engine did not answer (down, overloaded, unreachable): nothing is wrong with the event. */
  final class EngineUnavailable extends RuntimeException {

    public EngineUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
