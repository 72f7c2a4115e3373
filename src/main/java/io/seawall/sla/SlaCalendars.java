package io.seawall.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working calendars of the markets and teams Seawall serves, as data ({@code sla/calendars.yml},
 * overridable by {@code ./config/sla-calendars.yml} without a rebuild).
 */
@ConfigurationProperties("seawall.sla")
public record SlaCalendars(@DefaultValue Map<String, CalendarData> calendars) {

  public Optional<WorkingCalendar> find(String id) {
    CalendarData data = calendars.get(id);
    return data == null ? Optional.empty() : Optional.of(data.toCalendar(id));
  }

  public WorkingCalendar get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("No SLA calendar '" + id + "'"));
  }

  /**
   * One calendar as written in YAML.
   *
   * @param zone IANA time zone, e.g. Asia/Shanghai
   * @param week working hours per weekday ({@code MONDAY: ["09:00-12:00", "13:00-18:00"]})
   * @param holidays public holidays (ISO dates) on which nobody works
   * @param makeUpDays weekend days worked around a long holiday, with their hours
   */
  public record CalendarData(
      String zone,
      @DefaultValue Map<DayOfWeek, List<String>> week,
      @DefaultValue List<String> holidays,
      @DefaultValue Map<String, List<String>> makeUpDays) {

    WorkingCalendar toCalendar(String id) {
      Map<DayOfWeek, List<WorkingHours>> hours = new LinkedHashMap<>();
      week.forEach((day, texts) -> hours.put(day, WorkingCalendar.parseHours(texts)));
      Map<LocalDate, List<WorkingHours>> makeUp = new TreeMap<>();
      makeUpDays.forEach((date, texts) -> makeUp.put(LocalDate.parse(date), WorkingCalendar.parseHours(texts)));
      return new WorkingCalendar(
          id, ZoneId.of(zone), hours, holidays.stream().map(LocalDate::parse).collect(Collectors.toUnmodifiableSet()),
          makeUp);
    }
  }
}
