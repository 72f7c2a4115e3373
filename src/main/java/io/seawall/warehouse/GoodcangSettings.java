package io.seawall.warehouse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seller's Goodcang account ({@code seawall.warehouse.goodcang.*}), used when
 * {@code seawall.warehouse.adapter} is {@code goodcang}, or {@code by-site} and a site's provider
 * is {@code goodcang}.
 *
 * @param baseUrl the open API root, {@code .../public_open}
 * @param appKey sent as header {@code app-key}
 * @param appToken sent as header {@code app-token}
 * @param sites how each Seawall site is known at Goodcang
 */
@ConfigurationProperties("seawall.warehouse.goodcang")
record GoodcangSettings(
    @DefaultValue("https://oms.goodcang.net/public_open") String baseUrl,
    String appKey,
    String appToken,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout,
    @DefaultValue List<Site> sites) {

  /**
   * @param code the Seawall site code (e.g. GC-DE-FRA)
   * @param warehouseCode Goodcang's {@code warehouse_code} (e.g. DE)
   * @param shippingMethod Goodcang's {@code shipping_method} for reships from it, which Goodcang requires
   */
  record Site(String code, String warehouseCode, String shippingMethod) {}

  Optional<Site> site(String code) {
    return sites.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /** Settings end up in logs and failure messages; the key and token must not. */
  @Override
  public String toString() {
    return "GoodcangSettings[baseUrl=" + baseUrl + ", appKey=" + (appKey == null ? "none" : "***")
        + ", appToken=" + (appToken == null ? "none" : "***") + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", sites=" + sites + "]";
  }
}
