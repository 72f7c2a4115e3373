package io.seawall.sla;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The SLA clock of one run of a step of one case. */
@Entity
@Table(name = "sla_clock")
class StepClock {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Version
  long version;

  UUID caseId;
  long elementInstanceKey;
  String processId;
  String step;
  String market;
  String marketplace;
  String caseType;
  String team;

  @Enumerated(EnumType.STRING)
  ClockKind clockKind;

  String calendarId;
  long targetSeconds;
  long warnAfterSeconds;
  boolean pausesForBuyer;
  Instant startedAt;
  Instant warnAt;
  Instant dueAt;
  Instant warnedAt;
  Instant breachedAt;
  Instant pausedSince;
  long pausedSeconds;
  Instant stoppedAt;
  Long usedSeconds;

  @Enumerated(EnumType.STRING)
  ClockOutcome outcome;

  boolean paused() {
    return pausedSince != null;
  }

  /** Time the clock counted against its target up to {@code now}: pauses do not count. */
  Duration used(Optional<WorkingCalendar> calendar, Instant now) {
    Duration used = counted(calendar, startedAt, now).minusSeconds(pausedSeconds);
    return paused() ? used.minus(counted(calendar, pausedSince, now)) : used;
  }

  /** The pause ends: what it would have counted moves the warning and the due date out by as much. */
  void resume(Optional<WorkingCalendar> calendar, Instant now) {
    pausedSeconds += counted(calendar, pausedSince, now).toSeconds();
    pausedSince = null;
    warnAt = reached(calendar, startedAt, Duration.ofSeconds(warnAfterSeconds + pausedSeconds));
    dueAt = reached(calendar, startedAt, Duration.ofSeconds(targetSeconds + pausedSeconds));
  }

  /** When a clock starting at {@code from} has counted {@code amount}. */
  static Instant reached(Optional<WorkingCalendar> calendar, Instant from, Duration amount) {
    return calendar.map(c -> c.dueAt(from, amount, ClockKind.BUSINESS)).orElse(from.plus(amount));
  }

  static Duration counted(Optional<WorkingCalendar> calendar, Instant from, Instant to) {
    return calendar.map(c -> c.timeCounted(from, to, ClockKind.BUSINESS))
        .orElse(from.isBefore(to) ? Duration.between(from, to) : Duration.ZERO);
  }

  StepClockView view(Instant now) {
    Long lateBy = outcome != ClockOutcome.RUNNING
        ? Long.valueOf(Math.max(0, usedSeconds - targetSeconds))
        : breachedAt != null ? Long.valueOf(Math.max(0, Duration.between(dueAt, now).toSeconds())) : null;
    return new StepClockView(caseId, processId, step, market, marketplace, caseType, team, clockKind, calendarId,
        targetSeconds, startedAt, warnAt, dueAt, warnedAt, breachedAt, paused(), pausedSeconds, stoppedAt,
        usedSeconds, lateBy, outcome);
  }
}
