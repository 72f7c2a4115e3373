package io.seawall.marketplace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the marketplace holds it: what was bought and for how much, who it went to, and its
 * parcels. Read when a case starts from a marketplace's own message (a return request names neither
 * prices nor the buyer). The recipient is personal data: it goes to the case store and nowhere else.
 */
public record MarketOrder(String orderReference, String currency, List<Line> lines, Recipient recipient,
    List<Parcel> parcels) {

  public MarketOrder {
    lines = List.copyOf(lines);
    parcels = List.copyOf(parcels);
  }

  /**
   * @param category the marketplace's product type or category, as it names it (may be null)
   */
  public record Line(String sku, int quantity, BigDecimal unitPrice, String category) {}

  /** Where the order went; personal data. {@code language} is the buyer's locale if the marketplace knows it. */
  public record Recipient(String name, String email, String phone, String line1, String line2, String city,
      String region, String postalCode, String country, String language) {

    @Override
    public String toString() {
      return "Recipient[" + country + ", personal data withheld]";
    }
  }

  /** A parcel of the order; {@code deliveredAt} is null until the marketplace saw it delivered. */
  public record Parcel(String carrier, String trackingNumber, Instant deliveredAt) {}
}
