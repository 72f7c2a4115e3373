package io.seawall.carrier;

import static java.util.stream.Collectors.joining;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link CarrierTracking} on EasyPost's Trackers API (https://docs.easypost.com/docs/trackers):
 * {@code POST /trackers} registers a parcel, and EasyPost answers the original tracker when the same
 * tracking code and carrier come again, so registering twice costs nothing; {@code GET /trackers}
 * filtered by tracking code (and carrier) reads it, since Seawall knows parcels by carrier and
 * number rather than by EasyPost's {@code trk_} id.
 *
 * <p>Only the fields Seawall needs are read, so {@code signed_by}, the carrier's free-text
 * messages and the scan's postal code are never held or logged.
 */
final class EasyPostTracking implements CarrierTracking {

  /**
   * Seawall slugs (see {@link ParcelCheck#slugOf}) to EasyPost carrier names, including the slug of
   * the name EasyPost itself puts on a label Seawall bought. A slug not here is sent without a
   * carrier and EasyPost detects it from the number.
   */
  static final Map<String, String> CARRIER_NAMES = Map.ofEntries(
      Map.entry("usps", "USPS"),
      Map.entry("ups", "UPS"),
      Map.entry("fedex", "FedEx"),
      Map.entry("dhl", "DHLExpress"),
      Map.entry("dhl-express", "DHLExpress"),
      Map.entry("dhlexpress", "DHLExpress"),
      Map.entry("canada-post", "CanadaPost"),
      Map.entry("canadapost", "CanadaPost"),
      Map.entry("australia-post", "AustraliaPost"),
      Map.entry("australiapost", "AustraliaPost"),
      Map.entry("royal-mail", "RoyalMail"),
      Map.entry("royalmail", "RoyalMail"));

  /** Newest trackers first; more than a few for one number means recycled numbers. */
  private static final int PAGE_SIZE = 20;

  /** EasyPost gives a scan's local offset when it knows the place, else UTC or no offset at all. */
  private static final DateTimeFormatter SCAN_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffsetId().optionalEnd()
      .toFormatter();

  private final EasyPostClient easyPost;
  private final Map<String, String> carrierNames;

  EasyPostTracking(EasyPostClient easyPost, Map<String, String> configuredCarrierNames) {
    this.easyPost = easyPost;
    Map<String, String> names = new HashMap<>(CARRIER_NAMES);
    names.putAll(configuredCarrierNames);
    this.carrierNames = Map.copyOf(names);
  }

  @Override
  public Tracking register(String carrierSlug, String trackingNumber) {
    Tracker tracker = easyPost.post("/trackers",
        new CreateTracker(new NewTracker(trackingNumber, carrierNames.get(carrierSlug))), Tracker.class);
    return trackingOf(carrierSlug, tracker);
  }

  @Override
  public Tracking read(String carrierSlug, String trackingNumber) {
    String carrier = carrierNames.get(carrierSlug);
    TrackerList found = easyPost.get(uri -> {
      uri.path("/trackers").queryParam("tracking_code", trackingNumber).queryParam("page_size", PAGE_SIZE);
      if (carrier != null) {
        uri.queryParam("carrier", carrier);
      }
      return uri.build();
    }, TrackerList.class);
    return (found.trackers() == null ? Stream.<Tracker>empty() : found.trackers().stream())
        .filter(tracker -> trackingNumber.equalsIgnoreCase(tracker.trackingCode()))
        .max(Comparator.comparing(tracker -> tracker.createdAt() == null ? "" : tracker.createdAt()))
        .map(tracker -> trackingOf(carrierSlug, tracker))
        .orElseThrow(() -> new CarrierFailure.Refused("TRACKER_NOT_FOUND",
            "EasyPost has no tracker for " + carrierSlug + " " + trackingNumber));
  }

  private static Tracking trackingOf(String carrierSlug, Tracker tracker) {
    if (tracker.trackingCode() == null) {
      throw new CarrierFailure.Unavailable("EasyPost answered a tracker without a tracking code", null);
    }
    List<TrackingEvent> events = tracker.trackingDetails() == null
        ? List.of()
        : tracker.trackingDetails().stream().map(EasyPostTracking::event).toList();
    return Tracking.of(carrierSlug, tracker.trackingCode(), statusOf(tracker.status()), tracker.statusDetail(), events);
  }

  /**
   * The detail's {@code message} and {@code description} are the carrier's own words, which can
   * name whoever signed; EasyPost has no normalised wording, so the event carries none.
   */
  private static TrackingEvent event(Detail detail) {
    return new TrackingEvent(instantOf(detail.datetime()), statusOf(detail.status()), detail.statusDetail(),
        place(detail.trackingLocation()), null);
  }

  private static TrackingStatus statusOf(String status) {
    // Guessing would send a case down the wrong path; failing shows that Seawall must learn it.
    return TrackingStatus.ofEasyPostStatus(status).orElseThrow(() ->
        new CarrierFailure.Unavailable("EasyPost answered a tracker status Seawall does not know: " + status, null));
  }

  private static Instant instantOf(String datetime) {
    if (datetime == null) {
      throw new CarrierFailure.Unavailable("EasyPost answered a scan without a time", null);
    }
    try {
      TemporalAccessor parsed = SCAN_TIME.parseBest(datetime, OffsetDateTime::from, LocalDateTime::from);
      // Without an offset EasyPost means UTC (its documented default when the place is unknown).
      return parsed instanceof OffsetDateTime withOffset
          ? withOffset.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException unreadable) {
      throw new CarrierFailure.Unavailable("EasyPost answered a scan time Seawall cannot read: " + datetime, unreadable);
    }
  }

  /** City, state and country; the postal code is left out, as it narrows a delivery to the buyer's street. */
  private static String place(Location location) {
    if (location == null) {
      return null;
    }
    String place = Stream.of(location.city(), location.state(), location.country())
        .filter(part -> part != null && !part.isBlank())
        .collect(joining(", "));
    return place.isEmpty() ? null : place;
  }

  record CreateTracker(NewTracker tracker) {}

  record NewTracker(String trackingCode, String carrier) {}

  record TrackerList(List<Tracker> trackers) {}

  record Tracker(
      String id, String trackingCode, String carrier, String status, String statusDetail, String createdAt,
      List<Detail> trackingDetails) {}

  record Detail(String datetime, String status, String statusDetail, Location trackingLocation) {}

  record Location(String city, String state, String country) {}
}
