package io.seawall.carrier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "seawall.carrier.adapter", havingValue = "17track")
@EnableConfigurationProperties(SeventeenTrackSettings.class)
class SeventeenTrackConfiguration {

  @Bean
  CarrierTracking seventeenTrackTracking(SeventeenTrackSettings settings, RestClient.Builder http) {
    return SeventeenTrackTracking.create(settings, http);
  }
}
