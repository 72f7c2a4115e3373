package io.seawall.desk;

import io.seawall.cases.StoreDisagreements;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Looks for cases that wait for an agent with no task open for them: the inbox shows nothing, the
 * engine waits for nothing, and nobody would ever act on the case. A case gets a grace period first,
 * since its task appears a moment after it starts waiting. What it finds goes to {@link
 * StoreDisagreements}; a case that has its task again, or moved on, is settled there.
 */
@Component
class AgentTaskAudit {

  private static final Logger log = LoggerFactory.getLogger(AgentTaskAudit.class);
  private static final int CHUNK = 500;

  private final StoreDisagreements disagreements;
  private final AgentTaskRepository tasks;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private final Duration every;
  private final Duration grace;

  AgentTaskAudit(
      StoreDisagreements disagreements,
      AgentTaskRepository tasks,
      TaskScheduler scheduler,
      Clock clock,
      @Value("${seawall.desk.task-audit.every:1m}") Duration every,
      @Value("${seawall.desk.task-audit.grace:2m}") Duration grace) {
    this.disagreements = disagreements;
    this.tasks = tasks;
    this.scheduler = scheduler;
    this.clock = clock;
    this.every = every;
    this.grace = grace;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    scheduler.scheduleWithFixedDelay(this::auditQuietly, clock.instant().plus(every), every);
  }

  void audit() {
    List<UUID> waiting = disagreements.waitingForAgentSince(clock.instant().minus(grace));
    Set<UUID> stranded = new HashSet<>(waiting);
    for (int from = 0; from < waiting.size(); from += CHUNK) {
      stranded.removeAll(tasks.casesWithOpenTask(waiting.subList(from, Math.min(waiting.size(), from + CHUNK))));
    }
    stranded.forEach(disagreements::taskMissing);
    disagreements.openCases(StoreDisagreements.Kind.TASK_MISSING).stream()
        .filter(caseId -> !stranded.contains(caseId))
        .forEach(caseId -> disagreements.settled(StoreDisagreements.Kind.TASK_MISSING, caseId));
  }

  private void auditQuietly() {
    try {
      audit();
    } catch (RuntimeException e) {
      log.warn("The audit of cases waiting for an agent failed; it runs again in {}", every, e);
    }
  }
}
