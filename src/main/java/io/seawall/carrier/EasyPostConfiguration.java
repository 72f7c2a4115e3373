package io.seawall.carrier;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * EasyPost for return labels ({@code seawall.carrier.labels}), tracking ({@code
 * seawall.carrier.adapter}) and claims ({@code seawall.carrier.claims}), each switched on by its own
 * setting and all reaching the account in {@code seawall.carrier.easypost.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EasyPostSettings.class)
class EasyPostConfiguration {

  @Bean
  @ConditionalOnProperty(name = "seawall.carrier.labels", havingValue = "easypost")
  ReturnLabels easyPostReturnLabels(EasyPostSettings settings, RestClient.Builder http, JdbcClient db, Clock clock) {
    settings.returnAddresses().forEach((site, address) -> {
      if (!address.isComplete()) {
        throw new IllegalStateException("seawall.carrier.easypost.return-addresses." + site
            + " needs a name or company, street1, city, zip and country");
      }
    });
    return new EasyPostReturnLabels(EasyPostClient.create(settings, http, "seawall.carrier.labels"), settings, db, clock);
  }

  @Bean
  @ConditionalOnProperty(name = "seawall.carrier.adapter", havingValue = "easypost")
  CarrierTracking easyPostTracking(EasyPostSettings settings, RestClient.Builder http) {
    return new EasyPostTracking(EasyPostClient.create(settings, http, "seawall.carrier.adapter"), settings.carrierNames());
  }

  @Bean
  @ConditionalOnProperty(name = "seawall.carrier.claims", havingValue = "easypost")
  CarrierClaims easyPostClaims(EasyPostSettings settings, RestClient.Builder http, JdbcClient db, Clock clock) {
    return new EasyPostClaims(EasyPostClient.create(settings, http, "seawall.carrier.claims"),
        settings.claimContactEmail(), db, clock);
  }
}
