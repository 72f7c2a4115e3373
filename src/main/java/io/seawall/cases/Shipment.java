package io.seawall.cases;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

@Embeddable
class Shipment {
  public String carrier;
  public String trackingNumber;

  @Enumerated(EnumType.STRING)
  public ShipmentStatus status;

  public Instant deliveredAt;
}
