package io.seawall.cases;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a step needs to act on a case for the buyer: the order, its value, and how to address the
 * buyer. Held in memory for the step only; never put into process variables or logs.
 */
public record CaseFacts(
    UUID caseId,
    String reference,
    Marketplace marketplace,
    String shop,
    String orderReference,
    BigDecimal orderValue,
    String currency,
    Channel channel,
    String buyerName,
    String buyerLanguage) {

  @Override
  public String toString() {
    return "CaseFacts[" + reference + "]";
  }
}
