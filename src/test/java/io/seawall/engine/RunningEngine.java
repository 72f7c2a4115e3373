package io.seawall.engine;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.springframework.util.unit.DataSize;

/** An embedded engine on a directory of its own, with a Camunda client talking to it as Seawall does. */
final class RunningEngine implements AutoCloseable {

  final Path directory;
  final EmbeddedEngine engine;
  final CamundaClient client;

  private RunningEngine(Path directory, EngineSettings settings) {
    this.directory = directory;
    this.engine = new EmbeddedEngine(settings);
    engine.start();
    this.client = CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(URI.create("http://127.0.0.1:" + settings.port()))
        .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  static RunningEngine on(Path directory) {
    return new RunningEngine(directory, settings(directory, freePort()));
  }

  static EngineSettings settings(Path directory, int grpcPort) {
    return new EngineSettings(
        directory, "127.0.0.1", grpcPort, 0, true, Duration.ofHours(1), DataSize.ofMegabytes(4));
  }

  /** A clean stop and a start on the same directory, as after a redeploy. */
  RunningEngine restarted() {
    close();
    return on(directory);
  }

  EngineClock clock() {
    return new EngineClock(engine);
  }

  List<Record<?>> records() {
    return StreamSupport.stream(engine.records().getRecords().spliterator(), false).toList();
  }

  long awaitUserTask(long processInstanceKey, String elementId) {
    return awaitUserTask(processInstanceKey, elementId, UserTaskIntent.CREATED);
  }

  long awaitUserTask(long processInstanceKey, String elementId, UserTaskIntent intent) {
    return await().atMost(Duration.ofSeconds(20)).until(
        () -> records().stream()
            .filter(r -> r.getValueType() == ValueType.USER_TASK && r.getIntent() == intent)
            .map(r -> (UserTaskRecordValue) r.getValue())
            .filter(v -> v.getProcessInstanceKey() == processInstanceKey && v.getElementId().equals(elementId))
            .map(UserTaskRecordValue::getUserTaskKey)
            .findFirst(),
        Optional::isPresent).orElseThrow();
  }

  boolean reached(long processInstanceKey, String elementId, Intent intent) {
    return records().stream()
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == intent)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .anyMatch(v -> v.getProcessInstanceKey() == processInstanceKey && v.getElementId().equals(elementId));
  }

  void awaitCompleted(long processInstanceKey, String endEvent) {
    await().atMost(Duration.ofSeconds(20))
        .until(() -> reached(processInstanceKey, endEvent, ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    engine.stop();
  }
}
