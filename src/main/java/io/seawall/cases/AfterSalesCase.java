package io.seawall.cases;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The system of record of one buyer's problem. The class is package-private; its fields are public only
 * so that the MapStruct mappers generated into this package can read and fill them.
 */
@Entity
@Table(name = "after_sales_case")
class AfterSalesCase {

  @Id public UUID id;

  public String reference;

  @Enumerated(EnumType.STRING)
  public Marketplace marketplace;

  public String shop;
  public String orderReference;

  @Embedded public Buyer buyer;

  @Enumerated(EnumType.STRING)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  public ReasonCode reasonCode;

  public String reasonText;

  @Enumerated(EnumType.STRING)
  public BuyerRemedy preferredRemedy;

  @Enumerated(EnumType.STRING)
  @Column(name = "case_type")
  public CaseType type;

  @Enumerated(EnumType.STRING)
  public CaseStatus status;

  public String resolution;
  public boolean atRisk;
  public String currency;
  public BigDecimal orderValue;
  public Long processInstanceKey;
  public String openKey;
  public String openedBy;
  public Instant createdAt;
  public Instant updatedAt;

  @Version public long version;

  @ElementCollection
  @CollectionTable(name = "case_item", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "position")
  public List<CaseItem> items = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "case_shipment", joinColumns = @JoinColumn(name = "case_id"))
  @OrderColumn(name = "position")
  public List<Shipment> shipments = new ArrayList<>();

  static String openKey(Marketplace marketplace, String shop, String orderReference, ReasonCode reason) {
    return String.join("|", marketplace.name(), shop, orderReference, reason.name());
  }

  void moveTo(CaseStatus next, Instant now) {
    status = next;
    updatedAt = now;
    if (!next.isOpen()) {
      openKey = null;
    }
  }

  @Override
  public String toString() {
    return "AfterSalesCase[" + id + " " + reference + "]";
  }
}
