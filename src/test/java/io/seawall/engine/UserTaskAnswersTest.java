package io.seawall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded engine refuses user-task commands with the answers a cluster gives. */
class UserTaskAnswersTest {

  static final BpmnModelInstance GATED = Bpmn.createExecutableProcess("gated")
      .startEvent()
      // Nobody works this listener's jobs, so the task stays in its CREATING state.
      .userTask("review", t -> t.zeebeUserTask().zeebeTaskListener(l -> l.creating().type("never-worked")))
      .endEvent()
      .done();

  @TempDir Path directory;
  RunningEngine engine;

  @BeforeEach
  void start() {
    engine = RunningEngine.on(directory);
    engine.client.newDeployResourceCommand()
        .addProcessModel(GATED, "gated.bpmn")
        .addProcessModel(DurableEngineTest.AGENT_REVIEW, "agent-review.bpmn")
        .send().join();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void completingATaskThatDoesNotExistIsNotFound() {
    ProblemException problem = catchThrowableOfType(ProblemException.class,
        () -> engine.client.newCompleteUserTaskCommand(2251799813685249L).send().join());

    assertThat(problem.code()).isEqualTo(404);
    assertThat(problem.details().getTitle()).isEqualTo("NOT_FOUND");
    assertThat(problem.details().getDetail()).contains("2251799813685249");
  }

  @Test
  void completingATaskStillBeingCreatedIsAConflict() {
    long instance = engine.client.newCreateInstanceCommand().bpmnProcessId("gated").latestVersion()
        .send().join().getProcessInstanceKey();
    long task = engine.awaitUserTask(instance, "review", UserTaskIntent.CREATING);

    ProblemException problem = catchThrowableOfType(ProblemException.class,
        () -> engine.client.newCompleteUserTaskCommand(task).send().join());

    assertThat(problem.code()).isEqualTo(409);
    assertThat(problem.details().getTitle()).isEqualTo("INVALID_STATE");
  }

  @Test
  void claimingATaskAnotherAgentHoldsIsAConflict() {
    long instance = engine.client.newCreateInstanceCommand().bpmnProcessId("agent-review").latestVersion()
        .send().join().getProcessInstanceKey();
    long task = engine.awaitUserTask(instance, "review");
    engine.client.newAssignUserTaskCommand(task).assignee("agent-lin").send().join();

    ProblemException problem = catchThrowableOfType(ProblemException.class,
        () -> engine.client.newAssignUserTaskCommand(task).assignee("agent-sara").allowOverride(false).send().join());

    assertThat(problem.code()).isEqualTo(409);
    assertThat(problem.details().getTitle()).isEqualTo("INVALID_STATE");
  }
}
