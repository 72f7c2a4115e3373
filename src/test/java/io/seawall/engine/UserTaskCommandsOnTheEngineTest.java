package io.seawall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's REST endpoints over the real embedded engine: what an unmodified Camunda client
 * sends reaches the user task intact, bad requests write nothing, and the cluster's clock endpoint
 * moves the engine clock far enough for a 48 h timer to fire.
 */
class UserTaskCommandsOnTheEngineTest {

  @TempDir Path directory;
  RunningEngine engine;
  final EngineHttp raw = new EngineHttp();
  final ObjectMapper json = new ObjectMapper();
  long task;

  @BeforeEach
  void aTaskWaitsForAnAgent() {
    engine = RunningEngine.on(directory);
    engine.client.newDeployResourceCommand()
        .addProcessModel(DurableEngineTest.AGENT_REVIEW, "agent-review.bpmn").send().join();
    long instance = engine.client.newCreateInstanceCommand().bpmnProcessId("agent-review").latestVersion()
        .send().join().getProcessInstanceKey();
    task = engine.awaitUserTask(instance, "review");
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void completionCarriesTheAgentsVariablesIntoTheProcess() {
    engine.client.newCompleteUserTaskCommand(task)
        .variables(Map.of("resolution", "PARTIAL_REFUND", "refundCents", 1250)).send().join();

    UserTaskRecordValue completed = awaitUserTaskRecord(UserTaskIntent.COMPLETED, any -> true);
    assertThat(completed.getVariables()).containsEntry("resolution", "PARTIAL_REFUND").containsEntry("refundCents", 1250);
    assertThat(completed.getAction()).isEqualTo("complete");
  }

  @Test
  void assigningUnassigningAndUpdatingReachTheTask() {
    engine.client.newAssignUserTaskCommand(task).assignee("agent-lin").send().join();
    awaitUserTaskRecord(UserTaskIntent.ASSIGNED, assigned -> assigned.getAssignee().equals("agent-lin"));

    engine.client.newUnassignUserTaskCommand(task).send().join();
    awaitUserTaskRecord(UserTaskIntent.ASSIGNED, unassigned -> unassigned.getAssignee().isEmpty());

    OffsetDateTime due = OffsetDateTime.of(2026, 12, 1, 17, 0, 0, 0, ZoneOffset.ofHours(8));
    engine.client.newUpdateUserTaskCommand(task)
        .dueDate(due.toString()).candidateGroups(List.of("agents-sea")).priority(80).send().join();
    UserTaskRecordValue updated = awaitUserTaskRecord(UserTaskIntent.UPDATED, any -> true);
    assertThat(OffsetDateTime.parse(updated.getDueDate()).toInstant()).isEqualTo(due.toInstant());
    assertThat(updated.getCandidateGroupsList()).containsExactly("agents-sea");
    assertThat(updated.getPriority()).isEqualTo(80);
    assertThat(updated.getChangedAttributes()).contains("dueDate", "candidateGroupsList", "priority");
  }

  @Test
  void badRequestsAreRefusedNamingWhatIsWrongAndWriteNothing() throws Exception {
    int recordsBefore = engine.records().size();

    assertProblem(send("POST", "/v2/user-tasks/abc/completion", "{}"), 400, "userTaskKey");
    assertProblem(send("POST", "/v2/user-tasks/" + task + "/assignment", "{}"), 400, "No assignee provided");
    assertProblem(send("POST", "/v2/user-tasks/" + task + "/completion", "{\"variables\": [1,"), 400, "not valid JSON");
    assertProblem(send("POST", "/v2/user-tasks/" + task + "/completion", "{\"variables\": [1]}"), 400, "variables");
    assertProblem(send("PATCH", "/v2/user-tasks/" + task, "{\"changeset\": {}}"), 400, "No update data");
    assertProblem(send("PATCH", "/v2/user-tasks/" + task, "{\"changeset\": {\"dueDate\": \"tomorrow\"}}"), 400, "due date");
    assertProblem(send("GET", "/v2/user-tasks/" + task + "/completion", ""), 405, "'GET' is not supported");
    assertProblem(send("GET", "/v2/process-instances", ""), 404, "No endpoint");

    assertThat(engine.records()).hasSize(recordsBefore);
  }

  @Test
  void withClockControlTheClusterClockEndpointsMoveTheEngineClock() throws Exception {
    Instant before = Instant.parse(json.readTree(send("GET", "/actuator/clock", "").body()).get("instant").asText());

    HttpResponse<String> moved = send("POST", "/actuator/clock/add", "{\"offsetMilli\": 172800000}");

    assertThat(moved.statusCode()).isEqualTo(200);
    Instant after = Instant.parse(json.readTree(moved.body()).get("instant").asText());
    assertThat(Duration.between(before, after)).isBetween(Duration.ofHours(48), Duration.ofHours(48).plusMinutes(1));
    engine.awaitCompleted(engine.records().stream()
        .filter(r -> r.getValueType() == ValueType.USER_TASK)
        .map(r -> ((UserTaskRecordValue) r.getValue()).getProcessInstanceKey())
        .findFirst().orElseThrow(), "escalated");
  }

  /** The engine answers once it processed a command; its records reach the log a moment later. */
  private UserTaskRecordValue awaitUserTaskRecord(UserTaskIntent intent, Predicate<UserTaskRecordValue> matching) {
    return await().atMost(Duration.ofSeconds(10)).until(
        () -> engine.records().stream()
            .filter(r -> r.getValueType() == ValueType.USER_TASK && r.getIntent() == intent)
            .map(r -> (UserTaskRecordValue) r.getValue())
            .filter(matching)
            .reduce((first, second) -> second),
        Optional::isPresent).orElseThrow();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return raw.send(engine.engine.restPort(), method, path, body);
  }

  private void assertProblem(HttpResponse<String> response, int status, String detailMentions) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asText()).contains(detailMentions);
  }
}
