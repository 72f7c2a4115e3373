package io.seawall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seawall's timeline and SLA clocks hang on listeners: execution listeners on every step and task
 * listeners on agents' tasks reach job workers on the embedded engine as they do on a cluster.
 */
class EngineListenersTest {

  static final BpmnModelInstance LISTENED = Bpmn.createExecutableProcess("listened")
      .startEvent("opened")
      .serviceTask("check-eligibility", t -> t.zeebeJobType("check-eligibility")
          .zeebeStartExecutionListener("step-started")
          .zeebeEndExecutionListener("step-ended"))
      .userTask("review", t -> t.zeebeUserTask()
          .zeebeTaskListener(l -> l.creating().type("task-creating"))
          .zeebeTaskListener(l -> l.assigning().type("task-assigning"))
          .zeebeTaskListener(l -> l.completing().type("task-completing"))
          .zeebeTaskListener(l -> l.canceling().type("task-canceling")))
      .endEvent("closed")
      .done();

  static final List<String> JOB_TYPES = List.of(
      "step-started", "check-eligibility", "step-ended",
      "task-creating", "task-assigning", "task-completing", "task-canceling");

  @TempDir Path directory;
  RunningEngine engine;
  final List<String> seen = new CopyOnWriteArrayList<>();
  final List<JobWorker> workers = new ArrayList<>();

  @BeforeEach
  void startEngineAndWorkers() {
    engine = RunningEngine.on(directory);
    engine.client.newDeployResourceCommand().addProcessModel(LISTENED, "listened.bpmn").send().join();
    for (String type : JOB_TYPES) {
      workers.add(engine.client.newWorker().jobType(type)
          .handler((jobs, job) -> {
            seen.add(type + "@" + job.getElementId());
            jobs.newCompleteCommand(job).send().join();
          })
          .open());
    }
  }

  @AfterEach
  void stop() {
    workers.forEach(JobWorker::close);
    engine.close();
  }

  @Test
  void executionAndTaskListenersRunInOrderAroundAStepAndAnAgentsTask() {
    long instance = start();
    long task = engine.awaitUserTask(instance, "review");

    engine.client.newAssignUserTaskCommand(task).assignee("agent-lin").send().join();
    engine.client.newCompleteUserTaskCommand(task).send().join();
    engine.awaitCompleted(instance, "closed");

    assertThat(seen).containsExactly(
        "step-started@check-eligibility",
        "check-eligibility@check-eligibility",
        "step-ended@check-eligibility",
        "task-creating@review",
        "task-assigning@review",
        "task-completing@review");
  }

  @Test
  void cancelingATaskRunsItsCancelingListener() {
    long instance = start();
    engine.awaitUserTask(instance, "review");

    engine.client.newCancelInstanceCommand(instance).send().join();

    await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("task-canceling@review"));
  }

  private long start() {
    return engine.client.newCreateInstanceCommand().bpmnProcessId("listened").latestVersion()
        .send().join().getProcessInstanceKey();
  }
}
