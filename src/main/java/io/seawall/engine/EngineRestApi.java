package io.seawall.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.util.buffer.BufferUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of the Camunda 8.8 REST API that the embedded engine serves: the user-task commands
 * Seawall sends (complete, assign, unassign, update), written to the engine as the cluster's
 * gateway writes them and answered as it answers, so an unmodified Camunda client works against
 * either. With clock control on it also serves the cluster's {@code /actuator/clock} endpoints.
 * Request bodies are never logged: task variables may hold personal data.
 */
final class EngineRestApi implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EngineRestApi.class);
  private static final Pattern USER_TASK = Pattern.compile("/v2/user-tasks/([^/]+)(/completion|/assignment|/assignee)?");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final EngineCommands commands;
  private final Optional<EngineClock> clock;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();

  EngineRestApi(InetSocketAddress address, EngineCommands commands, Optional<EngineClock> clock, Duration timeout) {
    this.commands = commands;
    this.clock = clock;
    this.timeout = timeout;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("The engine's REST API cannot listen on " + address, e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    Answer answer;
    try {
      answer = route(method, path, exchange.getRequestBody());
    } catch (BadRequest e) {
      answer = Answer.problem(400, "INVALID_ARGUMENT", e.getMessage(), path);
    } catch (RuntimeException e) {
      log.error("Engine REST API failed on {} {}", method, path, e);
      answer = Answer.problem(500, "INTERNAL_SERVER_ERROR", "The embedded engine failed to handle the request", path);
    }
    log.debug("{} {} -> {}", method, path, answer.status());
    send(exchange, answer);
  }

  private Answer route(String method, String path, InputStream body) throws IOException {
    Matcher task = USER_TASK.matcher(path);
    if (task.matches()) {
      String action = task.group(2) == null ? "" : task.group(2);
      String expected = switch (action) {
        case "/completion", "/assignment" -> "POST";
        case "/assignee" -> "DELETE";
        default -> "PATCH";
      };
      if (!expected.equals(method)) {
        return Answer.problem(405, "METHOD_NOT_ALLOWED", "Use " + expected + " on " + path, path);
      }
      long key = userTaskKey(task.group(1));
      JsonNode request = read(body);
      return switch (action) {
        case "/completion" -> complete(key, request, path);
        case "/assignment" -> assign(key, request, path);
        case "/assignee" -> write(key, UserTaskIntent.ASSIGN, assignment("", "unassign"), path);
        default -> update(key, request, path);
      };
    }
    if (clock.isPresent() && path.equals("/actuator/clock") && method.equals("GET")) {
      return clockAnswer();
    }
    if (clock.isPresent() && path.equals("/actuator/clock/add") && method.equals("POST")) {
      JsonNode offset = read(body).path("offsetMilli");
      if (!offset.canConvertToLong()) {
        throw new BadRequest("offsetMilli must be a number of milliseconds");
      }
      clock.get().advance(Duration.ofMillis(offset.asLong()));
      return clockAnswer();
    }
    return Answer.problem(404, "NOT_FOUND", "No endpoint " + method + " " + path + " on the embedded engine", path);
  }

  private Answer complete(long key, JsonNode request, String path) throws JsonProcessingException {
    UserTaskRecord command = new UserTaskRecord().setUserTaskKey(key).setAction(text(request, "action", "complete"));
    JsonNode variables = request.path("variables");
    if (!variables.isMissingNode() && !variables.isNull()) {
      if (!variables.isObject()) {
        throw new BadRequest("variables must be a JSON object");
      }
      command.setVariables(BufferUtil.wrapArray(MsgPackConverter.convertToMsgPack(json.writeValueAsString(variables))));
    }
    return write(key, UserTaskIntent.COMPLETE, command, path);
  }

  private Answer assign(long key, JsonNode request, String path) {
    String assignee = text(request, "assignee", "");
    if (assignee.isBlank()) {
      throw new BadRequest("No assignee provided");
    }
    JsonNode allowOverride = request.path("allowOverride");
    if (!allowOverride.isMissingNode() && !allowOverride.isNull() && !allowOverride.isBoolean()) {
      throw new BadRequest("allowOverride must be true or false");
    }
    // Without override the gateway claims: an engine refusal if someone else holds the task.
    UserTaskIntent intent = allowOverride.isBoolean() && !allowOverride.asBoolean()
        ? UserTaskIntent.CLAIM
        : UserTaskIntent.ASSIGN;
    return write(key, intent, assignment(assignee, text(request, "action", "assign")), path);
  }

  private static UserTaskRecord assignment(String assignee, String action) {
    return new UserTaskRecord().setAssignee(assignee).setAction(action);
  }

  private Answer update(long key, JsonNode request, String path) {
    JsonNode changes = request.path("changeset");
    if (changes.isMissingNode() || changes.isNull()) {
      changes = json.createObjectNode();
    }
    if (!changes.isObject()) {
      throw new BadRequest("changeset must be a JSON object");
    }
    UserTaskRecord command = new UserTaskRecord().setUserTaskKey(key).setAction(text(request, "action", "update"));
    if (changes.hasNonNull("dueDate")) {
      command.setDueDate(date(changes, "dueDate")).setDueDateChanged();
    }
    if (changes.hasNonNull("followUpDate")) {
      command.setFollowUpDate(date(changes, "followUpDate")).setFollowUpDateChanged();
    }
    if (changes.hasNonNull("candidateUsers")) {
      command.setCandidateUsersList(strings(changes, "candidateUsers")).setCandidateUsersChanged();
    }
    if (changes.hasNonNull("candidateGroups")) {
      command.setCandidateGroupsList(strings(changes, "candidateGroups")).setCandidateGroupsChanged();
    }
    if (changes.hasNonNull("priority")) {
      JsonNode priority = changes.get("priority");
      if (!priority.canConvertToInt() || priority.asInt() < 0 || priority.asInt() > 100) {
        throw new BadRequest("priority must be a whole number from 0 to 100");
      }
      command.setPriority(priority.asInt()).setPriorityChanged();
    }
    if (!command.hasChangedAttributes() && command.getAction().equals("update")) {
      throw new BadRequest("No update data provided: give at least one of dueDate, followUpDate, candidateUsers, candidateGroups, priority, or a custom action");
    }
    return write(key, UserTaskIntent.UPDATE, command, path);
  }

  private Answer write(long key, UserTaskIntent intent, UserTaskRecord command, String path) {
    command.setUserTaskKey(key);
    CommandAnswer answer;
    try {
      answer = commands.send(key, ValueType.USER_TASK, intent, command)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Answer.problem(504, "DEADLINE_EXCEEDED",
          "Expected to handle the request within " + timeout.toMillis() + " ms, but it took longer", path);
    } catch (ExecutionException e) {
      return Answer.problem(503, "RESOURCE_EXHAUSTED", e.getCause().getMessage(), path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.problem(503, "UNAVAILABLE", "The embedded engine is stopping", path);
    }
    if (answer.rejected()) {
      return Answer.problem(
          statusOf(answer.rejectionType()),
          answer.rejectionType().name(),
          "Command '%s' rejected with code '%s': %s".formatted(intent, answer.rejectionType(), answer.rejectionReason()),
          path);
    }
    return Answer.noContent();
  }

  /** As the cluster's gateway maps the engine's refusals. */
  private static int statusOf(RejectionType rejection) {
    return switch (rejection) {
      case NOT_FOUND -> 404;
      case INVALID_STATE, ALREADY_EXISTS -> 409;
      case INVALID_ARGUMENT -> 400;
      case UNAUTHORIZED -> 401;
      case FORBIDDEN -> 403;
      default -> 500;
    };
  }

  private Answer clockAnswer() {
    Instant now = clock.orElseThrow().now();
    ObjectNode body = json.createObjectNode().put("epochMilli", now.toEpochMilli()).put("instant", now.toString());
    return new Answer(200, "application/json", body.toString());
  }

  private static long userTaskKey(String text) {
    try {
      long key = Long.parseLong(text);
      if (key > 0) {
        return key;
      }
    } catch (NumberFormatException notANumber) {
      // answered below, as for a non-positive key
    }
    throw new BadRequest("The user task key must be a positive number, not '" + text + "'");
  }

  private JsonNode read(InputStream body) throws IOException {
    byte[] bytes = body.readAllBytes();
    if (bytes.length == 0) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(bytes);
      if (!node.isObject()) {
        throw new BadRequest("The request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadRequest("The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode request, String field, String otherwise) {
    JsonNode value = request.path(field);
    if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
      return otherwise;
    }
    if (!value.isTextual()) {
      throw new BadRequest(field + " must be a string");
    }
    return value.asText();
  }

  private static String date(JsonNode changes, String field) {
    String value = text(changes, field, "");
    if (value.isEmpty()) {
      return value;
    }
    try {
      OffsetDateTime.parse(value);
      return value;
    } catch (DateTimeParseException e) {
      throw new BadRequest(field + " must be an RFC 3339 date-time, not '" + value + "'");
    }
  }

  private static List<String> strings(JsonNode changes, String field) {
    JsonNode value = changes.get(field);
    if (!value.isArray()) {
      throw new BadRequest(field + " must be a list of strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new BadRequest(field + " must be a list of strings");
      }
      items.add(item.asText());
    }
    return items;
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    try (exchange) {
      if (answer.body().isEmpty()) {
        exchange.sendResponseHeaders(answer.status(), -1);
        return;
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private record Answer(int status, String contentType, String body) {

    static Answer noContent() {
      return new Answer(204, "", "");
    }

    static Answer problem(int status, String title, String detail, String instance) {
      ObjectNode problem = new ObjectMapper().createObjectNode()
          .put("type", "about:blank")
          .put("title", title)
          .put("status", status)
          .put("detail", detail)
          .put("instance", instance);
      return new Answer(status, "application/problem+json", problem.toString());
    }
  }

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
