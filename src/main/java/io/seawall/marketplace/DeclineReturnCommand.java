package io.seawall.marketplace;

/**
 * Decline the buyer's return request on the marketplace (Shopify {@code returnDeclineRequest},
 * TikTok's reject). The key comes from the case and step.
 */
public record DeclineReturnCommand(
    String idempotencyKey, String marketplace, String shop, String orderReference, DeclineReason reason) {

  /** Why the seller declines, in the terms marketplaces record (Shopify's ReturnDeclineReason). */
  public enum DeclineReason {
    /** The return window of the law or the shop had passed. */
    RETURN_PERIOD_ENDED,
    /** The item is excluded from returns (custom-made, perishable, unsealed hygiene goods, final sale). */
    EXCLUDED_ITEM,
    OTHER
  }
}
