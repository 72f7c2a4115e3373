package io.seawall.warehouse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seller's 4PX account ({@code seawall.warehouse.4px.*}), used when
 * {@code seawall.warehouse.adapter} is {@code 4px}, or {@code by-site} and a site's provider is
 * {@code 4px}.
 *
 * @param baseUrl the open platform's root; requests go to {@code /router/api/service}
 * @param appKey the application's key, sent as {@code app_key}
 * @param appSecret the key's secret: signs every request, never sent
 * @param accessToken only for software vendors acting for a 4PX customer (OAuth); a seller's own
 *     application leaves it empty
 * @param customerCode the 4PX customer code, GRS's {@code user_id} on return forecasts
 * @param sites how each Seawall site is known at 4PX
 */
@ConfigurationProperties("seawall.warehouse.4px")
record FourPxSettings(
    @DefaultValue("https://open.4px.com") String baseUrl,
    String appKey,
    String appSecret,
    String accessToken,
    String customerCode,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout,
    @DefaultValue List<Site> sites) {

  /**
   * @param code the Seawall site code (e.g. 4PX-US-LAX)
   * @param warehouseCode 4PX's {@code from_warehouse_code} for outbound orders
   * @param logisticsProductCode 4PX's delivery product for reships ({@code logistics_product_code})
   * @param returnWarehouseCode the GRS warehouse that takes returns for this site
   * @param returnServiceCode the GRS service product ({@code services_product_code})
   */
  record Site(
      String code, String warehouseCode, String logisticsProductCode, String returnWarehouseCode,
      String returnServiceCode) {}

  Optional<Site> site(String code) {
    return sites.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /** Settings end up in logs and failure messages; the secret and token must not. */
  @Override
  public String toString() {
    return "FourPxSettings[baseUrl=" + baseUrl + ", appKey=" + (appKey == null ? "none" : "***")
        + ", appSecret=" + (appSecret == null ? "none" : "***")
        + ", accessToken=" + (accessToken == null ? "none" : "***") + ", customerCode=" + customerCode
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", sites=" + sites + "]";
  }
}
