package io.seawall.carrier;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Has the tracking provider watch a parcel once and reads it afterwards. A polling flow asks about
 * a parcel every few hours or days; registering it each time would spend the provider's quota
 * (AfterShip counts every create call, 17TRACK every registration) for nothing.
 */
@Component
class TrackedParcels {

  private static final Logger log = LoggerFactory.getLogger(TrackedParcels.class);

  private final CarrierTracking tracking;
  private final JdbcClient db;
  private final Clock clock;

  TrackedParcels(CarrierTracking tracking, JdbcClient db, Clock clock) {
    this.tracking = tracking;
    this.db = db;
    this.clock = clock;
  }

  /** Where the parcel is, registering it with the provider the first time Seawall asks. */
  Tracking current(String carrierSlug, String trackingNumber) {
    if (registered(carrierSlug, trackingNumber)) {
      try {
        return tracking.read(carrierSlug, trackingNumber);
      } catch (CarrierFailure.Refused forgotten) {
        // The provider no longer knows the parcel (expired there, deleted, or another provider
        // since the last registration): register it again.
        log.info("{} {} is unknown to the tracking provider ({}); registering it again", carrierSlug,
            trackingNumber, forgotten.code());
      }
    }
    Tracking parcel = tracking.register(carrierSlug, trackingNumber);
    remember(carrierSlug, trackingNumber);
    return parcel;
  }

  private boolean registered(String carrierSlug, String trackingNumber) {
    return db.sql("select count(*) from tracked_parcel where carrier_slug = ? and tracking_number = ?")
        .params(carrierSlug, trackingNumber)
        .query(Long.class)
        .single() > 0;
  }

  private void remember(String carrierSlug, String trackingNumber) {
    try {
      db.sql("insert into tracked_parcel (carrier_slug, tracking_number, registered_at) values (?, ?, ?)")
          .params(carrierSlug, trackingNumber, Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException again) {
      log.debug("{} {} was registered again after the provider forgot it", carrierSlug, trackingNumber);
    }
  }
}
