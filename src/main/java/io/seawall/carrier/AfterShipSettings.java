package io.seawall.carrier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Seawall reaches AfterShip's Tracking API ({@code seawall.carrier.aftership.*}), used when
 * {@code seawall.carrier.adapter=aftership}.
 *
 * @param baseUrl the API root including its version; Seawall speaks version 2024-07
 * @param apiKey the organisation's API key, sent as {@code as-api-key}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("seawall.carrier.aftership")
record AfterShipSettings(
    @DefaultValue("https://api.aftership.com/tracking/2024-07") String baseUrl,
    String apiKey,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout) {

  /** Settings end up in logs and failure messages; the key must not. */
  @Override
  public String toString() {
    return "AfterShipSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
  }
}
