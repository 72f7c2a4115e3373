package io.seawall.carrier;

import java.math.BigDecimal;

/**
 * A claim as the carrier reports it.
 *
 * @param approvedAmount what the carrier pays once approved, else null
 * @param note the carrier's reason or request (e.g. "proof of value needed"), if any
 */
public record CarrierClaim(String claimId, Stage stage, BigDecimal approvedAmount, String currency, String note) {

  public enum Stage {
    SUBMITTED,
    IN_REVIEW,
    /** The carrier asks for something (proof of value, photos) before it decides. */
    NEEDS_ACTION,
    APPROVED,
    REJECTED,
    CANCELLED;

    public boolean isDecided() {
      return this == APPROVED || this == REJECTED || this == CANCELLED;
    }
  }
}
