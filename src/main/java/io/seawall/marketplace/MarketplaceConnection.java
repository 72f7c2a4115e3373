package io.seawall.marketplace;

/** A seller's marketplace account as Seawall's steps need it. One adapter per provider. */
public interface MarketplaceConnection {

  RefundReceipt refund(RefundCommand command);
}
