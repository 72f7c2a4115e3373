package io.seawall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case waiting for an agent must still be waiting after Seawall restarts or crashes: its user task
 * can be completed afterwards and its 48 h escalation timer still fires.
 */
class DurableEngineTest {

  static final BpmnModelInstance AGENT_REVIEW = Bpmn.createExecutableProcess("agent-review")
      .startEvent("opened")
      .userTask("review").zeebeUserTask().zeebeCandidateGroups("agents")
      .boundaryEvent("two-days").timerWithDuration("PT48H")
      .endEvent("escalated")
      .moveToActivity("review")
      .endEvent("resolved")
      .done();

  static final BpmnModelInstance AWAIT_BUYER = Bpmn.createExecutableProcess("await-buyer")
      .startEvent()
      .intermediateCatchEvent("buyer-replied").message(m -> m.name("buyer-replied").zeebeCorrelationKeyExpression("caseId"))
      .endEvent("reply-received")
      .done();

  @TempDir Path directory;

  @Test
  void aWaitingUserTaskSurvivesACleanRestartIsCompletedAfterwardsAndItsTimerStillFires() {
    long resolvedLater;
    long escalatedLater;
    long taskKey;
    try (RunningEngine before = RunningEngine.on(directory)) {
      deploy(before.client);
      resolvedLater = start(before.client).getProcessInstanceKey();
      escalatedLater = start(before.client).getProcessInstanceKey();
      taskKey = before.awaitUserTask(resolvedLater, "review");
      before.awaitUserTask(escalatedLater, "review");
    }

    try (RunningEngine after = RunningEngine.on(directory)) {
      after.client.newCompleteUserTaskCommand(taskKey).variables(Map.of("resolution", "REFUND")).send().join();
      after.awaitCompleted(resolvedLater, "resolved");

      after.clock().advance(Duration.ofHours(48).plusMinutes(1));
      after.awaitCompleted(escalatedLater, "escalated");
      assertThat(after.reached(resolvedLater, "escalated", ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
    }
  }

  @Test
  @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aWaitingUserTaskSurvivesAKillOfItsJvm() throws Exception {
    int grpcPort = RunningEngine.freePort();
    Process jvm = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            EngineInAnotherJvm.class.getName(), directory.toString(), Integer.toString(grpcPort))
        .redirectErrorStream(true)
        .start();
    Map<Long, Long> tasksByInstance = new HashMap<>();
    long resolvedLater;
    long escalatedLater;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      String restPort = awaitLine(out, "READY ").substring("READY ".length());
      try (CamundaClient client = CamundaClient.newClientBuilder()
          .applyEnvironmentVariableOverrides(false)
          .grpcAddress(URI.create("http://127.0.0.1:" + grpcPort))
          .restAddress(URI.create("http://127.0.0.1:" + restPort))
          .preferRestOverGrpc(false)
          .build()) {
        deploy(client);
        resolvedLater = start(client).getProcessInstanceKey();
        escalatedLater = start(client).getProcessInstanceKey();
      }
      while (tasksByInstance.size() < 2) {
        String[] task = awaitLine(out, "TASK ").split(" ");
        tasksByInstance.put(Long.parseLong(task[1]), Long.parseLong(task[2]));
      }
    } finally {
      jvm.destroyForcibly();
      assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(jvm.exitValue()).as("killed by SIGKILL").isEqualTo(137);

    try (RunningEngine after = RunningEngine.on(directory)) {
      after.client.newCompleteUserTaskCommand(tasksByInstance.get(resolvedLater)).send().join();
      after.awaitCompleted(resolvedLater, "resolved");

      after.clock().advance(Duration.ofHours(49));
      after.awaitCompleted(escalatedLater, "escalated");
    }
  }

  @Test
  void aJobItsWorkerHeldWhenTheEngineStoppedIsOfferedAgainAtOnceWithItsRetriesKept() {
    BpmnModelInstance refund = Bpmn.createExecutableProcess("refund-once")
        .startEvent()
        .serviceTask("refund", t -> t.zeebeJobType("refund").zeebeJobRetries("3"))
        .endEvent("refunded")
        .done();
    long heldJob;
    try (RunningEngine before = RunningEngine.on(directory)) {
      before.client.newDeployResourceCommand().addProcessModel(refund, "refund-once.bpmn").send().join();
      before.client.newCreateInstanceCommand().bpmnProcessId("refund-once").latestVersion().send().join();
      heldJob = await().atMost(Duration.ofSeconds(20)).until(() -> before.client.newActivateJobsCommand()
              .jobType("refund").maxJobsToActivate(1).timeout(Duration.ofMinutes(10)).send().join().getJobs(),
          jobs -> !jobs.isEmpty()).getFirst().getKey();
    }

    try (RunningEngine after = RunningEngine.on(directory)) {
      List<ActivatedJob> offered = after.client.newActivateJobsCommand()
          .jobType("refund").maxJobsToActivate(1).timeout(Duration.ofMinutes(10)).send().join().getJobs();

      assertThat(offered).extracting(ActivatedJob::getKey).containsExactly(heldJob);
      assertThat(offered.getFirst().getRetries()).isEqualTo(3);
    }
  }

  @Test
  void aProcessWaitingForTheBuyersReplyStillReceivesItAfterARestart() {
    long instance;
    try (RunningEngine before = RunningEngine.on(directory)) {
      before.client.newDeployResourceCommand().addProcessModel(AWAIT_BUYER, "await-buyer.bpmn").send().join();
      instance = before.client.newCreateInstanceCommand().bpmnProcessId("await-buyer").latestVersion()
          .variables(Map.of("caseId", "case-42")).send().join().getProcessInstanceKey();
      await().atMost(Duration.ofSeconds(20))
          .until(() -> before.reached(instance, "buyer-replied", ProcessInstanceIntent.ELEMENT_ACTIVATED));
    }

    try (RunningEngine after = RunningEngine.on(directory)) {
      after.client.newPublishMessageCommand().messageName("buyer-replied").correlationKey("case-42").send().join();
      after.awaitCompleted(instance, "reply-received");
    }
  }

  @Test
  void aTornWriteAtTheEndOfTheLogIsCutOffAndTheEngineStarts() throws IOException {
    long instance;
    long taskKey;
    try (RunningEngine before = RunningEngine.on(directory)) {
      deploy(before.client);
      instance = start(before.client).getProcessInstanceKey();
      taskKey = before.awaitUserTask(instance, "review");
    }
    Path lastSegment;
    try (Stream<Path> segments = Files.list(directory.resolve("log"))) {
      lastSegment = segments.sorted().reduce((first, second) -> second).orElseThrow();
    }
    try (RandomAccessFile file = new RandomAccessFile(lastSegment.toFile(), "rw")) {
      // The first bytes of a block whose write a crash interrupted.
      file.seek(file.length());
      file.write(new byte[] {0x53, 0x57, 0x4c, 0x42, 0, 0, 0x10, 0, 1, 2, 3});
    }

    try (RunningEngine after = RunningEngine.on(directory)) {
      assertThat(after.records()).isNotEmpty();
      after.client.newCompleteUserTaskCommand(taskKey).send().join();
      after.awaitCompleted(instance, "resolved");
    }
  }

  @Test
  void aStartAfterASnapshotReplaysOnlyTheLogAfterIt() {
    long instance;
    long taskKey;
    try (RunningEngine before = RunningEngine.on(directory)) {
      deploy(before.client);
      for (int i = 0; i < 20; i++) {
        long finished = start(before.client).getProcessInstanceKey();
        before.client.newCompleteUserTaskCommand(before.awaitUserTask(finished, "review")).send().join();
      }
      instance = start(before.client).getProcessInstanceKey();
      taskKey = before.awaitUserTask(instance, "review");
      assertThat(before.engine.snapshot()).isTrue();
    }

    try (RunningEngine after = RunningEngine.on(directory)) {
      after.client.newCompleteUserTaskCommand(taskKey).send().join();
      after.awaitCompleted(instance, "resolved");
    }
  }

  private static void deploy(CamundaClient client) {
    client.newDeployResourceCommand().addProcessModel(AGENT_REVIEW, "agent-review.bpmn").send().join();
  }

  private static ProcessInstanceEvent start(CamundaClient client) {
    return client.newCreateInstanceCommand().bpmnProcessId("agent-review").latestVersion().send().join();
  }

  private static String awaitLine(BufferedReader out, String prefix) throws IOException {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IllegalStateException("The engine JVM ended without saying '" + prefix + "'");
  }
}
