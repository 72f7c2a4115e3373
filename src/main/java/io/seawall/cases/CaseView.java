package io.seawall.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One case as an agent sees it, with its timeline and the messages exchanged with the buyer. The
 * buyer's details and messages print as "withheld" so a logged or asserted view leaks nothing.
 */
public record CaseView(
    UUID id,
    String reference,
    Marketplace marketplace,
    String shop,
    String orderReference,
    Channel channel,
    BuyerView buyer,
    ReasonView reason,
    CaseType type,
    CaseStatus status,
    String resolution,
    boolean atRisk,
    String currency,
    BigDecimal orderValue,
    Long processInstanceKey,
    String openedBy,
    Instant createdAt,
    Instant updatedAt,
    List<ItemView> items,
    List<ShipmentView> shipments,
    List<TimelineView> timeline,
    List<MessageView> messages,
    List<NoteView> notes) {

  public record BuyerView(
      String name,
      String email,
      String phone,
      AddressView address,
      String country,
      String language,
      String timeZone) {

    @Override
    public String toString() {
      return "BuyerView[" + country + ", " + language + ", personal data withheld]";
    }
  }

  public record AddressView(
      String line1, String line2, String city, String region, String postalCode) {

    @Override
    public String toString() {
      return "AddressView[personal data withheld]";
    }
  }

  public record ReasonView(ReasonCode code, String buyerWords) {

    @Override
    public String toString() {
      return "ReasonView[" + code + ", buyer's words withheld]";
    }
  }

  public record ItemView(
      String sku, int quantity, BigDecimal unitPrice, String currency, String category, String exchangeSku) {}

  public record ShipmentView(
      String carrier, String trackingNumber, ShipmentStatus status, Instant deliveredAt) {}

  public record TimelineView(
      Instant occurredAt, TimelineKind kind, String step, String actor, String detail) {}

  /** {@code author}: the buyer, the agent who wrote, or Seawall for a step's notice. */
  public record MessageView(
      long id, String direction, Channel channel, String language, String template, String author, String body,
      Instant createdAt, String deliveryStatus, String deliveredBy) {

    @Override
    public String toString() {
      return "MessageView[" + direction + " " + template + " " + language + ", text withheld]";
    }
  }

  /** An agent's internal note: never sent to the buyer. */
  public record NoteView(long id, String author, String text, Instant createdAt) {

    @Override
    public String toString() {
      return "NoteView[" + id + " by " + author + ", text withheld]";
    }
  }
}
