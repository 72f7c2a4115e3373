package io.seawall.cases;

import java.util.List;

/**
 * Where and what to ship for a case: the buyer's delivery address and the order's lines. Personal
 * data, handed to a warehouse or carrier call only; never logged ({@link #toString()} withholds it).
 */
public record DeliveryFacts(
    String name, String line1, String line2, String city, String region, String postalCode, String country,
    String phone, List<Line> lines) {

  public DeliveryFacts {
    lines = List.copyOf(lines);
  }

  @Override
  public String toString() {
    return "DeliveryFacts[" + country + ", " + lines + ", personal data withheld]";
  }

  /** {@code exchangeSku}: the variant to ship instead of {@code sku}, when the buyer asked for one. */
  public record Line(String sku, int quantity, String category, String exchangeSku) {

    /** What a replacement or exchange ships: the variant asked for, else the one bought. */
    public String skuToShip() {
      return exchangeSku == null || exchangeSku.isBlank() ? sku : exchangeSku;
    }
  }
}
