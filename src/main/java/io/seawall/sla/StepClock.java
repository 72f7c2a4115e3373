package io.seawall.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The SLA clock of one run of a step of one case. */
@Entity
@Table(name = "sla_clock")
class StepClock {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  UUID caseId;
  long elementInstanceKey;
  String processId;
  String step;
  String market;

  @Enumerated(EnumType.STRING)
  ClockKind clockKind;

  String calendarId;
  long targetSeconds;
  Instant startedAt;
  Instant warnAt;
  Instant dueAt;
  Instant warnedAt;
  Instant breachedAt;
  Instant stoppedAt;
  Long usedSeconds;

  @Enumerated(EnumType.STRING)
  ClockOutcome outcome;

  StepClockView view() {
    return new StepClockView(caseId, processId, step, market, clockKind, calendarId, targetSeconds, startedAt,
        warnAt, dueAt, warnedAt, breachedAt, stoppedAt, usedSeconds, outcome);
  }
}
