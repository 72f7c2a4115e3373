package io.seawall.carrier;

/**
 * Claims with the carrier for a lost or damaged parcel: file one, and follow it to reimbursement or
 * rejection. One adapter per provider ({@code seawall.carrier.claims}); calls may throw a
 * {@link CarrierFailure}.
 */
public interface CarrierClaims {

  /** Files a claim; the same idempotency key always answers the first claim. */
  CarrierClaim file(ClaimRequest request, String idempotencyKey);

  /** Where a filed claim stands. */
  CarrierClaim read(String claimId);
}
