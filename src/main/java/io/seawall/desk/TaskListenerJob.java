package io.seawall.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a task listener's job says about its user task. The engine puts the task's properties in
 * the job's headers ({@code io.camunda.zeebe:*}), on a cluster and on the embedded engine alike.
 */
record TaskListenerJob(
    long userTaskKey,
    UUID caseId,
    long processInstanceKey,
    String bpmnProcessId,
    String elementId,
    List<String> candidateGroups,
    String assignee,
    Instant dueAt,
    int priority,
    String jobKey) {

  private static final String PREFIX = "io.camunda.zeebe:";
  private static final ObjectMapper JSON = new ObjectMapper();

  static TaskListenerJob of(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    Object caseId = job.getVariablesAsMap().get("caseId");
    String key = headers.get(PREFIX + "userTaskKey");
    if (caseId == null || key == null) {
      throw new IllegalStateException(
          "Task listener job " + job.getType() + " at " + job.getElementId() + " lacks caseId or the user task key");
    }
    String assignee = headers.getOrDefault(PREFIX + "assignee", "");
    String due = headers.get(PREFIX + "dueDate");
    String priority = headers.get(PREFIX + "priority");
    return new TaskListenerJob(
        Long.parseLong(key),
        UUID.fromString(caseId.toString()),
        job.getProcessInstanceKey(),
        job.getBpmnProcessId(),
        job.getElementId(),
        groups(headers.get(PREFIX + "candidateGroups")),
        assignee.isBlank() ? null : assignee,
        due == null || due.isBlank() ? null : ZonedDateTime.parse(due).toInstant(),
        priority == null ? 50 : Integer.parseInt(priority),
        "job:" + job.getKey());
  }

  private static List<String> groups(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable candidate groups header: " + e.getOriginalMessage(), e);
    }
  }
}
