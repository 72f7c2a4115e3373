package io.seawall.process;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.seawall.engine.EngineTime;
import io.seawall.sla.StepClocks;
import io.seawall.sla.TimerCheck;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The jobs that run SLA clocks: execution listeners on tracked steps start and stop them (and on a
 * step that waits for the buyer, pause and resume the case's clocks); the tasks behind the warning
 * and breach timers (task header {@code step}: the clock's step) record what happened. Public only
 * because the Camunda starter invokes worker methods reflectively.
 */
@Component
public class SlaClockWorkers {

  /** Never ask again sooner than this: a job put back for less would spin. */
  private static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);

  private final StepClocks clocks;
  private final EngineTime time;

  SlaClockWorkers(StepClocks clocks, EngineTime time) {
    this.clocks = clocks;
    this.time = time;
  }

  /**
   * Hands the timers of the step their dates: {@code slaWarnAt} and {@code slaDueAt}. A start
   * listener's variables are local to its element, so two tracked steps running at once each see
   * their own dates.
   */
  @JobWorker(type = "sla.clock-start", fetchVariables = "caseId")
  public Map<String, Object> start(ActivatedJob job) {
    StepClocks.ClockDates dates = clocks.start(JobSource.of(job).caseId(), job.getBpmnProcessId(),
        job.getElementId(), job.getElementInstanceKey());
    return Map.of("slaWarnAt", dates.warnAt().toString(), "slaDueAt", dates.dueAt().toString());
  }

  @JobWorker(type = "sla.clock-stop", fetchVariables = "caseId")
  public void stop(ActivatedJob job) {
    clocks.stop(job.getElementInstanceKey());
  }

  @JobWorker(type = "sla.buyer-wait-start", fetchVariables = "caseId")
  public void buyerWaitStarted(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    clocks.buyerWaitBegan(source.caseId(), source.step(), source.key());
  }

  @JobWorker(type = "sla.buyer-wait-end", fetchVariables = "caseId")
  public void buyerWaitEnded(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    clocks.buyerWaitEnded(source.caseId(), source.step(), source.key());
  }

  @JobWorker(type = "sla.warn", fetchVariables = "caseId", autoComplete = false)
  public void warn(JobClient client, ActivatedJob job) {
    JobSource source = JobSource.of(job);
    TimerCheck check = clocks.warn(source.caseId(), JobSource.requiredHeader(job, "step"), source.key());
    answer(client, job, check, Map.of());
  }

  /** Completes with {@code slaBreached}: false when the step ended in time after a pause moved its due date. */
  @JobWorker(type = "sla.breach", fetchVariables = "caseId", autoComplete = false)
  public void breach(JobClient client, ActivatedJob job) {
    JobSource source = JobSource.of(job);
    TimerCheck check = clocks.breach(source.caseId(), JobSource.requiredHeader(job, "step"), source.key());
    answer(client, job, check, Map.of("slaBreached", check instanceof TimerCheck.Reached));
  }

  /**
   * A mark a pause moved out puts the job back until the clock can reach it (a failure that keeps
   * its retries, so no incident): the armed timer cannot be moved, the job's backoff can.
   */
  private void answer(JobClient client, ActivatedJob job, TimerCheck check, Map<String, Object> variables) {
    switch (check) {
      case TimerCheck.NotYet notYet -> {
        Duration wait = Duration.between(time.now(), notYet.askAgainAt());
        client.newFailCommand(job).retries(job.getRetries())
            .retryBackoff(wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wait)
            .errorMessage("SLA clock paused while the case waited for the buyer; asking again at " + notYet.askAgainAt())
            .send().join();
      }
      case TimerCheck.Reached reached -> client.newCompleteCommand(job).variables(variables).send().join();
      case TimerCheck.StepEnded ended -> client.newCompleteCommand(job).variables(variables).send().join();
    }
  }
}
