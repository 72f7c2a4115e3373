package io.seawall.carrier;

import java.math.BigDecimal;

/**
 * A claim for a parcel, for the value the seller lost (never the buyer's personal data).
 *
 * @param description what happened, in the seller's words (e.g. "no scan for 21 days; trace found nothing")
 */
public record ClaimRequest(
    String carrier, String trackingNumber, Kind kind, BigDecimal amount, String currency, String description) {

  public enum Kind {
    LOSS,
    DAMAGE
  }
}
