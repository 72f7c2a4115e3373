package io.seawall.marketplace;

/**
 * Approve the buyer's return of an order on the marketplace (Shopify {@code returnApproveRequest}
 * or {@code returnCreate}, TikTok's approve, Shopee's accept). The key comes from the case and step.
 */
public record AuthoriseReturnCommand(String idempotencyKey, String marketplace, String shop, String orderReference) {}
