package io.seawall.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA clock as escalation managers see it.
 *
 * @param paused whether the clock stands still now because the case waits for the buyer
 * @param pausedSeconds time that did not count because the case waited for the buyer (finished pauses)
 * @param lateBySeconds by how much the step overran its target: for a stopped clock its time used beyond
 *     the target (0 if met), for a running breached clock the time since it was due; null otherwise
 */
public record StepClockView(
    UUID caseId,
    String process,
    String step,
    String market,
    String marketplace,
    String caseType,
    String team,
    ClockKind clock,
    String calendar,
    long targetSeconds,
    Instant startedAt,
    Instant warnAt,
    Instant dueAt,
    Instant warnedAt,
    Instant breachedAt,
    boolean paused,
    long pausedSeconds,
    Instant stoppedAt,
    Long usedSeconds,
    Long lateBySeconds,
    ClockOutcome outcome) {}
