package io.seawall.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * Due dates in the shipped market calendars, to the exact instant: business clocks pause outside
 * working hours, on public holidays and over daylight-saving changes, and work on make-up days;
 * marketplace clocks never pause.
 */
class WorkingCalendarTest {

  static SlaCalendars shipped;

  @BeforeAll
  static void loadTheShippedCalendars() throws IOException {
    var sources = new YamlPropertySourceLoader().load("calendars", new ClassPathResource("sla/calendars.yml"));
    shipped = new Binder(ConfigurationPropertySources.from(sources)).bind("seawall.sla", SlaCalendars.class).get();
  }

  @Test
  void aFridayAfternoonStartInLosAngelesIsDueMondayAtTheSameLocalHourAfterClocksSprangForward() {
    WorkingCalendar us = shipped.get("us");
    Instant fridayFourPm = local("2026-03-06T16:00-08:00[America/Los_Angeles]");

    Instant due = us.dueAt(fridayFourPm, Duration.ofHours(4), ClockKind.BUSINESS);

    // One hour on Friday; DST began on Sunday 8 March; three hours on Monday from 09:00 PDT.
    assertThat(due).isEqualTo(Instant.parse("2026-03-09T19:00:00Z"));
    assertThat(due.atZone(us.zone()).toLocalTime()).hasToString("12:00");
  }

  @Test
  void aMarketplaceClockCountsRealHoursThroughTheSpringForward() {
    WorkingCalendar us = shipped.get("us");
    Instant saturdayNoon = local("2026-03-07T12:00-08:00[America/Los_Angeles]");

    Instant due = us.dueAt(saturdayNoon, Duration.ofHours(24), ClockKind.MARKETPLACE);

    assertThat(due).isEqualTo(Instant.parse("2026-03-08T20:00:00Z"));
    assertThat(due.atZone(us.zone()).toLocalTime()).hasToString("13:00");
  }

  @Test
  void inBerlinAClockRunningIntoTheAutumnChangeIsDueMondayInWinterTime() {
    WorkingCalendar de = shipped.get("de");
    Instant fridayFivePm = local("2026-10-23T17:00+02:00[Europe/Berlin]");

    Instant due = de.dueAt(fridayFivePm, Duration.ofHours(2), ClockKind.BUSINESS);

    // One hour on Friday (CEST); clocks went back on Sunday 25 October; one hour on Monday (CET).
    assertThat(due).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
    assertThat(due.atZone(de.zone()).toLocalTime()).hasToString("10:00");
  }

  @Test
  void christmasHolidaysAndTheWeekendDoNotCountInGermany() {
    WorkingCalendar de = shipped.get("de");
    Instant christmasEveFivePm = local("2026-12-24T17:00+01:00[Europe/Berlin]");

    Instant due = de.dueAt(christmasEveFivePm, Duration.ofHours(3), ClockKind.BUSINESS);

    // One hour on 24 December; 25 and 26 December are holidays, then the weekend; two hours on Monday 28th.
    assertThat(due).isEqualTo(Instant.parse("2026-12-28T10:00:00Z"));
    assertThat(de.timeCounted(christmasEveFivePm, due, ClockKind.BUSINESS)).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void theMakeUpSaturdayBeforeSpringFestivalIsAWorkingDayInShanghai() {
    WorkingCalendar cn = shipped.get("cn");
    Instant fridayFivePm = local("2026-02-13T17:00+08:00[Asia/Shanghai]");

    Instant due = cn.dueAt(fridayFivePm, Duration.ofHours(2), ClockKind.BUSINESS);

    // One hour on Friday, one on Saturday 14 February, worked to make up for the holiday.
    assertThat(due).isEqualTo(Instant.parse("2026-02-14T02:00:00Z"));
  }

  @Test
  void nothingCountsDuringTheSpringFestivalHoliday() {
    WorkingCalendar cn = shipped.get("cn");
    Instant saturdayFivePm = local("2026-02-14T17:00+08:00[Asia/Shanghai]");

    Instant due = cn.dueAt(saturdayFivePm, Duration.ofHours(2), ClockKind.BUSINESS);

    // One hour on the make-up Saturday; 15-23 February off; one hour on Tuesday 24 February.
    assertThat(due).isEqualTo(Instant.parse("2026-02-24T02:00:00Z"));
    assertThat(cn.timeCounted(saturdayFivePm, due, ClockKind.BUSINESS)).isEqualTo(Duration.ofHours(2));
    assertThat(cn.timeCounted(saturdayFivePm, due, ClockKind.MARKETPLACE)).isEqualTo(Duration.ofHours(233));
  }

  @Test
  void aStartOutsideWorkingHoursWaitsForTheNextWorkingMorning() {
    WorkingCalendar gb = shipped.get("gb");
    Instant sundayNight = local("2026-05-03T22:00+01:00[Europe/London]");

    Instant due = gb.dueAt(sundayNight, Duration.ofMinutes(30), ClockKind.BUSINESS);

    // Monday 4 May is the Early May bank holiday: Tuesday 09:30 BST.
    assertThat(due).isEqualTo(Instant.parse("2026-05-05T08:30:00Z"));
  }

  private static Instant local(String zoned) {
    return ZonedDateTime.parse(zoned).toInstant();
  }
}
