package io.seawall.desk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agent's task as the inbox shows it. */
public record AgentTaskView(
    long key,
    UUID caseId,
    String process,
    String step,
    String formId,
    List<String> candidateGroups,
    String assignee,
    Instant dueAt,
    int priority,
    AgentTaskStatus status,
    Instant createdAt,
    Instant closedAt,
    String completedBy,
    /** When the buyer last wrote about the case while this task was open; null if not. */
    Instant buyerWroteAt) {}
