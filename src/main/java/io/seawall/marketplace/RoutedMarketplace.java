package io.seawall.marketplace;

import java.util.Optional;

import io.seawall.cases.Marketplace;
import java.util.Map;

/**
 * Sends each command to the adapter of the marketplace its order belongs to. A marketplace
 * without an adapter (no shops configured, or no API Seawall speaks yet) stays on the sandbox,
 * so a seller can go live one marketplace at a time.
 */
final class RoutedMarketplace implements MarketplaceConnection {

  private final Map<Marketplace, MarketplaceConnection> adapters;
  private final MarketplaceConnection sandbox;

  RoutedMarketplace(Map<Marketplace, MarketplaceConnection> adapters, MarketplaceConnection sandbox) {
    this.adapters = Map.copyOf(adapters);
    this.sandbox = sandbox;
  }

  @Override
  public RefundReceipt refund(RefundCommand command) {
    return adapterFor(command.marketplace()).refund(command);
  }

  @Override
  public ReturnAuthorisation authoriseReturn(AuthoriseReturnCommand command) {
    return adapterFor(command.marketplace()).authoriseReturn(command);
  }

  @Override
  public ReturnDecline declineReturn(DeclineReturnCommand command) {
    return adapterFor(command.marketplace()).declineReturn(command);
  }

  @Override
  public void cancelReturn(String marketplace, String shop, String returnId) {
    adapterFor(marketplace).cancelReturn(marketplace, shop, returnId);
  }

  /** Which adapter serves a marketplace, by the name of {@link Marketplace} that cases carry. */
  MarketplaceConnection adapterFor(String marketplace) {
    return adapters.getOrDefault(Marketplace.valueOf(marketplace), sandbox);
  }

  @Override
  public Optional<MarketOrder> order(String marketplace, String shop, String orderReference) {
    return adapterFor(marketplace).order(marketplace, shop, orderReference);
  }
}
