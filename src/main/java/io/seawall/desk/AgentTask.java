package io.seawall.desk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A native user task in the agents' inbox, kept in step with the engine by its task listeners. */
@Entity
@Table(name = "agent_task")
class AgentTask {

  @Id
  @Column(name = "user_task_key")
  long key;

  UUID caseId;
  long processInstanceKey;
  String bpmnProcessId;
  String elementId;
  String formId;
  String candidateGroups;
  String assignee;
  Instant dueAt;
  int priority;

  @Enumerated(EnumType.STRING)
  AgentTaskStatus status;

  Instant createdAt;
  Instant closedAt;
  String completedBy;
  Instant buyerWroteAt;

  static String groupsColumn(List<String> groups) {
    return "," + String.join(",", groups) + ",";
  }

  List<String> groups() {
    return Arrays.stream(candidateGroups.split(",")).filter(g -> !g.isEmpty()).toList();
  }

  AgentTaskView view() {
    return new AgentTaskView(key, caseId, bpmnProcessId, elementId, formId, groups(), assignee, dueAt, priority,
        status, createdAt, closedAt, completedBy, buyerWroteAt);
  }
}
