package io.seawall.marketplace;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Seawall reaches TikTok Shop's Partner API ({@code seawall.marketplace.tiktok.*}), used when
 * {@code seawall.marketplace.adapter=live}.
 *
 * @param baseUrl the API host
 * @param apiVersion the version in every path; Seawall speaks 202309
 * @param appKey the app's key, sent as {@code app_key}
 * @param appSecret the app's secret: it signs requests and is never sent
 * @param refundReason the return reason TikTok records on a refund Seawall starts (a reason key
 *     valid for the shop's market)
 * @param rejectReason the reject reason TikTok records when Seawall declines a return request (a
 *     name from Get Reject Reasons); without it declines are left to agents
 * @param shops the shops by the shop name cases carry; a marketplace without shops stays on the sandbox
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("seawall.marketplace.tiktok")
record TikTokShopSettings(
    @DefaultValue("https://open-api.tiktokglobalshop.com") String baseUrl,
    @DefaultValue("202309") String apiVersion,
    String appKey,
    String appSecret,
    String refundReason,
    String rejectReason,
    @DefaultValue Map<String, Shop> shops,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout) {

  /** Settings end up in logs and failure messages; the secret must not. */
  @Override
  public String toString() {
    return "TikTokShopSettings[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", appKey=" + appKey
        + ", appSecret=" + (appSecret == null ? "none" : "***") + ", refundReason=" + refundReason
        + ", rejectReason=" + rejectReason + ", shops=" + shops + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
  }

  /**
   * @param shopCipher the shop's cipher from TikTok's authorised-shops call, sent as {@code shop_cipher}
   * @param accessToken the seller's access token, sent as {@code x-tts-access-token}
   */
  record Shop(String shopCipher, String accessToken) {

    @Override
    public String toString() {
      return "Shop[shopCipher=" + shopCipher + ", accessToken=" + (accessToken == null ? "none" : "***") + "]";
    }
  }
}
