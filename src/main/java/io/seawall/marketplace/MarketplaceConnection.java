package io.seawall.marketplace;

import java.util.Optional;

/** A seller's marketplace account as Seawall's steps need it. One adapter per provider. */
public interface MarketplaceConnection {

  /**
   * Refunds an order; the same idempotency key always answers the first result.
   *
   * @throws RefundRefused when the marketplace declines the refund
   */
  RefundReceipt refund(RefundCommand command);

  /**
   * Approves a return; the same idempotency key always answers the first authorisation.
   *
   * @throws ReturnRefused when the marketplace declines (nothing to return, no buyer request)
   */
  ReturnAuthorisation authoriseReturn(AuthoriseReturnCommand command);

  /**
   * Declines the buyer's return request; the same idempotency key always answers the first decline.
   *
   * @throws ReturnRefused when the marketplace will not decline it (it approved or closed the return already)
   * @throws MarketplaceFailure.Unsupported when the marketplace has no API to decline (an agent does it)
   */
  ReturnDecline declineReturn(DeclineReturnCommand command);

  /**
   * Withdraws an approved return that will not happen (the buyer never shipped, the case moved on).
   *
   * @throws ReturnRefused when the marketplace declines (the return is already closed)
   */
  void cancelReturn(String marketplace, String shop, String returnId);

  /**
   * The order as the marketplace holds it; empty when the marketplace has no such order.
   *
   * @throws MarketplaceFailure.Unsupported when Seawall cannot read this marketplace's orders
   */
  Optional<MarketOrder> order(String marketplace, String shop, String orderReference);
}
