package io.seawall.carrier;

import java.time.Instant;
import java.util.Objects;

/**
 * One scan or status change of a parcel. It never holds buyer personal data: the location is a
 * place (city, region, country), never a street address, and the message is the provider's
 * normalised wording, never the carrier's free text (which can name whoever signed).
 *
 * @param time when it happened
 * @param status what it means in Seawall's vocabulary
 * @param subStatus the provider's finer status, as the provider gave it; {@code null} if none
 * @param location the place, e.g. {@code "Leipzig, Sachsen, Germany"}; {@code null} if unknown
 * @param message a short normalised description; {@code null} if the provider gave none
 */
public record TrackingEvent(
    Instant time, TrackingStatus status, String subStatus, String location, String message) {

  public TrackingEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(status, "status");
  }
}
