package io.seawall.sla;

import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import io.seawall.engine.EngineTime;
import jakarta.persistence.criteria.Predicate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

/**
 * Runs an SLA clock for every run of a tracked step: started and stopped by the step's execution
 * listeners, warned and breached by the timers the model sets from the due dates computed here (in
 * the step's calendar), so a warning fires at the right local hour across DST and holidays.
 *
 * <p>A clock whose policy says so stands still while the case waits for the buyer. An armed BPMN
 * timer cannot be moved, so a pause does not touch the timers: when one fires, {@link #warn} or
 * {@link #breach} compare it with the clock's current dates and answer {@link TimerCheck.NotYet}
 * with the date the clock can reach the mark at the earliest; the worker puts its job back until
 * then and asks again. The model stays a plain timer and task, and a clock paused many times costs
 * one check per pause.
 */
@Service
public class StepClocks {

  private static final Logger log = LoggerFactory.getLogger(StepClocks.class);
  /** A timer may fire a hair before Seawall's idea of its date (the engine clock ticks on its own). */
  private static final Duration TIMER_TOLERANCE = Duration.ofSeconds(1);
  private static final int CONFLICT_ATTEMPTS = 3;

  private final StepClockRepository clocks;
  private final StepSlas slas;
  private final SlaCalendars calendars;
  private final EngineTime time;
  private final Cases cases;

  StepClocks(StepClockRepository clocks, StepSlas slas, SlaCalendars calendars, EngineTime time, Cases cases) {
    this.clocks = clocks;
    this.slas = slas;
    this.calendars = calendars;
    this.time = time;
    this.cases = cases;
  }

  /** Starts the step's clock (once per run, however often the job is delivered); answers its dates. */
  public ClockDates start(UUID caseId, String process, String step, long elementInstanceKey) {
    Optional<StepClock> running = clocks.findByElementInstanceKey(elementInstanceKey);
    if (running.isPresent()) {
      return new ClockDates(running.get().warnAt, running.get().dueAt);
    }
    Instant now = time.now();
    // The same step starting again means its earlier run was left without an end listener.
    onFreshRead(() -> {
      clocks.findByCaseIdAndOutcome(caseId, ClockOutcome.RUNNING).stream()
          .filter(earlier -> earlier.step.equals(step) && earlier.processId.equals(process))
          .forEach(earlier -> interrupt(earlier, now));
      return null;
    });
    CaseView c = cases.find(caseId);
    CaseSlaFacts facts = new CaseSlaFacts(c.buyer().country(), c.marketplace().name(),
        c.type() == null ? null : c.type().name());
    StepSla sla = slas.forStep(process, step, facts).orElseThrow(() -> new IllegalStateException(
        "No SLA for step " + process + "/" + step + ": declare sla.target on the step or add a policy"));
    Optional<WorkingCalendar> calendar = sla.clock() == ClockKind.BUSINESS
        ? Optional.ofNullable(sla.calendar()).or(() -> slas.calendarOf(facts.market())).flatMap(calendars::find)
        : Optional.empty();
    if (sla.clock() == ClockKind.BUSINESS && calendar.isEmpty()) {
      log.warn("No working calendar for {}/{} in market {}: its SLA counts around the clock", process, step,
          facts.market());
    }
    StepClock clock = new StepClock();
    clock.caseId = caseId;
    clock.elementInstanceKey = elementInstanceKey;
    clock.processId = process;
    clock.step = step;
    clock.market = facts.market();
    clock.marketplace = facts.marketplace();
    clock.caseType = facts.caseType();
    clock.team = sla.team();
    clock.clockKind = calendar.isPresent() ? ClockKind.BUSINESS : ClockKind.MARKETPLACE;
    clock.calendarId = calendar.map(WorkingCalendar::id).orElse(null);
    clock.targetSeconds = sla.target().toSeconds();
    clock.warnAfterSeconds = Math.round(sla.target().toSeconds() * sla.warnAt());
    clock.pausesForBuyer = sla.pausesWhileWaitingForBuyer();
    clock.startedAt = now;
    clock.warnAt = StepClock.reached(calendar, now, Duration.ofSeconds(clock.warnAfterSeconds));
    clock.dueAt = StepClock.reached(calendar, now, sla.target());
    clock.outcome = ClockOutcome.RUNNING;
    try {
      clocks.save(clock);
    } catch (DataIntegrityViolationException concurrentDelivery) {
      StepClock first = clocks.findByElementInstanceKey(elementInstanceKey).orElseThrow();
      return new ClockDates(first.warnAt, first.dueAt);
    }
    return new ClockDates(clock.warnAt, clock.dueAt);
  }

  /** Stops the clock of a step run: met if it ended by its due date, breached otherwise. */
  public void stop(long elementInstanceKey) {
    onFreshRead(() -> {
      stopOnce(elementInstanceKey);
      return null;
    });
  }

  private void stopOnce(long elementInstanceKey) {
    clocks.findByElementInstanceKey(elementInstanceKey).filter(c -> c.outcome == ClockOutcome.RUNNING).ifPresent(c -> {
      Instant now = time.now();
      close(c, now, c.breachedAt != null || now.isAfter(c.dueAt) ? ClockOutcome.BREACHED : ClockOutcome.MET);
    });
  }

  /**
   * The case is closed: clocks still running belong to steps a boundary event interrupted (Zeebe
   * reports no end for them) and stop here, as breached if they had breached, else interrupted.
   */
  public void caseClosed(UUID caseId) {
    Instant now = time.now();
    onFreshRead(() -> {
      clocks.findByCaseIdAndOutcome(caseId, ClockOutcome.RUNNING).forEach(c -> interrupt(c, now));
      return null;
    });
  }

  private void interrupt(StepClock c, Instant now) {
    close(c, now, c.breachedAt != null ? ClockOutcome.BREACHED : ClockOutcome.INTERRUPTED);
  }

  private void close(StepClock c, Instant now, ClockOutcome outcome) {
    Optional<WorkingCalendar> calendar = calendarOf(c);
    if (c.paused()) {
      c.resume(calendar, now);
    }
    c.stoppedAt = now;
    c.usedSeconds = c.used(calendar, now).toSeconds();
    c.outcome = outcome;
    clocks.save(c);
  }

  /** The case waits for the buyer: clocks whose policy says so stand still until the buyer answers. */
  public void buyerWaitBegan(UUID caseId, String step, String sourceKey) {
    Instant now = time.now();
    List<String> paused = new ArrayList<>();
    onFreshRead(() -> {
      paused.clear();
      for (StepClock c : clocks.findByCaseIdAndOutcome(caseId, ClockOutcome.RUNNING)) {
        if (c.pausesForBuyer && !c.paused()) {
          c.pausedSince = now;
          clocks.save(c);
        }
        // Also counts a clock paused by an earlier try of this same call.
        if (c.paused() && now.equals(c.pausedSince)) {
          paused.add(c.step);
        }
      }
      return null;
    });
    if (!paused.isEmpty()) {
      cases.record(caseId, TimelineKind.SLA_PAUSED, step, "sla",
          "waiting for the buyer: the SLA of " + String.join(", ", paused) + " stands still", sourceKey);
    }
  }

  /** The buyer answered (or the wait ended otherwise): paused clocks run on, their dates moved out. */
  public void buyerWaitEnded(UUID caseId, String step, String sourceKey) {
    Instant now = time.now();
    List<String> resumed = new ArrayList<>();
    onFreshRead(() -> {
      resumed.clear();
      for (StepClock c : clocks.findByCaseIdAndOutcome(caseId, ClockOutcome.RUNNING)) {
        if (c.paused()) {
          c.resume(calendarOf(c), now);
          clocks.save(c);
          resumed.add(c.step + " (now due " + c.dueAt + ")");
        }
      }
      return null;
    });
    if (!resumed.isEmpty()) {
      cases.record(caseId, TimelineKind.SLA_RESUMED, step, "sla",
          "the buyer's wait ended: the SLA of " + String.join(", ", resumed) + " runs on", sourceKey);
    }
  }

  /** The warning timer fired: the case is at risk, unless a pause moved the warning out. */
  public TimerCheck warn(UUID caseId, String step, String jobKey) {
    return onFreshRead(() -> warnOnce(caseId, step, jobKey));
  }

  private TimerCheck warnOnce(UUID caseId, String step, String jobKey) {
    Optional<StepClock> running = running(caseId, step);
    if (running.isEmpty()) {
      return new TimerCheck.StepEnded();
    }
    StepClock c = running.get();
    Instant now = time.now();
    if (c.warnedAt == null) {
      Optional<Instant> notYet = notYet(c, c.warnAt, c.warnAfterSeconds, now);
      if (notYet.isPresent()) {
        return new TimerCheck.NotYet(notYet.get());
      }
      c.warnedAt = now;
      clocks.save(c);
    }
    cases.flagAtRisk(caseId, step, "sla", "SLA warning: due " + c.dueAt, jobKey);
    return new TimerCheck.Reached();
  }

  /** The due-date timer fired: the step breached its SLA, unless a pause moved the due date out. */
  public TimerCheck breach(UUID caseId, String step, String jobKey) {
    return onFreshRead(() -> breachOnce(caseId, step, jobKey));
  }

  private TimerCheck breachOnce(UUID caseId, String step, String jobKey) {
    Optional<StepClock> running = running(caseId, step);
    if (running.isEmpty()) {
      return new TimerCheck.StepEnded();
    }
    StepClock c = running.get();
    Instant now = time.now();
    if (c.breachedAt == null) {
      Optional<Instant> notYet = notYet(c, c.dueAt, c.targetSeconds, now);
      if (notYet.isPresent()) {
        return new TimerCheck.NotYet(notYet.get());
      }
      c.breachedAt = now;
      clocks.save(c);
    }
    cases.record(caseId, TimelineKind.SLA_BREACHED, step, "sla", "SLA breached: was due " + c.dueAt, jobKey);
    return new TimerCheck.Reached();
  }

  /**
   * Runs a read-change-save of clocks again when another job changed the same clock meanwhile: the
   * warning and the due timers fire together after an outage (or a moved test clock), and both
   * jobs write the clock.
   */
  private static <T> T onFreshRead(Supplier<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return change.get();
      } catch (OptimisticLockingFailureException changedMeanwhile) {
        if (attempt == CONFLICT_ATTEMPTS) {
          throw changedMeanwhile;
        }
      }
    }
  }

  /**
   * When a mark ({@code markAt}, reached after {@code markSeconds} counted) lies ahead: at its date
   * if the clock runs, or, if it stands still, at the earliest date it can be reached should the
   * buyer answer right now.
   */
  private Optional<Instant> notYet(StepClock c, Instant markAt, long markSeconds, Instant now) {
    if (c.paused()) {
      Optional<WorkingCalendar> calendar = calendarOf(c);
      Duration left = Duration.ofSeconds(markSeconds).minus(c.used(calendar, now));
      return Optional.of(StepClock.reached(calendar, now, left.isNegative() ? Duration.ZERO : left));
    }
    return now.plus(TIMER_TOLERANCE).isBefore(markAt) ? Optional.of(markAt) : Optional.empty();
  }

  /** Clocks still running that are at risk (warned) or breached, soonest due first. */
  public Page<StepClockView> atRisk(AtRiskFilter filter, Pageable page) {
    Specification<StepClock> query = (root, q, cb) -> {
      List<Predicate> all = new ArrayList<>();
      all.add(cb.equal(root.get("outcome"), ClockOutcome.RUNNING));
      all.add(filter.breachedOnly() ? cb.isNotNull(root.get("breachedAt")) : cb.isNotNull(root.get("warnedAt")));
      Map.of("market", Optional.ofNullable(filter.market()),
              "marketplace", Optional.ofNullable(filter.marketplace()),
              "caseType", Optional.ofNullable(filter.caseType()),
              "processId", Optional.ofNullable(filter.process()),
              "step", Optional.ofNullable(filter.step()),
              "team", Optional.ofNullable(filter.team()))
          .forEach((field, value) -> value.ifPresent(v -> all.add(cb.equal(root.get(field), v))));
      return cb.and(all.toArray(Predicate[]::new));
    };
    Instant now = time.now();
    return clocks.findAll(query, page).map(c -> c.view(now));
  }

  /**
   * The case's clocks still running, as the agent working it reads them: time left counted in the
   * clock's own calendar (working hours only for a business clock), dates in the market's zone.
   */
  public List<RunningClock> running(UUID caseId) {
    Instant now = time.now();
    return clocks.findByCaseIdAndOutcome(caseId, ClockOutcome.RUNNING).stream()
        .sorted(Comparator.comparing((StepClock c) -> c.dueAt))
        .map(c -> {
          Optional<WorkingCalendar> calendar = calendarOf(c);
          ZoneId zone = calendar.or(() -> slas.calendarOf(c.market).flatMap(calendars::find))
              .map(WorkingCalendar::zone).orElse(ZoneOffset.UTC);
          Duration left = Duration.ofSeconds(c.targetSeconds).minus(c.used(calendar, now));
          return new RunningClock(c.step, c.market, c.clockKind, c.calendarId, zone, c.dueAt, left.toSeconds(),
              c.warnedAt != null, c.breachedAt != null, c.paused());
        })
        .toList();
  }

  /**
   * @param secondsLeft working time left before the clock is breached; negative once it is
   * @param zone the market's time zone, in which its people read the due date
   */
  public record RunningClock(
      String step, String market, ClockKind clock, String calendar, ZoneId zone, Instant dueAt, long secondsLeft,
      boolean atRisk, boolean breached, boolean paused) {}

  /**
   * What managers narrow the at-risk list by; null fields do not narrow.
   *
   * @param breachedOnly only clocks past their due date, not those merely past their warning
   * @param process the flow (BPMN process id)
   * @param team who answers for the step, as its SLA names it
   */
  public record AtRiskFilter(
      boolean breachedOnly, String market, String marketplace, String caseType, String process, String step,
      String team) {}

  /** SLA compliance of the clocks stopped in a period, per step and market; interrupted runs left out. */
  public List<Compliance> compliance(Instant from, Instant to) {
    Map<List<String>, List<StepClock>> groups = clocks.findByStoppedAtBetween(from, to).stream()
        .filter(c -> c.outcome != ClockOutcome.INTERRUPTED)
        .collect(Collectors.groupingBy(c -> List.of(c.processId, c.step, c.market)));
    return groups.entrySet().stream()
        .map(e -> Compliance.of(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()))
        .sorted(Comparator.comparing(Compliance::process).thenComparing(Compliance::step)
            .thenComparing(Compliance::market))
        .toList();
  }

  private Optional<StepClock> running(UUID caseId, String step) {
    return clocks.findFirstByCaseIdAndStepAndOutcome(caseId, step, ClockOutcome.RUNNING);
  }

  private Optional<WorkingCalendar> calendarOf(StepClock c) {
    return Optional.ofNullable(c.calendarId).flatMap(calendars::find);
  }

  /** When the step's case turns at risk and when its SLA is breached. */
  public record ClockDates(Instant warnAt, Instant dueAt) {}

  /**
   * @param metShare share of clocks that ended by their due date, 0 to 1
   * @param medianSeconds median time used
   * @param p90Seconds 90th percentile of time used
   */
  public record Compliance(
      String process, String step, String market, int clocks, double metShare, long medianSeconds,
      long p90Seconds) {

    static Compliance of(String process, String step, String market, List<StepClock> stopped) {
      List<Long> used = stopped.stream().map(c -> c.usedSeconds).sorted().toList();
      long met = stopped.stream().filter(c -> c.outcome == ClockOutcome.MET).count();
      return new Compliance(process, step, market, stopped.size(), (double) met / stopped.size(),
          percentile(used, 0.5), percentile(used, 0.9));
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> sorted, double share) {
      int rank = (int) Math.ceil(share * sorted.size());
      return sorted.get(Math.max(0, rank - 1));
    }
  }
}
