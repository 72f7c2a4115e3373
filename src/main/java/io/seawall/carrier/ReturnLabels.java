package io.seawall.carrier;

/**
 * Prepaid return labels: what one costs, buying one, and voiding one that was never used (EasyPost
 * refunds unused labels). One adapter per provider ({@code seawall.carrier.labels}); calls may throw
 * a {@link CarrierFailure}.
 */
public interface ReturnLabels {

  /** The cheapest rate for the return parcel, without buying it. */
  LabelQuote quote(ReturnLabelRequest request);

  /** Buys the label; the same idempotency key always answers the first label. */
  ReturnLabel buy(ReturnLabelRequest request, String idempotencyKey);

  /** Voids an unused label so the seller gets its cost back; voiding twice does nothing. */
  void voidLabel(String labelId);
}
