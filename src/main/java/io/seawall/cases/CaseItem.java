package io.seawall.cases;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

@Embeddable
class CaseItem {
  public String sku;
  public int quantity;
  public BigDecimal unitPrice;
  public String currency;
  public String category;
  /** The variant the buyer wants instead (an exchange for another size or colour); null for the same. */
  public String exchangeSku;

  BigDecimal lineValue() {
    return unitPrice.multiply(BigDecimal.valueOf(quantity));
  }
}
