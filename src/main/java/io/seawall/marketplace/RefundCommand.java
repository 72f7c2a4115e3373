package io.seawall.marketplace;

import java.math.BigDecimal;

/**
 * Refund money to the buyer on the marketplace. The {@code idempotencyKey} comes from the case and
 * the step (never the job), so a repeated job answers the first refund instead of paying twice.
 */
public record RefundCommand(
    String idempotencyKey,
    String marketplace,
    String shop,
    String orderReference,
    BigDecimal amount,
    String currency) {}
