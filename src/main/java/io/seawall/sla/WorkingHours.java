package io.seawall.sla;

import java.time.LocalTime;

/** One stretch of a working day in the calendar's own time zone, e.g. 09:00-18:00. */
public record WorkingHours(LocalTime from, LocalTime to) {

  public WorkingHours {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("Working hours must end after they start: " + from + "-" + to);
    }
  }

  /** Reads "09:00-18:00". */
  public static WorkingHours parse(String text) {
    String[] parts = text.trim().split("\\s*-\\s*");
    if (parts.length != 2) {
      throw new IllegalArgumentException("Working hours look like 09:00-18:00, not '" + text + "'");
    }
    return new WorkingHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
  }
}
