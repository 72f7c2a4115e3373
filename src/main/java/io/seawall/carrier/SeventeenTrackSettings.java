package io.seawall.carrier;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Seawall reaches 17TRACK's Tracking API ({@code seawall.carrier.seventeen-track.*}), used when
 * {@code seawall.carrier.adapter=17track}.
 *
 * @param baseUrl the API root including its version; Seawall speaks version 2.2
 * @param apiKey the account's security key, sent as {@code 17token}
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param carrierCodes Seawall carrier slugs to 17TRACK's numeric carrier codes; a slug not here is
 *     sent without a carrier and 17TRACK detects it from the number
 */
@ConfigurationProperties("seawall.carrier.seventeen-track")
record SeventeenTrackSettings(
    @DefaultValue("https://api.17track.net/track/v2.2") String baseUrl,
    String apiKey,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("20s") Duration readTimeout,
    Map<String, Integer> carrierCodes) {

  SeventeenTrackSettings {
    carrierCodes = carrierCodes == null ? Map.of() : Map.copyOf(carrierCodes);
  }

  /** Settings end up in logs and failure messages; the key must not. */
  @Override
  public String toString() {
    return "SeventeenTrackSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", carrierCodes=" + carrierCodes + "]";
  }
}
