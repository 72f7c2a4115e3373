package io.seawall.sla;

import io.seawall.engine.EngineTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * What escalation managers watch: the running clocks at risk and breached now, per market, step and
 * team, and how many clocks turned at risk or breached on each of the last days (in the viewer's
 * time zone), for the dashboard's charts.
 */
@Service
public class RiskOverview {

  /** Running clocks of one market, step and team past their warning; {@code breached} of them past due. */
  public record Group(String market, String step, String team, long atRisk, long breached) {}

  public record Day(LocalDate day, long turnedAtRisk, long breached) {}

  public record Overview(Instant at, List<Group> now, List<Day> days) {}

  private final StepClockRepository clocks;
  private final EngineTime time;

  RiskOverview(StepClockRepository clocks, EngineTime time) {
    this.clocks = clocks;
    this.time = time;
  }

  /** Now, and the last {@code days} days up to today, oldest first. */
  public Overview of(int days, ZoneId zone) {
    Instant now = time.now();
    List<Group> groups = new ArrayList<>();
    for (Object[] row : clocks.runningPastWarning()) {
      long warned = ((Number) row[3]).longValue();
      long breached = ((Number) row[4]).longValue();
      groups.add(new Group((String) row[0], (String) row[1], (String) row[2], warned - breached, breached));
    }
    groups.sort(Comparator.comparingLong(Group::breached).reversed()
        .thenComparing(Comparator.comparingLong(Group::atRisk).reversed())
        .thenComparing(Group::market).thenComparing(Group::step));

    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate first = today.minusDays(days - 1L);
    Instant from = first.atStartOfDay(zone).toInstant();
    Map<LocalDate, long[]> perDay = new TreeMap<>();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      perDay.put(d, new long[2]);
    }
    clocks.warnedSince(from).forEach(at -> count(perDay, at, zone, 0));
    clocks.breachedSince(from).forEach(at -> count(perDay, at, zone, 1));
    List<Day> trend = perDay.entrySet().stream()
        .map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1]))
        .toList();
    return new Overview(now.truncatedTo(ChronoUnit.SECONDS), groups, trend);
  }

  private static void count(Map<LocalDate, long[]> perDay, Instant at, ZoneId zone, int which) {
    long[] day = perDay.get(LocalDate.ofInstant(at, zone));
    if (day != null) {
      day[which]++;
    }
  }
}
