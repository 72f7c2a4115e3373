package io.seawall.cases;

/** Seawall's carrier-neutral shipment vocabulary. */
public enum ShipmentStatus {
  PENDING,
  INFO_RECEIVED,
  IN_TRANSIT,
  OUT_FOR_DELIVERY,
  AVAILABLE_FOR_PICKUP,
  ATTEMPT_FAILED,
  DELIVERED,
  EXCEPTION,
  EXPIRED
}
