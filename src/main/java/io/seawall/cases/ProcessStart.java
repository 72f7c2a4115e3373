package io.seawall.cases;

import java.math.BigDecimal;

/**
 * The facts a case's process starts with: ids and non-personal decision facts only. Names, e-mail
 * addresses, phone numbers and postal addresses never reach the engine (DESIGN.md rule 1).
 */
public record ProcessStart(
    String caseId,
    String caseReference,
    String marketplace,
    String shop,
    String country,
    String language,
    String channel,
    String reason,
    String category,
    BigDecimal itemValue,
    String currency,
    BigDecimal itemValueUsd,
    Long daysSinceDelivery,
    String preferredRemedy,
    int shopReturnDays,
    boolean sellerPaysReturns,
    boolean buyerToldTheyPayReturns) {}
