package io.seawall.resolution;

import io.seawall.cases.CaseFacts;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import io.seawall.marketplace.MarketplaceConnection;
import io.seawall.marketplace.MarketplaceFailure;
import io.seawall.marketplace.RefundCommand;
import io.seawall.marketplace.RefundReceipt;
import io.seawall.marketplace.RefundRefused;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Refunds a case's order on its marketplace, exactly once per case and step. */
@Service
public class Refunds {

  private final Cases cases;
  private final MarketplaceConnection marketplace;
  private final StepEffects effects;

  Refunds(Cases cases, MarketplaceConnection marketplace, StepEffects effects) {
    this.cases = cases;
    this.marketplace = marketplace;
    this.effects = effects;
  }

  public RefundReceipt refundInFull(UUID caseId, String step, String actor, String sourceKey) {
    return refund(caseId, null, step, actor, sourceKey);
  }

  /**
   * Refunds part of the order (after a return's inspection, less deductions), or all of it when
   * {@code amount} is null. Never more than the order's value.
   */
  public RefundReceipt refund(UUID caseId, BigDecimal amount, String step, String actor, String sourceKey) {
    CaseFacts c = cases.facts(caseId);
    BigDecimal due = amount == null ? c.orderValue() : amount.setScale(2, RoundingMode.HALF_UP);
    if (due.signum() < 0 || due.compareTo(c.orderValue()) > 0) {
      throw new IllegalArgumentException("A refund of " + due.toPlainString() + " is outside 0.." +
          c.orderValue().toPlainString() + " " + c.currency());
    }
    RefundReceipt receipt;
    try {
      String key = caseId + ":" + step;
      receipt = effects.once(key, RefundReceipt.class, () -> marketplace.refund(new RefundCommand(
          key, c.marketplace().name(), c.shop(), c.orderReference(), due, c.currency())));
    } catch (RefundRefused | MarketplaceFailure.Unsupported refused) {
      cases.record(caseId, TimelineKind.REFUND_REFUSED, step, actor, refused.getMessage(), sourceKey);
      throw refused;
    }
    cases.record(caseId, TimelineKind.REFUND_ISSUED, step, actor,
        "refunded " + receipt.amount().toPlainString() + " " + receipt.currency() + " (" + receipt.refundId() + ")",
        sourceKey);
    return receipt;
  }
}
