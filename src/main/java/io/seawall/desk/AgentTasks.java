package io.seawall.desk;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

/**
 * The agents' inbox: open tasks kept from their task listeners, and the claim, unclaim and
 * complete an agent does on them, sent to the engine as native user-task commands. The engine
 * stays the judge (it refuses a claim on a task someone else holds); the inbox checks the form and
 * who may act, and the case timeline records who did what.
 */
@Service
public class AgentTasks {

  private final AgentTaskRepository tasks;
  private final TaskForms forms;
  private final CamundaClient camunda;
  private final Cases cases;
  private final Clock clock;
  private final InboxQuery inbox;

  AgentTasks(
      AgentTaskRepository tasks, TaskForms forms, CamundaClient camunda, Cases cases, Clock clock, InboxQuery inbox) {
    this.tasks = tasks;
    this.inbox = inbox;
    this.forms = forms;
    this.camunda = camunda;
    this.cases = cases;
    this.clock = clock;
  }

  void created(TaskListenerJob job) {
    if (tasks.existsById(job.userTaskKey())) {
      return;
    }
    AgentTask task = new AgentTask();
    task.key = job.userTaskKey();
    task.caseId = job.caseId();
    task.processInstanceKey = job.processInstanceKey();
    task.bpmnProcessId = job.bpmnProcessId();
    task.elementId = job.elementId();
    task.formId = forms.formOf(job.bpmnProcessId(), job.elementId()).orElse(null);
    task.candidateGroups = AgentTask.groupsColumn(job.candidateGroups());
    task.assignee = job.assignee();
    task.dueAt = job.dueAt();
    task.priority = job.priority();
    task.status = AgentTaskStatus.OPEN;
    task.createdAt = clock.instant();
    tasks.save(task);
  }

  void assigned(TaskListenerJob job) {
    tasks.findById(job.userTaskKey()).ifPresent(task -> {
      task.assignee = job.assignee();
      tasks.save(task);
    });
  }

  void closed(TaskListenerJob job, AgentTaskStatus status) {
    tasks.findById(job.userTaskKey()).filter(t -> t.status == AgentTaskStatus.OPEN).ifPresent(task -> {
      task.status = status;
      task.closedAt = clock.instant();
      tasks.save(task);
    });
  }

  public Page<AgentTaskView> list(
      Agent agent, TaskScope scope, AgentTaskStatus status, UUID caseId, Pageable page) {
    Specification<AgentTask> query = (root, q, cb) -> {
      List<Predicate> all = new ArrayList<>();
      all.add(cb.equal(root.get("status"), status));
      if (caseId != null) {
        all.add(cb.equal(root.get("caseId"), caseId));
      }
      if (scope == TaskScope.MINE) {
        all.add(cb.equal(root.get("assignee"), agent.name()));
      } else if (!agent.seesEverything()) {
        all.add(cb.or(agent.groups().stream()
            .map(g -> cb.like(root.get("candidateGroups"), "%," + g + ",%"))
            .toArray(Predicate[]::new)));
      }
      return cb.and(all.toArray(Predicate[]::new));
    };
    return tasks.findAll(query, page).map(AgentTask::view);
  }

  /** The desk's inbox: the agent's open tasks with their cases' facts, soonest due first. */
  public InboxPage inbox(Agent agent, InboxFilter filter) {
    return inbox.page(agent, filter, clock.instant());
  }

  /** The form a task asks the agent to fill, as ops staff laid it out. */
  public Optional<TaskForm> form(String formId) {
    return formId == null ? Optional.empty() : forms.layoutOf(formId);
  }

  public AgentTaskView find(long key, Agent agent) {
    return workable(key, agent).view();
  }

  public AgentTaskView claim(long key, Agent agent) {
    AgentTask task = workable(key, agent);
    engine(() -> camunda.newAssignUserTaskCommand(key).assignee(agent.name()).allowOverride(false)
        .action("claim").send().join());
    cases.record(task.caseId, TimelineKind.TASK_ASSIGNED, task.elementId, agent.name(), "claimed the task", null);
    return reread(key);
  }

  public AgentTaskView unclaim(long key, Agent agent) {
    AgentTask task = workable(key, agent);
    if (task.assignee != null && !task.assignee.equals(agent.name()) && !agent.seesEverything()) {
      throw new DeskProblem.Conflict("Task " + key + " is held by " + task.assignee + "; only they can give it back");
    }
    engine(() -> camunda.newUnassignUserTaskCommand(key).send().join());
    cases.record(task.caseId, TimelineKind.TASK_ASSIGNED, task.elementId, agent.name(), "gave the task back", null);
    return reread(key);
  }

  /** Completes the task with the form's values once they pass the form's rules; else it stays open. */
  public AgentTaskView complete(long key, Agent agent, Map<String, Object> values) {
    AgentTask task = workable(key, agent);
    if (task.assignee != null && !task.assignee.equals(agent.name())) {
      throw new DeskProblem.Conflict("Task " + key + " is held by " + task.assignee);
    }
    if (task.formId != null) {
      List<DeskProblem.FieldError> errors = forms.check(task.formId, values);
      if (!errors.isEmpty()) {
        throw new DeskProblem.InvalidValues(errors);
      }
    }
    engine(() -> camunda.newCompleteUserTaskCommand(key).variables(values).action("complete").send().join());
    AgentTask done = tasks.findById(key).orElseThrow();
    done.status = AgentTaskStatus.COMPLETED;
    done.completedBy = agent.name();
    done.closedAt = done.closedAt == null ? clock.instant() : done.closedAt;
    tasks.save(done);
    cases.record(task.caseId, TimelineKind.TASK_COMPLETED, task.elementId, agent.name(), summary(values), null);
    return done.view();
  }

  private AgentTask workable(long key, Agent agent) {
    AgentTask task = tasks.findById(key)
        .filter(t -> t.status == AgentTaskStatus.OPEN)
        .orElseThrow(() -> new DeskProblem.NotFound(key));
    if (!agent.mayWork(task)) {
      throw new DeskProblem.NotFound(key);
    }
    return task;
  }

  private AgentTaskView reread(long key) {
    return tasks.findById(key).orElseThrow().view();
  }

  /** Codes and numbers the agent chose; free text stays out of the timeline. */
  private static String summary(Map<String, Object> values) {
    return "completed: " + values.entrySet().stream()
        .filter(e -> !(e.getValue() instanceof String s) || s.matches("[A-Z0-9_]{1,64}"))
        .map(e -> e.getKey() + "=" + e.getValue())
        .sorted()
        .collect(Collectors.joining(", "));
  }

  private static void engine(Runnable command) {
    try {
      command.run();
    } catch (ProblemException refused) {
      String detail = refused.details() == null ? refused.getMessage() : refused.details().getDetail();
      if (refused.code() == 404) {
        throw new DeskProblem.Conflict("The engine no longer has this task: " + detail);
      }
      throw new DeskProblem.Conflict(detail);
    }
  }

  // ---- Intake (issue 6) ----

  /** The buyer wrote about the case: its open tasks show when, so the agent reads it before acting. */
  public void buyerWrote(UUID caseId, Instant at) {
    Specification<AgentTask> openOfCase = (root, q, cb) ->
        cb.and(cb.equal(root.get("caseId"), caseId), cb.equal(root.get("status"), AgentTaskStatus.OPEN));
    tasks.findAll(openOfCase).forEach(task -> {
      task.buyerWroteAt = at;
      tasks.save(task);
    });
  }
}
