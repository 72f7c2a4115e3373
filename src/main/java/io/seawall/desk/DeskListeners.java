package io.seawall.desk;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * Task listeners that keep the agents' inbox in step with the engine. Each agent's task in the
 * models carries these four (see connectors/README.md); the workers only translate.
 */
@Component
public class DeskListeners {

  private final AgentTasks tasks;

  DeskListeners(AgentTasks tasks) {
    this.tasks = tasks;
  }

  @JobWorker(type = "desk.task-created", fetchVariables = "caseId")
  public void created(ActivatedJob job) {
    tasks.created(TaskListenerJob.of(job));
  }

  @JobWorker(type = "desk.task-assigned", fetchVariables = "caseId")
  public void assigned(ActivatedJob job) {
    tasks.assigned(TaskListenerJob.of(job));
  }

  @JobWorker(type = "desk.task-completed", fetchVariables = "caseId")
  public void completed(ActivatedJob job) {
    tasks.closed(TaskListenerJob.of(job), AgentTaskStatus.COMPLETED);
  }

  @JobWorker(type = "desk.task-canceled", fetchVariables = "caseId")
  public void canceled(ActivatedJob job) {
    tasks.closed(TaskListenerJob.of(job), AgentTaskStatus.CANCELED);
  }
}
