package io.seawall.marketplace;

import io.seawall.cases.Marketplace;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * {@code seawall.marketplace.adapter=live}: each marketplace with shops configured talks to its
 * real API; Amazon always answers that its actions belong in Seller Central; the rest stay on the
 * sandbox.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "seawall.marketplace.adapter", havingValue = "live")
@EnableConfigurationProperties({ShopifySettings.class, TikTokShopSettings.class, ShopeeSettings.class})
class LiveMarketplaceConfiguration {

  @Bean
  MarketplaceConnection routedMarketplace(ShopifySettings shopify, TikTokShopSettings tiktok, ShopeeSettings shopee,
      RestClient.Builder http, JdbcClient db, Clock clock) {
    Map<Marketplace, MarketplaceConnection> adapters = new EnumMap<>(Marketplace.class);
    if (!shopify.shops().isEmpty()) {
      adapters.put(Marketplace.SHOPIFY, ShopifyMarketplace.create(shopify, http.clone()));
    }
    if (!tiktok.shops().isEmpty()) {
      adapters.put(Marketplace.TIKTOK_SHOP, TikTokShopMarketplace.create(tiktok, http.clone(), clock));
    }
    if (!shopee.shops().isEmpty()) {
      adapters.put(Marketplace.SHOPEE, ShopeeMarketplace.create(shopee, http.clone(), clock));
    }
    // A sandbox refund of an Amazon order would claim money moved that did not.
    adapters.put(Marketplace.AMAZON, new AmazonMarketplace());
    return new RoutedMarketplace(adapters, new SandboxMarketplace(db, clock));
  }
}
