package io.seawall.carrier;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Seawall reaches EasyPost ({@code seawall.carrier.easypost.*}), used by whichever of
 * {@code seawall.carrier.labels}, {@code seawall.carrier.adapter} (tracking) and
 * {@code seawall.carrier.claims} is set to {@code easypost}.
 *
 * @param baseUrl the API root including its version
 * @param apiKey the account's API key, sent as the HTTP basic user name with no password
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; buying a label waits on the carrier
 * @param returnAddresses where each warehouse site takes returns, by site code (e.g. {@code GC-DE-FRA})
 * @param returnParcel the parcel a return label is rated and bought for
 * @param carrierAccounts EasyPost carrier account ids ({@code ca_...}) to rate returns with; all when empty
 * @param carrierNames Seawall carrier slugs to EasyPost carrier names, on top of the built-in ones
 * @param claimContactEmail where EasyPost writes about a claim (the seller's, never the buyer's)
 */
@ConfigurationProperties("seawall.carrier.easypost")
record EasyPostSettings(
    @DefaultValue("https://api.easypost.com/v2") String baseUrl,
    String apiKey,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    Map<String, Address> returnAddresses,
    @DefaultValue ReturnParcel returnParcel,
    List<String> carrierAccounts,
    Map<String, String> carrierNames,
    String claimContactEmail) {

  EasyPostSettings {
    returnAddresses = returnAddresses == null ? Map.of() : Map.copyOf(returnAddresses);
    carrierAccounts = carrierAccounts == null ? List.of() : List.copyOf(carrierAccounts);
    carrierNames = carrierNames == null ? Map.of() : Map.copyOf(carrierNames);
  }

  /** Settings end up in logs and failure messages; the key must not. */
  @Override
  public String toString() {
    return "EasyPostSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", returnAddresses=" + returnAddresses.keySet() + ", returnParcel=" + returnParcel
        + ", carrierAccounts=" + carrierAccounts + ", carrierNames=" + carrierNames + "]";
  }

  /** A warehouse site's return address: the seller's business address, not personal data. */
  record Address(
      String name, String company, String street1, String street2, String city, String state, String zip,
      String country, String phone, String email) {

    boolean isComplete() {
      return present(street1) && present(city) && present(zip) && present(country) && (present(name) || present(company));
    }

    private static boolean present(String value) {
      return value != null && !value.isBlank();
    }
  }

  /**
   * EasyPost's units: inches and ounces. The defaults fit a typical returned garment or small
   * electronics box (about 30 x 23 x 10 cm, 0.9 kg).
   */
  record ReturnParcel(
      @DefaultValue("12") BigDecimal length,
      @DefaultValue("9") BigDecimal width,
      @DefaultValue("4") BigDecimal height,
      @DefaultValue("32") BigDecimal weight) {}
}
