package io.seawall.carrier;

import org.springframework.stereotype.Service;

/**
 * Follows a parcel Seawall itself created (a return label, a reship): registers it with the
 * tracking provider once and answers where it is. Registering is idempotent, so a repeated step or
 * a restarted provider sandbox does no harm.
 */
@Service
public class ParcelWatch {

  private final CarrierTracking tracking;

  ParcelWatch(CarrierTracking tracking) {
    this.tracking = tracking;
  }

  public Tracking follow(String carrier, String trackingNumber) {
    return tracking.register(ParcelCheck.slugOf(carrier), trackingNumber);
  }
}
