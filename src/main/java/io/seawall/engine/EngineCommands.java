package io.seawall.engine;

import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import java.util.concurrent.CompletableFuture;

/** Writes a command to the engine's log and completes with the engine's answer to it. */
interface EngineCommands {

  CompletableFuture<CommandAnswer> send(
      long key, ValueType valueType, Intent intent, UnifiedRecordValue command);
}
