package io.seawall.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a market's or team's people work: a time zone, working hours per weekday, public holidays,
 * and make-up working days (the weekend days China and others work around a long holiday). All
 * arithmetic happens on local dates and times in the calendar's zone, so a due date lands at the
 * right local hour across daylight-saving changes.
 */
public record WorkingCalendar(
    String id,
    ZoneId zone,
    Map<DayOfWeek, List<WorkingHours>> week,
    Set<LocalDate> holidays,
    Map<LocalDate, List<WorkingHours>> makeUpDays) {

  /** How long a search for working time may look ahead before the calendar is declared empty. */
  private static final int MAX_DAYS_AHEAD = 366;

  /** The moment a clock of this kind that starts at {@code start} has used {@code target}. */
  public Instant dueAt(Instant start, Duration target, ClockKind kind) {
    if (kind == ClockKind.MARKETPLACE) {
      return start.plus(target);
    }
    Duration left = target;
    LocalDate day = start.atZone(zone).toLocalDate();
    for (int i = 0; i <= MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
      for (WorkingHours hours : hoursOn(day)) {
        Instant from = max(start, at(day, hours.from()));
        Instant to = at(day, hours.to());
        if (!from.isBefore(to)) {
          continue;
        }
        Duration available = Duration.between(from, to);
        if (available.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException("Calendar " + id + " has no working time in the year after " + start);
  }

  /** The time a clock of this kind counts between two instants. */
  public Duration timeCounted(Instant from, Instant to, ClockKind kind) {
    if (!from.isBefore(to)) {
      return Duration.ZERO;
    }
    if (kind == ClockKind.MARKETPLACE) {
      return Duration.between(from, to);
    }
    Duration counted = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      for (WorkingHours hours : hoursOn(day)) {
        Instant start = max(from, at(day, hours.from()));
        Instant end = min(to, at(day, hours.to()));
        if (start.isBefore(end)) {
          counted = counted.plus(Duration.between(start, end));
        }
      }
    }
    return counted;
  }

  /** The working hours of a date: a make-up day works, a holiday does not, else the weekday decides. */
  public List<WorkingHours> hoursOn(LocalDate day) {
    if (makeUpDays.containsKey(day)) {
      return makeUpDays.get(day);
    }
    if (holidays.contains(day)) {
      return List.of();
    }
    return week.getOrDefault(day.getDayOfWeek(), List.of());
  }

  /** A local time that does not exist on a DST day moves forward, as ZonedDateTime resolves gaps. */
  private Instant at(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, zone).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  static List<WorkingHours> parseHours(List<String> texts) {
    List<WorkingHours> hours = new ArrayList<>();
    texts.forEach(t -> hours.add(WorkingHours.parse(t)));
    return List.copyOf(hours);
  }
}
