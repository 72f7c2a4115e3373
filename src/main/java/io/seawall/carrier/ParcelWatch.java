package io.seawall.carrier;

import org.springframework.stereotype.Service;

/**
 * Follows a parcel Seawall itself created (a return label, a reship): registers it with the
 * tracking provider once and answers where it is.
 */
@Service
public class ParcelWatch {

  private final TrackedParcels tracking;

  ParcelWatch(TrackedParcels tracking) {
    this.tracking = tracking;
  }

  public Tracking follow(String carrier, String trackingNumber) {
    return tracking.current(ParcelCheck.slugOf(carrier), trackingNumber);
  }
}
