package io.seawall.cases;

import java.time.Instant;

/** A case's shipment as steps need it: which carrier, which number, what the buyer reported. */
public record ShipmentFacts(String carrier, String trackingNumber, ShipmentStatus status, Instant deliveredAt) {}
