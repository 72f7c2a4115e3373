package io.seawall.warehouse;

import java.util.Map;

/**
 * Sends each call to the account that serves the site ({@code seawall.warehouse.adapter=by-site}):
 * a seller with stock at Goodcang in Europe and at 4PX in the US runs both, and a site's
 * {@code provider} says which one ships from it.
 */
final class SiteRoutedWarehouse implements OverseasWarehouse {

  private final WarehouseSites sites;
  private final Map<String, OverseasWarehouse> byProvider;

  SiteRoutedWarehouse(WarehouseSites sites, Map<String, OverseasWarehouse> byProvider) {
    this.sites = sites;
    this.byProvider = Map.copyOf(byProvider);
    for (WarehouseSites.Site site : sites.sites()) {
      if (!this.byProvider.containsKey(site.provider())) {
        throw new IllegalStateException("Site " + site.code() + " names provider " + site.provider()
            + ", which seawall.warehouse.adapter=by-site cannot serve (known: " + this.byProvider.keySet() + ")");
      }
    }
  }

  @Override
  public OutboundOrder placeOutbound(OutboundRequest request) {
    return serving(request.site()).placeOutbound(request);
  }

  @Override
  public OutboundOrder outbound(String site, String reference) {
    return serving(site).outbound(site, reference);
  }

  @Override
  public void cancelOutbound(String site, String reference) {
    serving(site).cancelOutbound(site, reference);
  }

  @Override
  public void expectReturn(ReturnNotice notice) {
    serving(notice.site()).expectReturn(notice);
  }

  @Override
  public ReturnArrival returnArrival(String site, String returnReference) {
    return serving(site).returnArrival(site, returnReference);
  }

  private OverseasWarehouse serving(String site) {
    return sites.find(site).map(s -> byProvider.get(s.provider()))
        .orElseThrow(() -> new OutboundRefused.Rejected("No warehouse site " + site));
  }
}
