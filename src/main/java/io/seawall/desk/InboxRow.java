package io.seawall.desk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One open task in the agents' inbox, with what the agent needs from its case to pick it: no
 * personal data, only the facts the flow decides on.
 *
 * @param market the buyer's country (ISO 3166 alpha-2)
 * @param buyerWroteAt when the buyer last wrote while the task was open; null if they did not
 * @param breached the task is past its due date
 * @param atRisk the case's SLA warned before the due date
 */
public record InboxRow(
    long taskKey,
    String step,
    String assignee,
    Instant dueAt,
    Instant buyerWroteAt,
    UUID caseId,
    String caseReference,
    String market,
    String marketplace,
    String reason,
    BigDecimal orderValue,
    String currency,
    String buyerLanguage,
    boolean atRisk,
    boolean breached) {

  public String flag() {
    return flagOf(market);
  }

  /** A country's flag: the two regional-indicator letters of its ISO code; empty for anything else. */
  public static String flagOf(String country) {
    if (country == null || !country.matches("[A-Z]{2}")) {
      return "";
    }
    return new String(Character.toChars(0x1F1E6 + country.charAt(0) - 'A'))
        + new String(Character.toChars(0x1F1E6 + country.charAt(1) - 'A'));
  }
}
