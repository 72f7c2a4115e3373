package io.seawall.carrier;

import java.time.InstantSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A tracking provider that needs no account, for the embedded default, demos and tests. Like
 * EasyPost's test tracking codes ({@code EZ1000000001}, ...), sandbox numbers tell a fixed story;
 * what it registered it keeps in memory (for the life of the process), so reads are stable and
 * registering twice answers the first registration.
 *
 * <p>Sandbox numbers are {@code SW} and ten digits. The last digit chooses the story, told as it
 * stood when the number was registered (times are before the registration):
 *
 * <table>
 *   <caption>Sandbox tracking numbers</caption>
 *   <tr><th>last digit</th><th>status</th><th>events</th><th>example</th></tr>
 *   <tr><td>0</td><td>PENDING</td><td>none: the carrier has said nothing yet</td><td>SW0000000000</td></tr>
 *   <tr><td>1</td><td>INFO_RECEIVED</td><td>label created (6 h)</td><td>SW0000000001</td></tr>
 *   <tr><td>2</td><td>IN_TRANSIT</td><td>label created (3 d), left Shenzhen (2 d), at the Leipzig hub (1 d)</td>
 *       <td>SW0000000002</td></tr>
 *   <tr><td>3</td><td>OUT_FOR_DELIVERY</td><td>as 2, then out for delivery (2 h)</td><td>SW0000000003</td></tr>
 *   <tr><td>4</td><td>DELIVERED</td><td>as 2, then out for delivery (5 h), delivered (1 h)</td>
 *       <td>SW0000000004</td></tr>
 *   <tr><td>5</td><td>AVAILABLE_FOR_PICKUP</td><td>as 2, then at a parcel shop (1 h)</td><td>SW0000000005</td></tr>
 *   <tr><td>6</td><td>ATTEMPT_FAILED</td><td>as 2, then out for delivery (5 h), nobody home (1 h)</td>
 *       <td>SW0000000006</td></tr>
 *   <tr><td>7</td><td>EXCEPTION</td><td>as 2, then returned to the sender (1 h)</td><td>SW0000000007</td></tr>
 *   <tr><td>8</td><td>IN_TRANSIT, silent</td><td>as 2, but the last scan was N days before, N being the two
 *       digits before the 8</td><td>SW0000000148 (silent 14 days)</td></tr>
 *   <tr><td>9</td><td>EXPIRED</td><td>none: no news within the tracking window</td><td>SW0000000009</td></tr>
 * </table>
 *
 * <p>Any other well-formed number registers and stays PENDING, as with a real provider before the
 * carrier reports. It refuses as a provider does, with these codes: {@code INVALID_SLUG} (a slug
 * other than lower-case letters, digits and hyphens), {@code INVALID_TRACKING_NUMBER} (other than 4
 * to 100 of letters, digits, {@code - . _ /}), {@code TRACKING_NOT_FOUND} (reading a number never
 * registered).
 */
@Component
@ConditionalOnProperty(name = "seawall.carrier.adapter", havingValue = "sandbox", matchIfMissing = true)
class SandboxCarrierTracking implements CarrierTracking {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]+");
  private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9._/-]{4,100}");
  private static final Pattern SANDBOX_NUMBER = Pattern.compile("SW\\d{10}");
  private static final String ORIGIN = "Shenzhen, Guangdong, China";
  private static final String HUB = "Leipzig, Saxony, Germany";

  private final Map<String, Tracking> registered = new ConcurrentHashMap<>();
  private final InstantSource clock;

  /** On the engine's time, so a parcel's silence grows as a demo or test moves the engine clock. */
  SandboxCarrierTracking(@Qualifier("engineTime") InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public Tracking register(String carrierSlug, String trackingNumber) {
    check(carrierSlug, trackingNumber);
    return registered.computeIfAbsent(
        key(carrierSlug, trackingNumber), key -> story(carrierSlug, trackingNumber, clock.instant()));
  }

  @Override
  public Tracking read(String carrierSlug, String trackingNumber) {
    check(carrierSlug, trackingNumber);
    Tracking tracking = registered.get(key(carrierSlug, trackingNumber));
    if (tracking == null) {
      throw new CarrierFailure.Refused("TRACKING_NOT_FOUND",
          "No tracking registered for " + carrierSlug + " " + trackingNumber);
    }
    return tracking;
  }

  private static void check(String carrierSlug, String trackingNumber) {
    if (carrierSlug == null || !SLUG.matcher(carrierSlug).matches()) {
      throw new CarrierFailure.Refused("INVALID_SLUG", "The carrier slug is invalid: " + carrierSlug);
    }
    if (trackingNumber == null || !TRACKING_NUMBER.matcher(trackingNumber).matches()) {
      throw new CarrierFailure.Refused("INVALID_TRACKING_NUMBER", "The tracking number is invalid: " + trackingNumber);
    }
  }

  /** A slug never holds a slash, so the key cannot be shared by two parcels. */
  private static String key(String carrierSlug, String trackingNumber) {
    return carrierSlug + "/" + trackingNumber;
  }

  private static Tracking story(String slug, String number, Instant registeredAt) {
    if (!SANDBOX_NUMBER.matcher(number).matches()) {
      return Tracking.of(slug, number, TrackingStatus.PENDING, "no_information_yet", List.of());
    }
    Instant yesterday = registeredAt.minus(Duration.ofDays(1));
    return switch (number.charAt(number.length() - 1)) {
      case '1' -> told(slug, number,
          List.of(new TrackingEvent(registeredAt.minus(Duration.ofHours(6)), TrackingStatus.INFO_RECEIVED,
              "label_created", ORIGIN, "Shipping label created")));
      case '2' -> told(slug, number, journeyTo(yesterday));
      case '3' -> told(slug, number, journeyTo(yesterday),
          new TrackingEvent(registeredAt.minus(Duration.ofHours(2)), TrackingStatus.OUT_FOR_DELIVERY,
              "out_for_delivery", HUB, "Out for delivery"));
      case '4' -> told(slug, number, journeyTo(yesterday),
          new TrackingEvent(registeredAt.minus(Duration.ofHours(5)), TrackingStatus.OUT_FOR_DELIVERY,
              "out_for_delivery", HUB, "Out for delivery"),
          new TrackingEvent(registeredAt.minus(Duration.ofHours(1)), TrackingStatus.DELIVERED, "delivered", HUB, "Delivered"));
      case '5' -> told(slug, number, journeyTo(yesterday),
          new TrackingEvent(registeredAt.minus(Duration.ofHours(1)), TrackingStatus.AVAILABLE_FOR_PICKUP,
              "ready_for_pickup", HUB, "Ready for pickup at a parcel shop"));
      case '6' -> told(slug, number, journeyTo(yesterday),
          new TrackingEvent(registeredAt.minus(Duration.ofHours(5)), TrackingStatus.OUT_FOR_DELIVERY,
              "out_for_delivery", HUB, "Out for delivery"),
          new TrackingEvent(registeredAt.minus(Duration.ofHours(1)), TrackingStatus.ATTEMPT_FAILED,
              "nobody_home", HUB, "Delivery attempted, nobody at home"));
      case '7' -> told(slug, number, journeyTo(yesterday),
          new TrackingEvent(registeredAt.minus(Duration.ofHours(1)), TrackingStatus.EXCEPTION,
              "returned_to_sender", ORIGIN, "Returned to the sender"));
      case '8' -> {
        int silentDays = Integer.parseInt(number.substring(number.length() - 3, number.length() - 1));
        yield told(slug, number, journeyTo(registeredAt.minus(Duration.ofDays(silentDays))));
      }
      case '9' -> Tracking.of(slug, number, TrackingStatus.EXPIRED, "no_information_in_window", List.of());
      // '0': the carrier has said nothing yet.
      default -> Tracking.of(slug, number, TrackingStatus.PENDING, "no_information_yet", List.of());
    };
  }

  /** Label created two days and departure one day before reaching the hub. */
  private static List<TrackingEvent> journeyTo(Instant atHub) {
    return List.of(
        new TrackingEvent(atHub.minus(Duration.ofDays(2)), TrackingStatus.INFO_RECEIVED, "label_created", ORIGIN,
            "Shipping label created"),
        new TrackingEvent(atHub.minus(Duration.ofDays(1)), TrackingStatus.IN_TRANSIT, "departed_origin", ORIGIN,
            "Departed the origin facility"),
        new TrackingEvent(atHub, TrackingStatus.IN_TRANSIT, "arrived_at_hub", HUB, "Arrived at the destination hub"));
  }

  /** The parcel stands where its newest event left it. */
  private static Tracking told(String slug, String number, List<TrackingEvent> journey, TrackingEvent... then) {
    List<TrackingEvent> events = new ArrayList<>(journey);
    events.addAll(List.of(then));
    TrackingEvent newest = events.getLast();
    return Tracking.of(slug, number, newest.status(), newest.subStatus(), events);
  }
}
