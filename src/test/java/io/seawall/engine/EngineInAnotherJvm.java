package io.seawall.engine;

import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * An embedded engine in a JVM of its own, so a test can kill it with SIGKILL. It tells its parent
 * on stdout when it is ready and every user task it created: {@code TASK <instance> <task key>}.
 */
final class EngineInAnotherJvm {

  public static void main(String[] args) throws InterruptedException {
    EmbeddedEngine engine = new EmbeddedEngine(
        RunningEngine.settings(Path.of(args[0]), Integer.parseInt(args[1])));
    engine.start();
    System.out.println("READY " + engine.restPort());
    Set<Long> told = new HashSet<>();
    while (true) {
      StreamSupport.stream(engine.records().getRecords().spliterator(), false)
          .filter(r -> r.getValueType() == ValueType.USER_TASK && r.getIntent() == UserTaskIntent.CREATED)
          .map(r -> (UserTaskRecordValue) r.getValue())
          .filter(task -> told.add(task.getUserTaskKey()))
          .forEach(task -> System.out.println("TASK " + task.getProcessInstanceKey() + " " + task.getUserTaskKey()));
      System.out.flush();
      Thread.sleep(100);
    }
  }
}
