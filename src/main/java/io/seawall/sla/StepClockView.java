package io.seawall.sla;

import java.time.Instant;
import java.util.UUID;

/** An SLA clock as escalation managers see it. */
public record StepClockView(
    UUID caseId,
    String process,
    String step,
    String market,
    ClockKind clock,
    String calendar,
    long targetSeconds,
    Instant startedAt,
    Instant warnAt,
    Instant dueAt,
    Instant warnedAt,
    Instant breachedAt,
    Instant stoppedAt,
    Long usedSeconds,
    ClockOutcome outcome) {}
