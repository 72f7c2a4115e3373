package io.seawall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine's REST endpoints as the Camunda 8.8 gateway serves them: what an unmodified
 * Camunda client sends reaches the engine as the gateway would write it, the engine's refusals come
 * back as the gateway's problems, and bad requests are refused before anything is written.
 */
class EngineRestApiTest {

  static final long TASK = 2251799813685249L;
  static final long UNKNOWN_TASK = 2251799813685250L;
  static final long HELD_TASK = 2251799813685251L;

  final RecordingEngine engine = new RecordingEngine();
  final EngineHttp raw = new EngineHttp();
  final ObjectMapper json = new ObjectMapper();
  EngineRestApi api;
  CamundaClient client;

  @BeforeEach
  void serve() {
    api = started(engine, Optional.empty(), Duration.ofSeconds(5));
    client = CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .restAddress(URI.create("http://127.0.0.1:" + api.port()))
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
    engine.refuse(UNKNOWN_TASK, RejectionType.NOT_FOUND,
        "Expected to complete user task with key '" + UNKNOWN_TASK + "', but no such user task was found");
    engine.refuse(HELD_TASK, RejectionType.INVALID_STATE,
        "Expected to claim user task with key '" + HELD_TASK + "', but it has already been assigned");
  }

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  @Test
  void anUnmodifiedCamundaClientCompletesATaskWithItsVariables() {
    client.newCompleteUserTaskCommand(TASK)
        .variables(Map.of("resolution", "PARTIAL_REFUND", "refundCents", 1250, "buyer", Map.of("country", "DE")))
        .send().join();

    Written written = engine.onlyWritten();
    assertThat(written.key()).isEqualTo(TASK);
    assertThat(written.valueType()).isEqualTo(ValueType.USER_TASK);
    assertThat(written.intent()).isEqualTo(UserTaskIntent.COMPLETE);
    assertThat(written.command().getUserTaskKey()).isEqualTo(TASK);
    assertThat(written.command().getVariables())
        .containsEntry("resolution", "PARTIAL_REFUND")
        .containsEntry("refundCents", 1250)
        .containsEntry("buyer", Map.of("country", "DE"));
    // As the gateway does, an absent action reaches the engine empty; the engine records "complete".
    assertThat(written.command().getAction()).isEmpty();
  }

  @Test
  void theIncidentSearchAnswersTheJobKeyFilterAndRefusesOthersNamingTheOneItTakes() throws Exception {
    HttpResponse<String> none = send("POST", "/v2/incidents/search", "{\"filter\": {\"jobKey\": \"42\"}}");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(json.readTree(none.body()).get("items")).isEmpty();

    assertThat(assertProblem(send("POST", "/v2/incidents/search", "{\"filter\": {\"processInstanceKey\": \"1\"}}"),
        400, "INVALID_ARGUMENT").get("detail").asText()).contains("filter.jobKey");
    assertProblem(send("POST", "/v2/incidents/search", "{\"filter\": {\"jobKey\": {\"$eq\": \"x\"}}}"),
        400, "INVALID_ARGUMENT");
    assertProblem(send("GET", "/v2/incidents/search", ""), 405, "Method Not Allowed");
  }

  @Test
  void aCompletionCarriesTheClientsActionAndNoVariablesWhenItHasNone() {
    client.newCompleteUserTaskCommand(TASK).action("approve").send().join();

    UserTaskRecord command = engine.onlyWritten().command();
    assertThat(command.getAction()).isEqualTo("approve");
    assertThat(command.getVariables()).isEmpty();
  }

  @Test
  void anUnmodifiedCamundaClientAssignsWithOverrideAndClaimsWithout() {
    client.newAssignUserTaskCommand(TASK).assignee("agent-lin").send().join();
    client.newAssignUserTaskCommand(TASK).assignee("agent-sara").allowOverride(false).action("pick").send().join();

    assertThat(engine.written).hasSize(2);
    Written assign = engine.written.get(0);
    assertThat(assign.intent()).isEqualTo(UserTaskIntent.ASSIGN);
    assertThat(assign.key()).isEqualTo(TASK);
    assertThat(assign.command().getAssignee()).isEqualTo("agent-lin");
    assertThat(assign.command().getAction()).isEqualTo("assign");
    Written claim = engine.written.get(1);
    assertThat(claim.intent()).isEqualTo(UserTaskIntent.CLAIM);
    assertThat(claim.command().getAssignee()).isEqualTo("agent-sara");
    assertThat(claim.command().getAction()).isEqualTo("pick");
  }

  @Test
  void anUnmodifiedCamundaClientUnassignsAsAnAssignmentToNobody() {
    client.newUnassignUserTaskCommand(TASK).send().join();

    Written written = engine.onlyWritten();
    assertThat(written.intent()).isEqualTo(UserTaskIntent.ASSIGN);
    assertThat(written.key()).isEqualTo(TASK);
    assertThat(written.command().getUserTaskKey()).isEqualTo(TASK);
    assertThat(written.command().getAssignee()).isEmpty();
    assertThat(written.command().getAction()).isEqualTo("unassign");
  }

  @Test
  void anUnmodifiedCamundaClientUpdatesOnlyTheAttributesItChanges() {
    client.newUpdateUserTaskCommand(TASK)
        .dueDate("2026-12-01T17:00:00+08:00")
        .clearFollowUpDate()
        .candidateGroups("agents-sea", "agents-eu")
        .priority(80)
        .send().join();

    Written written = engine.onlyWritten();
    assertThat(written.intent()).isEqualTo(UserTaskIntent.UPDATE);
    UserTaskRecord command = written.command();
    assertThat(command.getChangedAttributes())
        .containsExactly("candidateGroupsList", "dueDate", "followUpDate", "priority");
    assertThat(command.getDueDate()).isEqualTo("2026-12-01T17:00:00+08:00");
    assertThat(command.getFollowUpDate()).isEmpty();
    assertThat(command.getCandidateGroupsList()).containsExactly("agents-sea", "agents-eu");
    assertThat(command.getCandidateUsersList()).isEmpty();
    assertThat(command.getPriority()).isEqualTo(80);
    assertThat(command.getAction()).isEmpty();
  }

  @Test
  void anUpdateWithOnlyAnActionIsWrittenAsOnACluster() {
    client.newUpdateUserTaskCommand(TASK).action("escalate").send().join();

    UserTaskRecord command = engine.onlyWritten().command();
    assertThat(command.getAction()).isEqualTo("escalate");
    assertThat(command.getChangedAttributes()).isEmpty();
  }

  @Test
  void aTaskTheEngineDoesNotKnowIsNotFoundForTheClient() {
    ProblemException problem = catchThrowableOfType(ProblemException.class,
        () -> client.newCompleteUserTaskCommand(UNKNOWN_TASK).send().join());

    assertThat(problem.code()).isEqualTo(404);
    assertThat(problem.details().getStatus()).isEqualTo(404);
    assertThat(problem.details().getTitle()).isEqualTo("NOT_FOUND");
    assertThat(problem.details().getDetail()).isEqualTo(
        "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete user task with key '"
            + UNKNOWN_TASK + "', but no such user task was found");
    assertThat(problem.details().getInstance()).hasToString("/v2/user-tasks/" + UNKNOWN_TASK + "/completion");
  }

  @Test
  void claimingATaskSomeoneElseHoldsIsAConflictForTheClient() {
    ProblemException problem = catchThrowableOfType(ProblemException.class,
        () -> client.newAssignUserTaskCommand(HELD_TASK).assignee("agent-sara").allowOverride(false).send().join());

    assertThat(problem.code()).isEqualTo(409);
    assertThat(problem.details().getTitle()).isEqualTo("INVALID_STATE");
    assertThat(problem.details().getDetail()).isEqualTo(
        "Command 'CLAIM' rejected with code 'INVALID_STATE': Expected to claim user task with key '"
            + HELD_TASK + "', but it has already been assigned");
  }

  @ParameterizedTest
  @CsvSource({
    "INVALID_ARGUMENT, 400, INVALID_ARGUMENT",
    "ALREADY_EXISTS, 409, ALREADY_EXISTS",
    "UNAUTHORIZED, 401, UNAUTHORIZED",
    "FORBIDDEN, 403, FORBIDDEN",
    "PROCESSING_ERROR, 500, INTERNAL",
    "EXCEEDED_BATCH_RECORD_SIZE, 500, INTERNAL",
  })
  void otherRefusalsHaveTheGatewaysStatusAndTitle(RejectionType rejection, int status, String title) throws Exception {
    engine.refuse(TASK, rejection, "refused for the test");

    HttpResponse<String> answer = send("POST", "/v2/user-tasks/" + TASK + "/completion", "{}");

    JsonNode problem = assertProblem(answer, status, title);
    assertThat(problem.get("detail").asText())
        .isEqualTo("Command 'COMPLETE' rejected with code '" + rejection + "': refused for the test");
  }

  @Test
  void aKeyThatIsNotAPositiveNumberIsABadRequest() throws Exception {
    assertThat(assertProblem(send("POST", "/v2/user-tasks/abc/completion", "{}"), 400, "Bad Request")
        .get("detail").asText()).isEqualTo("Failed to convert 'userTaskKey' with value: 'abc'");
    assertThat(assertProblem(send("DELETE", "/v2/user-tasks/-5/assignee", ""), 400, "INVALID_ARGUMENT")
        .get("detail").asText()).isEqualTo("The value for userTaskKey is '-5' but must be > 0");
    assertProblem(send("PATCH", "/v2/user-tasks/0", "{\"action\": \"x\"}"), 400, "INVALID_ARGUMENT");
    assertThat(engine.written).isEmpty();
  }

  @Test
  void anAssignmentWithoutAnAssigneeIsABadRequest() throws Exception {
    String path = "/v2/user-tasks/" + TASK + "/assignment";
    assertThat(assertProblem(send("POST", path, "{}"), 400, "INVALID_ARGUMENT").get("detail").asText())
        .isEqualTo("No assignee provided");
    assertThat(assertProblem(send("POST", path, "{\"assignee\": \"  \"}"), 400, "INVALID_ARGUMENT")
        .get("detail").asText()).isEqualTo("No assignee provided");
    assertThat(assertProblem(send("POST", path, ""), 400, "Bad Request").get("detail").asText())
        .isEqualTo("Required request body is missing");
    assertThat(engine.written).isEmpty();
  }

  @Test
  void malformedJsonAndWrongTypesAreBadRequestsNamingWhatIsWrong() throws Exception {
    String completion = "/v2/user-tasks/" + TASK + "/completion";
    assertThat(assertProblem(send("POST", completion, "{\"variables\": {\"a\": 1,"), 400, "Bad Request")
        .get("detail").asText()).startsWith("Failed to read request: the body is not valid JSON (line 1, column");
    assertThat(assertProblem(send("POST", completion, "[1]"), 400, "Bad Request").get("detail").asText())
        .isEqualTo("Failed to read request: the body must be a JSON object");
    assertThat(assertProblem(send("POST", completion, "{\"variables\": [1]}"), 400, "Bad Request")
        .get("detail").asText()).isEqualTo("Request property [variables] cannot be parsed");
    assertThat(assertProblem(send("POST", "/v2/user-tasks/" + TASK + "/assignment",
            "{\"assignee\": \"agent-lin\", \"allowOverride\": 3}"), 400, "Bad Request")
        .get("detail").asText()).isEqualTo("Request property [allowOverride] cannot be parsed");
    assertThat(assertProblem(send("PATCH", "/v2/user-tasks/" + TASK,
            "{\"changeset\": {\"candidateGroups\": \"agents-sea\"}}"), 400, "Bad Request")
        .get("detail").asText()).isEqualTo("Request property [changeset.candidateGroups] cannot be parsed");
    assertThat(assertProblem(send("PATCH", "/v2/user-tasks/" + TASK,
            "{\"changeset\": {\"priority\": \"high\"}}"), 400, "INVALID_ARGUMENT")
        .get("detail").asText())
        .isEqualTo("Invalid input: 'high' for field 'changeset.priority' registered as java.lang.Integer");
    assertThat(engine.written).isEmpty();
  }

  @Test
  void anUpdateThatChangesNothingIsABadRequestAsOnACluster() throws Exception {
    String task = "/v2/user-tasks/" + TASK;
    String expected = "No update data provided. Provide at least an \"action\" or a non-null value for a"
        + " supported attribute in the \"changeset\".";
    assertThat(assertProblem(send("PATCH", task, "{\"changeset\": {}}"), 400, "INVALID_ARGUMENT")
        .get("detail").asText()).isEqualTo(expected);
    assertThat(assertProblem(send("PATCH", task, "{\"changeset\": {\"dueDate\": null}}"), 400, "INVALID_ARGUMENT")
        .get("detail").asText()).isEqualTo(expected);
    assertThat(assertProblem(send("PATCH", task, ""), 400, "INVALID_ARGUMENT").get("detail").asText())
        .isEqualTo(expected);
    assertThat(engine.written).isEmpty();
  }

  @Test
  void invalidUpdateValuesAreReportedTogether() throws Exception {
    HttpResponse<String> answer = send("PATCH", "/v2/user-tasks/" + TASK,
        "{\"changeset\": {\"dueDate\": \"tomorrow\", \"followUpDate\": \"2026-12-01\", \"priority\": 150}}");

    assertThat(assertProblem(answer, 400, "INVALID_ARGUMENT").get("detail").asText()).isEqualTo(
        "The provided due date 'tomorrow' cannot be parsed as a date according to RFC 3339, section 5.6. "
            + "The provided follow-up date '2026-12-01' cannot be parsed as a date according to RFC 3339, section 5.6. "
            + "The value for priority is '150' but must be within the [0,100] range.");
    assertThat(engine.written).isEmpty();
  }

  @Test
  void aBodyLargerThanTheEngineCouldTakeIsRefused() throws Exception {
    String huge = "{\"variables\": {\"notes\": \"" + "x".repeat(4 * 1024 * 1024) + "\"}}";

    assertProblem(send("POST", "/v2/user-tasks/" + TASK + "/completion", huge), 413, "Payload Too Large");
    assertThat(engine.written).isEmpty();
  }

  @Test
  void anUnknownPathIsNotFoundAndAWrongMethodIsNotAllowed() throws Exception {
    assertProblem(send("GET", "/v2/process-instances", ""), 404, "Not Found");
    assertProblem(send("POST", "/v2/user-tasks/" + TASK + "/escalation", "{}"), 404, "Not Found");

    HttpResponse<String> wrongMethod = send("GET", "/v2/user-tasks/" + TASK + "/completion", "");
    assertThat(assertProblem(wrongMethod, 405, "Method Not Allowed").get("detail").asText())
        .isEqualTo("Method 'GET' is not supported.");
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    assertThat(send("POST", "/v2/user-tasks/" + TASK, "{}").headers().firstValue("Allow")).hasValue("PATCH");
    assertThat(engine.written).isEmpty();
  }

  @Test
  void anEngineThatDoesNotAnswerInTimeIsAGatewayTimeoutAndItsWaitIsAbandoned() throws Exception {
    CompletableFuture<CommandAnswer> neverAnswered = new CompletableFuture<>();
    try (EngineRestApi silent = started((key, type, intent, command) -> neverAnswered, Optional.empty(),
        Duration.ofMillis(200))) {
      HttpResponse<String> answer = send(silent, "POST", "/v2/user-tasks/" + TASK + "/completion", "{}");

      assertThat(assertProblem(answer, 504, "DEADLINE_EXCEEDED").get("detail").asText())
          .isEqualTo("Expected to handle request, but request timed out between gateway and broker");
      assertThat(neverAnswered).isCancelled();
    }
  }

  @Test
  void withAClockTheClusterClockEndpointsReadAndMoveIt(@TempDir Path directory) throws Exception {
    // An engine that never starts is enough: its clock is the system time plus the advances made.
    EngineClock clock = new EngineClock(new EmbeddedEngine(RunningEngine.settings(directory, 0)));
    try (EngineRestApi withClock = started(engine, Optional.of(clock), Duration.ofSeconds(5))) {
      HttpResponse<String> read = send(withClock, "GET", "/actuator/clock", "");
      HttpResponse<String> moved = send(withClock, "POST", "/actuator/clock/add", "{\"offsetMilli\": 172800000}");

      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(moved.statusCode()).isEqualTo(200);
      JsonNode before = json.readTree(read.body());
      JsonNode after = json.readTree(moved.body());
      assertThat(Instant.parse(before.get("instant").asText()).toEpochMilli()).isEqualTo(before.get("epochMilli").asLong());
      assertThat(Duration.ofMillis(after.get("epochMilli").asLong() - before.get("epochMilli").asLong()))
          .isBetween(Duration.ofHours(48), Duration.ofHours(48).plusMinutes(1));
      assertThat(clock.now()).isAfterOrEqualTo(Instant.parse(after.get("instant").asText()));
      assertProblem(send(withClock, "POST", "/actuator/clock/add", "{}"), 400, "Bad Request");
      assertProblem(send(withClock, "POST", "/actuator/clock/add", "{\"offsetMilli\": \"soon\"}"), 400, "Bad Request");
    }
  }

  @Test
  void withoutAClockTheClockEndpointsDoNotExist() throws Exception {
    assertProblem(send("GET", "/actuator/clock", ""), 404, "Not Found");
    assertProblem(send("POST", "/actuator/clock/add", "{\"offsetMilli\": 172800000}"), 404, "Not Found");
  }

  @Test
  void requestBodiesNeverReachTheLog() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(EngineRestApi.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Level level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(logged);
    try {
      client.newCompleteUserTaskCommand(TASK).variables(Map.of("buyerEmail", "lin@example.com")).send().join();
      send("POST", "/v2/user-tasks/" + TASK + "/completion", "{\"variables\": {\"buyerEmail\": \"lin@example.com\"");
      send("POST", "/v2/user-tasks/" + TASK + "/assignment", "{\"assignee\": {\"email\": \"lin@example.com\"}}");
    } finally {
      logger.detachAppender(logged);
      logger.setLevel(level);
    }

    assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
        .contains("POST /v2/user-tasks/" + TASK + "/completion -> 204")
        .noneMatch(message -> message.contains("lin@example.com"));
  }

  private static EngineRestApi started(EngineCommands commands, Optional<EngineClock> clock, Duration timeout) {
    EngineRestApi api = new EngineRestApi(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), commands, clock, (job, json) -> Optional.empty(),
        timeout);
    api.start();
    return api;
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return send(api, method, path, body);
  }

  private HttpResponse<String> send(EngineRestApi target, String method, String path, String body) throws Exception {
    return raw.send(target.port(), method, path, body);
  }

  private JsonNode assertProblem(HttpResponse<String> response, int status, String title) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asText()).isEqualTo(title);
    assertThat(problem.get("instance").asText()).isEqualTo(response.request().uri().getRawPath());
    return problem;
  }

  record Written(long key, ValueType valueType, Intent intent, UserTaskRecord command) {}

  /**
   * Keeps each command as the log would (serialized, then read back) and answers as the engine
   * does: accepted with the follow-up event, or with the refusal chosen for the task's key.
   */
  static final class RecordingEngine implements EngineCommands {

    final List<Written> written = new CopyOnWriteArrayList<>();
    private final Map<Long, Refusal> refusals = new ConcurrentHashMap<>();

    private record Refusal(RejectionType type, String reason) {}

    void refuse(long key, RejectionType rejection, String reason) {
      refusals.put(key, new Refusal(rejection, reason));
    }

    Written onlyWritten() {
      assertThat(written).hasSize(1);
      return written.getFirst();
    }

    @Override
    public CompletableFuture<CommandAnswer> send(
        long key, ValueType valueType, Intent intent, UnifiedRecordValue command) {
      byte[] bytes = new byte[command.getLength()];
      command.write(new UnsafeBuffer(bytes), 0);
      UserTaskRecord copy = new UserTaskRecord();
      copy.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
      written.add(new Written(key, valueType, intent, copy));
      Refusal refusal = refusals.get(key);
      if (refusal != null) {
        return CompletableFuture.completedFuture(
            new CommandAnswer(key, intent, refusal.type(), refusal.reason(), new byte[0]));
      }
      Intent followUp = switch ((UserTaskIntent) intent) {
        case COMPLETE -> UserTaskIntent.COMPLETED;
        case ASSIGN, CLAIM -> UserTaskIntent.ASSIGNED;
        case UPDATE -> UserTaskIntent.UPDATED;
        default -> throw new IllegalArgumentException("The REST API has no business writing " + intent);
      };
      return CompletableFuture.completedFuture(new CommandAnswer(key, followUp, RejectionType.NULL_VAL, "", bytes));
    }
  }
}
