package io.seawall.carrier;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A parcel as its tracking provider last saw it. Holds no buyer personal data (see
 * {@link TrackingEvent}).
 *
 * @param carrierSlug the provider's code for the carrier, e.g. {@code dhl}, {@code fedex}
 * @param trackingNumber the carrier's tracking number
 * @param status where the parcel is now
 * @param subStatus the provider's finer status, as the provider gave it; {@code null} if none
 * @param lastEventTime when the newest event happened; {@code null} while there is none
 * @param events what happened, oldest first, newest last
 */
public record Tracking(
    String carrierSlug,
    String trackingNumber,
    TrackingStatus status,
    String subStatus,
    Instant lastEventTime,
    List<TrackingEvent> events) {

  public Tracking {
    Objects.requireNonNull(carrierSlug, "carrierSlug");
    Objects.requireNonNull(trackingNumber, "trackingNumber");
    Objects.requireNonNull(status, "status");
    events = List.copyOf(events);
  }

  /** A tracking whose events are put in time order and whose last event time is the newest's. */
  static Tracking of(
      String carrierSlug, String trackingNumber, TrackingStatus status, String subStatus,
      List<TrackingEvent> events) {
    List<TrackingEvent> inOrder = events.stream().sorted(Comparator.comparing(TrackingEvent::time)).toList();
    Instant last = inOrder.isEmpty() ? null : inOrder.getLast().time();
    return new Tracking(carrierSlug, trackingNumber, status, subStatus, last, inOrder);
  }
}
