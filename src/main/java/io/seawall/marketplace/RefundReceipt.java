package io.seawall.marketplace;

import java.math.BigDecimal;

/** The marketplace's word that a refund was made. */
public record RefundReceipt(String refundId, BigDecimal amount, String currency, boolean repeated) {}
