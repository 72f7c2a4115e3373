package io.seawall.marketplace;

import java.util.Optional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A marketplace that behaves like a real one without an account: it keeps its own books of
 * refunds and honours idempotency keys the way Shopify's {@code @idempotent} or TikTok's
 * {@code idempotency_key} do, refuses to refund an order twice, and, like Amazon, cannot refund or
 * approve or decline returns of Amazon orders, so the embedded default runs end to end, unhappy
 * paths included.
 */
@Component
@ConditionalOnProperty(name = "seawall.marketplace.adapter", havingValue = "sandbox", matchIfMissing = true)
class SandboxMarketplace implements MarketplaceConnection {

  private final JdbcClient db;
  private final Clock clock;

  SandboxMarketplace(JdbcClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public RefundReceipt refund(RefundCommand command) {
    refuseWhatAmazonCannotDo(command.marketplace(), "refund");
    List<RefundReceipt> earlier = earlier(command.idempotencyKey());
    if (!earlier.isEmpty()) {
      return earlier.getFirst();
    }
    // As a real marketplace does: an order refunded in full cannot be refunded again.
    db.sql("""
            select refund_id from sandbox_marketplace_refund
            where marketplace = ? and shop = ? and order_reference = ?""")
        .params(command.marketplace(), command.shop(), command.orderReference())
        .query(String.class).optional()
        .ifPresent(earlierRefund -> {
          throw new RefundRefused(
              "Order " + command.orderReference() + " was already refunded in full (" + earlierRefund + ")");
        });
    String refundId = "sandbox-refund-" + UUID.randomUUID();
    try {
      db.sql("""
              insert into sandbox_marketplace_refund
                (idempotency_key, refund_id, marketplace, shop, order_reference, amount, currency, created_at)
              values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(command.idempotencyKey(), refundId, command.marketplace(), command.shop(),
              command.orderReference(), command.amount(), command.currency(), Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException concurrent) {
      return earlier(command.idempotencyKey()).getFirst();
    }
    return new RefundReceipt(refundId, command.amount(), command.currency(), false);
  }

  @Override
  public ReturnAuthorisation authoriseReturn(AuthoriseReturnCommand command) {
    refuseWhatAmazonCannotDo(command.marketplace(), "return approval");
    List<ReturnAuthorisation> earlier = earlierReturn(command.idempotencyKey());
    if (!earlier.isEmpty()) {
      return earlier.getFirst();
    }
    String returnId = "sandbox-return-" + UUID.randomUUID();
    try {
      db.sql("""
              insert into sandbox_marketplace_return
                (idempotency_key, return_id, marketplace, shop, order_reference, created_at)
              values (?, ?, ?, ?, ?, ?)""")
          .params(command.idempotencyKey(), returnId, command.marketplace(), command.shop(),
              command.orderReference(), Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException concurrent) {
      return earlierReturn(command.idempotencyKey()).getFirst();
    }
    return new ReturnAuthorisation(returnId, false);
  }

  /** The sandbox's buyers always asked for their return, so there is always a request to decline. */
  @Override
  public ReturnDecline declineReturn(DeclineReturnCommand command) {
    refuseWhatAmazonCannotDo(command.marketplace(), "return decline");
    String key = command.idempotencyKey();
    return earlierDecline(key).orElseGet(() -> {
      String returnId = "sandbox-request-" + UUID.randomUUID();
      try {
        db.sql("""
                insert into sandbox_marketplace_decline
                  (idempotency_key, return_id, marketplace, shop, order_reference, reason, declined_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(key, returnId, command.marketplace(), command.shop(), command.orderReference(),
                command.reason().name(), Timestamp.from(clock.instant()))
            .update();
      } catch (DuplicateKeyException concurrent) {
        return earlierDecline(key).orElseThrow();
      }
      return new ReturnDecline.Declined(returnId);
    });
  }

  private Optional<ReturnDecline> earlierDecline(String key) {
    return db.sql("select return_id from sandbox_marketplace_decline where idempotency_key = ?")
        .param(key)
        .query((rs, n) -> (ReturnDecline) new ReturnDecline.Declined(rs.getString(1)))
        .optional();
  }

  @Override
  public void cancelReturn(String marketplace, String shop, String returnId) {
    int found = db.sql("""
            update sandbox_marketplace_return set cancelled_at = coalesce(cancelled_at, ?)
            where return_id = ? and marketplace = ? and shop = ?""")
        .params(Timestamp.from(clock.instant()), returnId, marketplace, shop)
        .update();
    if (found == 0) {
      throw new IllegalArgumentException("No return " + returnId + " at " + marketplace + " " + shop);
    }
  }

  /**
   * Like the live Amazon adapter: SP-API has no call to refund or approve the return of a
   * seller-fulfilled order, so flows must hand those steps to an agent.
   */
  private static void refuseWhatAmazonCannotDo(String marketplace, String action) {
    if ("AMAZON".equals(marketplace)) {
      throw new MarketplaceFailure.Unsupported(
          "Amazon has no API for a " + action + " of a seller-fulfilled order; do it in Seller Central");
    }
  }

  private List<ReturnAuthorisation> earlierReturn(String key) {
    return db.sql("select return_id from sandbox_marketplace_return where idempotency_key = ?")
        .param(key)
        .query((rs, n) -> new ReturnAuthorisation(rs.getString(1), true))
        .list();
  }

  private List<RefundReceipt> earlier(String key) {
    return db.sql("select refund_id, amount, currency from sandbox_marketplace_refund where idempotency_key = ?")
        .param(key)
        .query((rs, n) -> new RefundReceipt(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), true))
        .list();
  }

  /** The sandbox keeps no catalogue of orders: it knows none, as a marketplace would not know a stranger's. */
  @Override
  public Optional<MarketOrder> order(String marketplace, String shop, String orderReference) {
    return Optional.empty();
  }
}
