package io.seawall.warehouse;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The real warehouse accounts: {@code seawall.warehouse.adapter=goodcang} or {@code 4px} sends every
 * site to that account; {@code by-site} sends each site to the account its {@code provider} names.
 * The sandbox (the default) is {@link SandboxWarehouse}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${seawall.warehouse.adapter:sandbox}' matches 'goodcang|4px|by-site'")
@EnableConfigurationProperties({GoodcangSettings.class, FourPxSettings.class})
class WarehouseAccountsConfiguration {

  static final String GOODCANG = "goodcang";
  static final String FOUR_PX = "4px";

  @Bean
  ReturnOrderNumbers returnOrderNumbers(JdbcClient db) {
    return new StoredReturnOrderNumbers(db);
  }

  @Bean
  @ConditionalOnProperty(name = "seawall.warehouse.adapter", havingValue = GOODCANG)
  OverseasWarehouse goodcangWarehouse(GoodcangSettings settings, RestClient.Builder http) {
    return GoodcangWarehouse.create(settings, http);
  }

  @Bean
  @ConditionalOnProperty(name = "seawall.warehouse.adapter", havingValue = FOUR_PX)
  OverseasWarehouse fourPxWarehouse(
      FourPxSettings settings, RestClient.Builder http, ReturnOrderNumbers returnNumbers, Clock clock) {
    return FourPxWarehouse.create(settings, http, returnNumbers, clock);
  }

  /** Only the accounts some site names are built, so an unused account needs no credentials. */
  @Bean
  @ConditionalOnProperty(name = "seawall.warehouse.adapter", havingValue = "by-site")
  OverseasWarehouse siteRoutedWarehouse(
      WarehouseSites sites, GoodcangSettings goodcang, FourPxSettings fourPx, RestClient.Builder http,
      ReturnOrderNumbers returnNumbers, Clock clock) {
    Map<String, OverseasWarehouse> byProvider = new HashMap<>();
    for (WarehouseSites.Site site : sites.sites()) {
      if (GOODCANG.equals(site.provider()) && !byProvider.containsKey(GOODCANG)) {
        byProvider.put(GOODCANG, GoodcangWarehouse.create(goodcang, http.clone()));
      }
      if (FOUR_PX.equals(site.provider()) && !byProvider.containsKey(FOUR_PX)) {
        byProvider.put(FOUR_PX, FourPxWarehouse.create(fourPx, http.clone(), returnNumbers, clock));
      }
    }
    return new SiteRoutedWarehouse(sites, byProvider);
  }
}
