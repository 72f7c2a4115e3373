package io.seawall.carrier;

/**
 * Where a parcel is, in Seawall's words, whichever provider tracks it. Flows and decisions read
 * these; a provider's own finer status stays beside it as the sub-status.
 */
public enum TrackingStatus {
  /** Registered, but the carrier has told nothing yet. */
  PENDING,
  /** The carrier knows the parcel (label created) but has not picked it up. */
  INFO_RECEIVED,
  /** Picked up and on its way. */
  IN_TRANSIT,
  /** On the vehicle for delivery today. */
  OUT_FOR_DELIVERY,
  /** Waiting for the buyer at a pickup point or locker. */
  AVAILABLE_FOR_PICKUP,
  /** The carrier tried to deliver and failed; it usually tries again. */
  ATTEMPT_FAILED,
  /** Delivered. */
  DELIVERED,
  /** Held, damaged, lost, refused, returning or returned to the sender. */
  EXCEPTION,
  /** The provider stopped tracking it without any news from the carrier. */
  EXPIRED
}
