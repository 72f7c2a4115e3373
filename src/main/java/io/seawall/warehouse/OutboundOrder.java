package io.seawall.warehouse;

/**
 * An outbound order as the warehouse reports it.
 *
 * @param warehouseOrderId the warehouse's own order number
 * @param carrier the carrier's name once shipped, else null
 * @param trackingNumber the parcel's tracking number once shipped, else null
 */
public record OutboundOrder(
    String reference, String site, String warehouseOrderId, Stage stage, String carrier, String trackingNumber) {

  public enum Stage {
    /** Accepted and waiting to be picked. */
    ACCEPTED,
    /** Being picked and packed. */
    PICKING,
    /** Handed to the carrier. */
    SHIPPED,
    /** Cancelled by the seller, or by the warehouse (e.g. stock found damaged). */
    CANCELLED
  }
}
