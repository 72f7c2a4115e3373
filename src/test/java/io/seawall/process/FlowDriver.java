package io.seawall.process;

import static org.awaitility.Awaitility.await;

import io.seawall.ProcessJournal;
import io.seawall.cases.CaseStatus;
import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.engine.EngineClock;
import java.time.Duration;
import java.util.UUID;

/**
 * Drives a case through its flow in process tests the way time would: finds the flow the case was
 * routed into, moves the engine clock past a polling loop's next round, and waits for the case to end.
 */
final class FlowDriver {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Cases cases;
  private final ProcessJournal journal;
  private final EngineClock clock;

  FlowDriver(Cases cases, ProcessJournal journal, EngineClock clock) {
    this.cases = cases;
    this.journal = journal;
    this.clock = clock;
  }

  /** The instance of {@code processId} that the case's after-sales-case called. */
  long flowOf(UUID caseId, String processId) {
    long instance = await().atMost(PATIENCE).until(() -> cases.find(caseId).processInstanceKey(), key -> key != null);
    return await().atMost(PATIENCE)
        .until(() -> journal.calledInstance(instance, processId), found -> found.isPresent()).orElseThrow();
  }

  /** Waits for the {@code round}th timer of a polling loop, then moves the engine clock past it. */
  void pollRound(long instance, String timer, int round, Duration by) {
    await().atMost(PATIENCE).until(() -> journal.timersScheduled(instance, timer) >= round);
    clock.advance(by.plusMinutes(1));
  }

  /** The case once it is resolved and its after-sales-case process has ended. */
  CaseView resolved(UUID caseId) {
    long processInstanceKey = await().atMost(PATIENCE)
        .until(() -> cases.find(caseId), c -> c.status() == CaseStatus.RESOLVED).processInstanceKey();
    await().atMost(PATIENCE).until(() -> journal.isCompleted(processInstanceKey));
    return cases.find(caseId);
  }
}
