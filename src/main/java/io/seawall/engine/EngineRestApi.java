package io.seawall.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * The part of the Camunda 8.8 REST API the embedded engine serves: the user-task commands
 * (complete, assign, unassign, update), validated, written and answered as the cluster's gateway
 * does, so an unmodified Camunda client works against either. With clock control on it also
 * serves the cluster's {@code /actuator/clock} endpoints. Request bodies are never logged: task
 * variables may hold personal data.
 */
final class EngineRestApi implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EngineRestApi.class);

  private static final Pattern USER_TASK =
      Pattern.compile("/v2/user-tasks/([^/]+)(/completion|/assignment|/assignee)?");

  /** Zeebe's default maximum message size: a larger command could not be written anyway. */
  private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private static final String EMPTY_CHANGESET =
      "No update data provided. Provide at least an \"action\" or a non-null value for a supported"
          + " attribute in the \"changeset\"";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final EngineCommands commands;
  private final Optional<EngineClock> clock;
  private final EngineIncidents incidents;
  private final Duration requestTimeout;
  private final ObjectMapper json = new ObjectMapper();

  EngineRestApi(
      InetSocketAddress bindAddress,
      EngineCommands commands,
      Optional<EngineClock> clock,
      EngineIncidents incidents,
      Duration requestTimeout) {
    this.commands = commands;
    this.clock = clock;
    this.incidents = incidents;
    this.requestTimeout = requestTimeout;
    try {
      server = HttpServer.create(bindAddress, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("The engine's REST API cannot listen on " + bindAddress, e);
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
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Answer answer;
    try {
      answer = route(method, path, exchange.getRequestBody());
    } catch (Refusal refusal) {
      answer = refusal.answer(path);
    } catch (RuntimeException e) {
      log.error("The engine's REST API failed on {} {}", method, path, e);
      answer = Answer.problem(500, "INTERNAL",
          "Unexpected error occurred during the request processing: " + e.getMessage(), path);
    }
    log.debug("{} {} -> {}", method, path, answer.status());
    send(exchange, answer);
  }

  private Answer route(String method, String path, InputStream body) throws IOException {
    Matcher task = USER_TASK.matcher(path);
    if (task.matches()) {
      String operation = task.group(2) == null ? "" : task.group(2);
      String allowed = switch (operation) {
        case "/completion", "/assignment" -> "POST";
        case "/assignee" -> "DELETE";
        default -> "PATCH";
      };
      if (!allowed.equals(method)) {
        return methodNotAllowed(method, allowed, path);
      }
      // As Spring resolves the gateway's arguments: the path's key first, then the body.
      long key = userTaskKey(task.group(1));
      return switch (operation) {
        case "/completion" -> complete(key, read(body), path);
        case "/assignment" -> assign(key, read(body), path);
        case "/assignee" -> write(key, UserTaskIntent.ASSIGN, assignment(key, "", "unassign"), path);
        default -> update(key, read(body), path);
      };
    }
    if (path.equals("/v2/incidents/search")) {
      return method.equals("POST") ? searchIncidents(read(body)) : methodNotAllowed(method, "POST", path);
    }
    if (clock.isPresent() && path.equals("/actuator/clock")) {
      return method.equals("GET") ? clockAnswer() : methodNotAllowed(method, "GET", path);
    }
    if (clock.isPresent() && path.equals("/actuator/clock/add")) {
      return method.equals("POST") ? advanceClock(read(body)) : methodNotAllowed(method, "POST", path);
    }
    throw new Refusal(404, "Not Found", "No endpoint " + method + " " + path);
  }

  /**
   * A cluster searches every incident; the embedded engine has no secondary storage and answers the
   * one filter Seawall uses, the job's key ({@code "123"} or {@code {"$eq": "123"}}), from its state.
   */
  private Answer searchIncidents(Optional<ObjectNode> request) {
    JsonNode jobKey = request.map(r -> r.path("filter").path("jobKey")).orElse(json.missingNode());
    if (jobKey.isObject()) {
      jobKey = jobKey.path("$eq");
    }
    if (!jobKey.isTextual() && !jobKey.isIntegralNumber()) {
      throw new Refusal(400, "INVALID_ARGUMENT", "The embedded engine searches incidents by filter.jobKey only");
    }
    long key;
    try {
      key = Long.parseLong(jobKey.asText());
    } catch (NumberFormatException e) {
      throw new Refusal(400, "INVALID_ARGUMENT", "filter.jobKey must be a number");
    }
    ArrayNode items = json.createArrayNode();
    incidents.ofJob(key, json).ifPresent(items::add);
    ObjectNode answer = json.createObjectNode();
    answer.set("items", items);
    answer.putObject("page").put("totalItems", items.size());
    return new Answer(200, Map.of("Content-Type", "application/json"), answer.toString());
  }

  private Answer complete(long key, Optional<ObjectNode> request, String path) {
    UserTaskRecord command = new UserTaskRecord()
        .setUserTaskKey(key)
        // The gateway passes an absent action on as empty; the engine then records "complete".
        .setAction(request.map(r -> string(r, "action", "action")).orElse(""));
    Optional<ObjectNode> variables = request.flatMap(r -> object(r, "variables"));
    if (variables.isPresent() && !variables.get().isEmpty()) {
      command.setVariables(BufferUtil.wrapArray(MsgPackConverter.convertToMsgPack(variables.get().toString())));
    }
    return write(key, UserTaskIntent.COMPLETE, command, path);
  }

  private Answer assign(long key, Optional<ObjectNode> body, String path) {
    ObjectNode request = body.orElseThrow(() -> new Refusal(400, "Bad Request", "Required request body is missing"));
    String assignee = string(request, "assignee", "assignee");
    if (assignee == null || assignee.isBlank()) {
      throw new Refusal(400, "INVALID_ARGUMENT", "No assignee provided");
    }
    String action = string(request, "action", "action");
    Boolean allowOverride = bool(request, "allowOverride");
    // Without override the gateway claims, which the engine refuses while someone else holds the task.
    UserTaskIntent intent = allowOverride == null || allowOverride ? UserTaskIntent.ASSIGN : UserTaskIntent.CLAIM;
    return write(key, intent, assignment(key, assignee, action == null || action.isBlank() ? "assign" : action), path);
  }

  private static UserTaskRecord assignment(long key, String assignee, String action) {
    return new UserTaskRecord().setUserTaskKey(key).setAssignee(assignee).setAction(action);
  }

  private Answer update(long key, Optional<ObjectNode> body, String path) {
    Optional<ObjectNode> changes = body.flatMap(r -> object(r, "changeset"));
    String action = body.map(r -> string(r, "action", "action")).orElse(null);
    UserTaskRecord command = new UserTaskRecord().setUserTaskKey(key);
    List<String> violations = new ArrayList<>();
    // In the order the gateway applies them, so the changed attributes are listed alike.
    changes.map(c -> strings(c, "candidateGroups"))
        .ifPresent(groups -> command.setCandidateGroupsList(groups).setCandidateGroupsChanged());
    changes.map(c -> strings(c, "candidateUsers"))
        .ifPresent(users -> command.setCandidateUsersList(users).setCandidateUsersChanged());
    changes.map(c -> date(c, "dueDate", "due date", violations))
        .ifPresent(due -> command.setDueDate(due).setDueDateChanged());
    changes.map(c -> date(c, "followUpDate", "follow-up date", violations))
        .ifPresent(followUp -> command.setFollowUpDate(followUp).setFollowUpDateChanged());
    changes.map(EngineRestApi::priority).ifPresent(priority -> {
      if (priority < 0 || priority > 100) {
        violations.add("The value for priority is '%d' but must be within the [0,100] range".formatted(priority));
      }
      command.setPriority(priority).setPriorityChanged();
    });
    if (action == null && !command.hasChangedAttributes()) {
      violations.addFirst(EMPTY_CHANGESET);
    }
    if (!violations.isEmpty()) {
      throw new Refusal(400, "INVALID_ARGUMENT", String.join(". ", violations) + ".");
    }
    // As for completion, an absent action goes to the engine empty and it records "update".
    command.setAction(action == null ? "" : action);
    return write(key, UserTaskIntent.UPDATE, command, path);
  }

  private Answer write(long key, UserTaskIntent intent, UserTaskRecord command, String path) {
    CompletableFuture<CommandAnswer> pending = commands.send(key, ValueType.USER_TASK, intent, command);
    CommandAnswer answer;
    try {
      answer = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // The command stays in the log and may still be processed, as on a cluster; only the wait ends.
      pending.cancel(false);
      return Answer.problem(504, "DEADLINE_EXCEEDED",
          "Expected to handle request, but request timed out between gateway and broker", path);
    } catch (ExecutionException e) {
      return Answer.problem(503, "UNAVAILABLE", String.valueOf(e.getCause().getMessage()), path);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.problem(503, "UNAVAILABLE", "The embedded engine is stopping", path);
    }
    return answer.rejected() ? rejection(intent, answer, path) : Answer.noContent();
  }

  /** As the 8.8 gateway's ErrorMapper and RestErrorMapper turn an engine refusal into a problem. */
  private static Answer rejection(UserTaskIntent intent, CommandAnswer answer, String path) {
    String detail = "Command '%s' rejected with code '%s': %s"
        .formatted(intent, answer.rejectionType(), answer.rejectionReason());
    return switch (answer.rejectionType()) {
      case NOT_FOUND -> Answer.problem(404, "NOT_FOUND", detail, path);
      case INVALID_STATE -> Answer.problem(409, "INVALID_STATE", detail, path);
      case ALREADY_EXISTS -> Answer.problem(409, "ALREADY_EXISTS", detail, path);
      case INVALID_ARGUMENT -> Answer.problem(400, "INVALID_ARGUMENT", detail, path);
      case UNAUTHORIZED -> Answer.problem(401, "UNAUTHORIZED", detail, path);
      case FORBIDDEN -> Answer.problem(403, "FORBIDDEN", detail, path);
      case PROCESSING_ERROR, EXCEEDED_BATCH_RECORD_SIZE -> Answer.problem(500, "INTERNAL", detail, path);
      default -> Answer.problem(500, "UNKNOWN", detail, path);
    };
  }

  private Answer advanceClock(Optional<ObjectNode> request) {
    JsonNode offset = request.map(r -> r.path("offsetMilli")).orElse(json.missingNode());
    if (offset.isMissingNode() || offset.isNull()) {
      throw new Refusal(400, "Bad Request", "Missing parameters: offsetMilli");
    }
    if (!offset.isIntegralNumber() || !offset.canConvertToLong()) {
      throw cannotParse("offsetMilli");
    }
    clock.orElseThrow().advance(Duration.ofMillis(offset.asLong()));
    return clockAnswer();
  }

  private Answer clockAnswer() {
    Instant now = clock.orElseThrow().now();
    ObjectNode body = json.createObjectNode().put("epochMilli", now.toEpochMilli()).put("instant", now.toString());
    return new Answer(200, Map.of("Content-Type", "application/json"), body.toString());
  }

  private static Answer methodNotAllowed(String method, String allowed, String path) {
    return new Answer(405, Map.of("Content-Type", "application/problem+json", "Allow", allowed),
        Answer.problemBody(405, "Method Not Allowed", "Method '" + method + "' is not supported.", path));
  }

  private static long userTaskKey(String text) {
    long key;
    try {
      key = Long.parseLong(text);
    } catch (NumberFormatException notANumber) {
      throw new Refusal(400, "Bad Request", "Failed to convert 'userTaskKey' with value: '" + text + "'");
    }
    if (key <= 0) {
      throw new Refusal(400, "INVALID_ARGUMENT", "The value for userTaskKey is '" + key + "' but must be > 0");
    }
    return key;
  }

  /** The request's JSON object, or empty when there is no body (or a JSON null). */
  private Optional<ObjectNode> read(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new Refusal(413, "Payload Too Large", "The request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      // Where, not what: the parser's message would quote the body back.
      String where = e.getLocation() == null
          ? ""
          : " (line %d, column %d)".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
      throw new Refusal(400, "Bad Request", "Failed to read request: the body is not valid JSON" + where);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw new Refusal(400, "Bad Request", "Failed to read request: the body must be a JSON object");
    }
    return Optional.of((ObjectNode) node);
  }

  /** A string property; like the gateway's Jackson, a number or boolean is taken as its text. */
  private static String string(ObjectNode request, String field, String name) {
    JsonNode value = request.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw cannotParse(name);
    }
    return value.asText();
  }

  private static Boolean bool(ObjectNode request, String field) {
    JsonNode value = request.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
      return Boolean.parseBoolean(value.textValue());
    }
    throw cannotParse(field);
  }

  private static Optional<ObjectNode> object(ObjectNode request, String field) {
    JsonNode value = request.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw cannotParse(field);
    }
    return Optional.of((ObjectNode) value);
  }

  private static List<String> strings(ObjectNode changes, String field) {
    JsonNode value = changes.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw cannotParse("changeset." + field);
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isValueNode() || item.isNull()) {
        throw cannotParse("changeset." + field);
      }
      items.add(item.asText());
    }
    return items;
  }

  /** An RFC 3339 date, or "" which clears it; an unparsable one is a violation, reported with the others. */
  private static String date(ObjectNode changes, String field, String name, List<String> violations) {
    String value = string(changes, field, "changeset." + field);
    if (value != null && !value.isEmpty()) {
      try {
        OffsetDateTime.parse(value);
      } catch (DateTimeParseException e) {
        violations.add("The provided %s '%s' cannot be parsed as a date according to RFC 3339, section 5.6"
            .formatted(name, value));
      }
    }
    return value;
  }

  /** The gateway reads the priority strictly: a fraction, a string or a huge number is refused. */
  private static Integer priority(ObjectNode changes) {
    JsonNode value = changes.path("priority");
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new Refusal(400, "INVALID_ARGUMENT", "Invalid input: '%s' for field 'changeset.priority' registered as %s"
          .formatted(value.asText(), Integer.class.getName()));
    }
    return value.intValue();
  }

  private static Refusal cannotParse(String property) {
    return new Refusal(400, "Bad Request", "Request property [" + property + "] cannot be parsed");
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    try (exchange) {
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      if (answer.body().isEmpty()) {
        exchange.sendResponseHeaders(answer.status(), -1);
        return;
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Answer noContent() {
      return new Answer(204, Map.of(), "");
    }

    /** An RFC 9457 problem, shaped as the gateway's Spring ProblemDetail serializes. */
    static Answer problem(int status, String title, String detail, String instance) {
      return new Answer(status, Map.of("Content-Type", "application/problem+json"),
          problemBody(status, title, detail, instance));
    }

    static String problemBody(int status, String title, String detail, String instance) {
      return JSON.createObjectNode()
          .put("type", "about:blank")
          .put("title", title)
          .put("status", status)
          .put("detail", detail)
          .put("instance", instance)
          .toString();
    }
  }

  /** A request refused before anything is written to the engine. */
  private static final class Refusal extends RuntimeException {

    private final int status;
    private final String title;

    Refusal(int status, String title, String detail) {
      super(detail, null, false, false);
      this.status = status;
      this.title = title;
    }

    Answer answer(String path) {
      return Answer.problem(status, title, getMessage(), path);
    }
  }
}
