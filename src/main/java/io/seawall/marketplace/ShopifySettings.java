package io.seawall.marketplace;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Seawall reaches each seller's Shopify store through the Admin GraphQL API
 * ({@code seawall.marketplace.shopify.*}), used when {@code seawall.marketplace.adapter=live}.
 *
 * @param apiVersion the Admin API version; 2026-01 is the first with {@code @idempotent} on
 *     {@code refundCreate}
 * @param shops the stores by the shop name cases carry; a marketplace without shops stays on the sandbox
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("seawall.marketplace.shopify")
record ShopifySettings(
    @DefaultValue("2026-01") String apiVersion,
    @DefaultValue Map<String, Shop> shops,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout) {

  /**
   * @param domain the store's {@code *.myshopify.com} domain (https is implied; a full URL is
   *     taken as it is, for a stand-in)
   * @param accessToken the app's Admin API access token, sent as {@code X-Shopify-Access-Token}
   */
  record Shop(String domain, String accessToken) {

    String graphqlUrl(String apiVersion) {
      String root = domain.startsWith("http://") || domain.startsWith("https://") ? domain : "https://" + domain;
      return root + "/admin/api/" + apiVersion + "/graphql.json";
    }

    /** Settings end up in logs and failure messages; the token must not. */
    @Override
    public String toString() {
      return "Shop[domain=" + domain + ", accessToken=" + (accessToken == null ? "none" : "***") + "]";
    }
  }
}
