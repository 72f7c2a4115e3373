package io.seawall.intake;

/**
 * Where intake hands what arrived to the waiting processes. Intake owns this port so that it does
 * not depend on the engine's client; the process capability implements it.
 */
public interface ProcessMessages {

  void publish(ProcessMessage message);
}
