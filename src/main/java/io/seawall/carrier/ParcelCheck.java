package io.seawall.carrier;

import io.seawall.cases.Cases;
import io.seawall.cases.ShipmentFacts;
import io.seawall.engine.EngineTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Where a case's parcel is, in the terms the lost-parcel decision uses: tracking status, days since
 * the carrier last scanned it, the carrier's class and the lane. Days are counted on the engine's
 * time, which the flow's re-check timers run on.
 */
@Service
public class ParcelCheck {

  /** Integrators with their own networks: they scan at every hand-over. */
  private static final Set<String> EXPRESS = Set.of("dhl", "fedex", "ups", "tnt", "sf-express", "aramex");
  /** Consolidators that scan at origin and again near the buyer, often weeks apart. */
  private static final Set<String> ECONOMY = Set.of("yanwen", "4px", "cainiao", "yunexpress", "sunyou");
  /** Last-mile carriers of the buyer's market, delivering from an overseas warehouse. */
  private static final Set<String> DOMESTIC = Set.of(
      "usps", "dhl-germany", "royal-mail", "colissimo", "gls", "hermes-de", "dpd", "australia-post", "correios",
      "canada-post", "japan-post", "thailand-post", "pos-indonesia", "smsa-express", "emirates-post");

  private final Cases cases;
  private final TrackedParcels tracking;
  private final EngineTime time;

  ParcelCheck(Cases cases, TrackedParcels tracking, EngineTime time) {
    this.cases = cases;
    this.tracking = tracking;
    this.time = time;
  }

  public ParcelReading check(UUID caseId, boolean buyerSaysDeliveredButNotReceived) {
    ShipmentFacts shipment = cases.firstShipment(caseId).orElseThrow(() -> new IllegalStateException(
        "Case " + caseId + " names no shipment to trace"));
    String slug = slugOf(shipment.carrier());
    Tracking parcel = tracking.current(slug, shipment.trackingNumber());
    Long silentDays = parcel.lastEventTime() == null
        ? null
        : Duration.between(parcel.lastEventTime(), time.now()).toDays();
    return new ParcelReading(
        parcel.status(),
        silentDays,
        EXPRESS.contains(slug) ? "EXPRESS" : ECONOMY.contains(slug) ? "ECONOMY" : "POSTAL",
        DOMESTIC.contains(slug) ? "DOMESTIC" : "CROSS_BORDER",
        buyerSaysDeliveredButNotReceived || parcel.status() == TrackingStatus.DELIVERED,
        parcel.events().isEmpty() ? null : parcel.events().getFirst().time());
  }

  /** Seawall's carrier names to the providers' slugs: "DHL Germany" becomes "dhl-germany". */
  static String slugOf(String carrier) {
    return carrier.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /**
   * @param status the normalised tracking status
   * @param daysSinceLastScan whole days since the newest carrier event; null when there is none yet
   * @param carrierClass EXPRESS, POSTAL or ECONOMY
   * @param lane DOMESTIC or CROSS_BORDER
   * @param deliveredNotReceived the carrier says delivered, or the buyer says delivered but not received
   * @param firstScanAt the carrier's first event (carriers count claim windows from it); null when none
   */
  public record ParcelReading(
      TrackingStatus status, Long daysSinceLastScan, String carrierClass, String lane,
      boolean deliveredNotReceived, Instant firstScanAt) {}
}
