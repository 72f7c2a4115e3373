package io.seawall.marketplace;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Seawall reaches Shopee Open Platform v2 ({@code seawall.marketplace.shopee.*}), used when
 * {@code seawall.marketplace.adapter=live}.
 *
 * @param baseUrl the API host (the Chinese-mainland host is {@code https://openplatform.shopee.cn})
 * @param partnerId the partner id, sent as {@code partner_id}
 * @param partnerKey the partner key: it signs requests and is never sent
 * @param shops the shops by the shop name cases carry; a marketplace without shops stays on the sandbox
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("seawall.marketplace.shopee")
record ShopeeSettings(
    @DefaultValue("https://partner.shopeemobile.com") String baseUrl,
    Long partnerId,
    String partnerKey,
    @DefaultValue Map<String, Shop> shops,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout) {

  /** Settings end up in logs and failure messages; the key must not. */
  @Override
  public String toString() {
    return "ShopeeSettings[baseUrl=" + baseUrl + ", partnerId=" + partnerId + ", partnerKey="
        + (partnerKey == null ? "none" : "***") + ", shops=" + shops + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + "]";
  }

  /**
   * @param shopId Shopee's id of the shop, sent as {@code shop_id}
   * @param accessToken the shop's access token (Shopee lets one live four hours; keeping it fresh
   *     is the operator's job until Seawall refreshes tokens itself)
   */
  record Shop(Long shopId, String accessToken) {

    @Override
    public String toString() {
      return "Shop[shopId=" + shopId + ", accessToken=" + (accessToken == null ? "none" : "***") + "]";
    }
  }
}
