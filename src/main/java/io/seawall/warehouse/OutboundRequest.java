package io.seawall.warehouse;

import java.util.List;

/**
 * An outbound order as the warehouse needs it. It carries the buyer's delivery address, so it is
 * built for the call only and never logged ({@link #toString()} withholds it).
 *
 * @param reference Seawall's reference, unique per case and attempt: the idempotency key
 * @param site the warehouse site code that ships it (e.g. GC-DE-FRA)
 */
public record OutboundRequest(String reference, String site, List<Line> lines, ShipTo shipTo) {

  public OutboundRequest {
    lines = List.copyOf(lines);
  }

  @Override
  public String toString() {
    return "OutboundRequest[" + reference + " at " + site + ", " + lines + "]";
  }

  public record Line(String sku, int quantity) {}

  /** Where the parcel goes; personal data. */
  public record ShipTo(
      String name, String line1, String line2, String city, String region, String postalCode, String country,
      String phone) {

    @Override
    public String toString() {
      return "ShipTo[personal data withheld]";
    }
  }
}
