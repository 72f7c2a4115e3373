package io.seawall.carrier;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "seawall.carrier.adapter", havingValue = "aftership")
@EnableConfigurationProperties(AfterShipSettings.class)
class AfterShipConfiguration {

  @Bean
  CarrierTracking afterShipTracking(AfterShipSettings settings, RestClient.Builder http, Clock clock) {
    return AfterShipTracking.create(settings, http, clock);
  }
}
