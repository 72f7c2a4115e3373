package io.seawall.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message to or from the buyer; its text may hold personal data, so it stays here. */
@Entity
@Table(name = "case_message")
class BuyerMessage {

  enum Direction {
    INBOUND,
    OUTBOUND
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public UUID caseId;

  @Enumerated(EnumType.STRING)
  public Direction direction;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  public String language;
  public String template;
  public String body;
  /** The buyer, the agent who wrote (their user name), or Seawall's step that did. */
  public String author;
  public Instant createdAt;
  public String sourceKey;

  /** Outbound only: see {@link BuyerOutbox}. */
  public String deliveryStatus;

  public String deliveredBy;
  public Instant nextAttemptAt;
}
