package io.seawall.marketplace;

import java.util.Optional;

/**
 * Amazon for seller-fulfilled (MFN) orders. The Selling Partner API has no call that refunds such
 * an order or authorises or withdraws its return: sellers do those in Seller Central (Manage
 * Orders, Manage Returns). So nothing is sent, and every action answers
 * {@link MarketplaceFailure.Unsupported}, which flows route to an agent. Orders fulfilled by
 * Amazon are refunded and returned by Amazon itself.
 */
final class AmazonMarketplace implements MarketplaceConnection {

  @Override
  public RefundReceipt refund(RefundCommand command) {
    throw new MarketplaceFailure.Unsupported(
        "Amazon has no refund API for seller-fulfilled orders; refund in Seller Central");
  }

  @Override
  public ReturnAuthorisation authoriseReturn(AuthoriseReturnCommand command) {
    throw new MarketplaceFailure.Unsupported(
        "Amazon has no API to authorise a return of a seller-fulfilled order; authorise it in Seller Central");
  }

  @Override
  public ReturnDecline declineReturn(DeclineReturnCommand command) {
    throw new MarketplaceFailure.Unsupported(
        "Amazon has no API to decline a return request of a seller-fulfilled order; decline it in Seller Central");
  }

  @Override
  public void cancelReturn(String marketplace, String shop, String returnId) {
    throw new MarketplaceFailure.Unsupported(
        "Amazon has no API to close a return of a seller-fulfilled order; close it in Seller Central");
  }

  /**
   * SP-API's Orders API can read an order, but it needs Login with Amazon credentials and a
   * restricted-data token for the buyer's address, which Seawall does not hold yet.
   */
  @Override
  public Optional<MarketOrder> order(String marketplace, String shop, String orderReference) {
    throw new MarketplaceFailure.Unsupported(
        "Seawall does not read Amazon orders yet (SP-API Orders needs Login with Amazon credentials)");
  }
}
