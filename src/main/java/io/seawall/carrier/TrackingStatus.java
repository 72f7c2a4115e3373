package io.seawall.carrier;

import java.util.Optional;

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
  EXPIRED;

  /** AfterShip's delivery tag in Seawall's words; empty for a tag Seawall does not know. */
  public static Optional<TrackingStatus> ofAfterShipTag(String tag) {
    return Optional.ofNullable(switch (tag == null ? "" : tag) {
      case "Pending" -> PENDING;
      case "InfoReceived" -> INFO_RECEIVED;
      case "InTransit" -> IN_TRANSIT;
      case "OutForDelivery" -> OUT_FOR_DELIVERY;
      case "AvailableForPickup" -> AVAILABLE_FOR_PICKUP;
      case "AttemptFail" -> ATTEMPT_FAILED;
      case "Delivered" -> DELIVERED;
      case "Exception" -> EXCEPTION;
      case "Expired" -> EXPIRED;
      default -> null;
    });
  }

  /**
   * EasyPost's tracker status in Seawall's words (https://docs.easypost.com/docs/trackers); empty
   * for a status Seawall does not know. EasyPost has no status for a failed attempt nor for an
   * expired tracker: those arrive as a status detail, which stays beside it as the sub-status.
   */
  public static Optional<TrackingStatus> ofEasyPostStatus(String status) {
    return Optional.ofNullable(switch (status == null ? "" : status) {
      case "unknown" -> PENDING;
      case "pre_transit" -> INFO_RECEIVED;
      case "in_transit" -> IN_TRANSIT;
      case "out_for_delivery" -> OUT_FOR_DELIVERY;
      case "available_for_pickup" -> AVAILABLE_FOR_PICKUP;
      case "delivered" -> DELIVERED;
      case "return_to_sender", "failure", "cancelled", "error" -> EXCEPTION;
      default -> null;
    });
  }

  /**
   * 17TRACK's main package status (Tracking API v2.2, {@code latest_status.status}) in Seawall's
   * words; empty for a status Seawall does not know. {@code NotFound} is a registered number the
   * carrier has said nothing about yet; returns arrive as {@code Exception} with a sub-status such as
   * {@code Exception_Returning}, which stays beside it.
   */
  public static Optional<TrackingStatus> ofSeventeenTrackStatus(String status) {
    return Optional.ofNullable(switch (status == null ? "" : status) {
      case "NotFound" -> PENDING;
      case "InfoReceived" -> INFO_RECEIVED;
      case "InTransit" -> IN_TRANSIT;
      case "OutForDelivery" -> OUT_FOR_DELIVERY;
      case "AvailableForPickup" -> AVAILABLE_FOR_PICKUP;
      case "DeliveryFailure" -> ATTEMPT_FAILED;
      case "Delivered" -> DELIVERED;
      case "Exception" -> EXCEPTION;
      case "Expired" -> EXPIRED;
      default -> null;
    });
  }
}
