package io.seawall.sla;

import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import io.seawall.engine.EngineTime;
import io.seawall.sla.SlaPolicies.SlaPolicy;
import jakarta.persistence.criteria.Predicate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

/**
 * Runs an SLA clock for every run of a tracked step: started and stopped by the step's execution
 * listeners, warned and breached by the timers the model sets from the due dates computed here (in
 * the market's calendar), so a warning fires at the right local hour across DST and holidays.
 */
@Service
public class StepClocks {

  private static final Logger log = LoggerFactory.getLogger(StepClocks.class);

  private final StepClockRepository clocks;
  private final SlaPolicies policies;
  private final SlaCalendars calendars;
  private final EngineTime time;
  private final Cases cases;

  StepClocks(
      StepClockRepository clocks, SlaPolicies policies, SlaCalendars calendars, EngineTime time, Cases cases) {
    this.clocks = clocks;
    this.policies = policies;
    this.calendars = calendars;
    this.time = time;
    this.cases = cases;
  }

  /** Starts the step's clock (once per run, however often the job is delivered); answers its dates. */
  public ClockDates start(UUID caseId, String market, String process, String step, long elementInstanceKey) {
    Optional<StepClock> running = clocks.findByElementInstanceKey(elementInstanceKey);
    if (running.isPresent()) {
      return new ClockDates(running.get().warnAt, running.get().dueAt);
    }
    SlaPolicy policy = policies.forStep(process, step, market).orElseThrow(() -> new IllegalStateException(
        "No SLA policy for step " + process + "/" + step + "; add one to sla/policies.yml"));
    Optional<WorkingCalendar> calendar = policy.clock() == ClockKind.BUSINESS
        ? policies.calendarOf(market).flatMap(calendars::find)
        : Optional.empty();
    ClockKind kind = calendar.isPresent() ? ClockKind.BUSINESS : ClockKind.MARKETPLACE;
    if (policy.clock() == ClockKind.BUSINESS && calendar.isEmpty()) {
      log.warn("No working calendar for market {}: the SLA of {}/{} counts around the clock", market, process, step);
    }
    Instant now = time.now();
    Duration warnAfter = Duration.ofMillis(Math.round(policy.target().toMillis() * policy.warnAt()));
    StepClock clock = new StepClock();
    clock.caseId = caseId;
    clock.elementInstanceKey = elementInstanceKey;
    clock.processId = process;
    clock.step = step;
    clock.market = market;
    clock.clockKind = kind;
    clock.calendarId = calendar.map(WorkingCalendar::id).orElse(null);
    clock.targetSeconds = policy.target().toSeconds();
    clock.startedAt = now;
    clock.warnAt = dueAt(calendar, now, warnAfter);
    clock.dueAt = dueAt(calendar, now, policy.target());
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
    clocks.findByElementInstanceKey(elementInstanceKey).filter(c -> c.outcome == ClockOutcome.RUNNING).ifPresent(c -> {
      Instant now = time.now();
      Optional<WorkingCalendar> calendar = Optional.ofNullable(c.calendarId).flatMap(calendars::find);
      c.stoppedAt = now;
      c.usedSeconds = calendar.map(cal -> cal.timeCounted(c.startedAt, now, ClockKind.BUSINESS))
          .orElse(Duration.between(c.startedAt, now)).toSeconds();
      c.outcome = now.isAfter(c.dueAt) ? ClockOutcome.BREACHED : ClockOutcome.MET;
      clocks.save(c);
    });
  }

  /** The warning timer fired: the case is at risk. */
  public void warn(UUID caseId, String step, String jobKey) {
    running(caseId, step).ifPresent(c -> {
      c.warnedAt = time.now();
      clocks.save(c);
      cases.flagAtRisk(caseId, step, "sla", "SLA warning: due " + c.dueAt, jobKey);
    });
  }

  /** The due-date timer fired: the step breached its SLA. */
  public void breach(UUID caseId, String step, String jobKey) {
    running(caseId, step).ifPresent(c -> {
      c.breachedAt = time.now();
      clocks.save(c);
      cases.record(caseId, TimelineKind.SLA_BREACHED, step, "sla", "SLA breached: was due " + c.dueAt, jobKey);
    });
  }

  /** Clocks still running that are at risk (warned) or breached, soonest due first. */
  public Page<StepClockView> atRisk(boolean breachedOnly, String market, String process, String step, Pageable page) {
    Specification<StepClock> query = (root, q, cb) -> {
      List<Predicate> all = new ArrayList<>();
      all.add(cb.equal(root.get("outcome"), ClockOutcome.RUNNING));
      all.add(breachedOnly ? cb.isNotNull(root.get("breachedAt")) : cb.isNotNull(root.get("warnedAt")));
      if (market != null) {
        all.add(cb.equal(root.get("market"), market));
      }
      if (process != null) {
        all.add(cb.equal(root.get("processId"), process));
      }
      if (step != null) {
        all.add(cb.equal(root.get("step"), step));
      }
      return cb.and(all.toArray(Predicate[]::new));
    };
    return clocks.findAll(query, page).map(StepClock::view);
  }

  /** SLA compliance of the clocks stopped in a period, per step and market. */
  public List<Compliance> compliance(Instant from, Instant to) {
    Map<List<String>, List<StepClock>> groups = clocks.findByStoppedAtBetween(from, to).stream()
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

  private static Instant dueAt(Optional<WorkingCalendar> calendar, Instant start, Duration target) {
    return calendar.map(c -> c.dueAt(start, target, ClockKind.BUSINESS)).orElse(start.plus(target));
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
