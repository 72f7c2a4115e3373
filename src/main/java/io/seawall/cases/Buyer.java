package io.seawall.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

/** The buyer's personal data: kept in the case store only, never in the engine or in logs. */
@Embeddable
class Buyer {

  @Column(name = "buyer_name")
  public String name;

  @Column(name = "buyer_email")
  public String email;

  @Column(name = "buyer_phone")
  public String phone;

  @Embedded public PostalAddress address;

  @Column(name = "buyer_country")
  public String country;

  @Column(name = "buyer_language")
  public String language;

  @Column(name = "buyer_time_zone")
  public String timeZone;

  @Override
  public String toString() {
    return "Buyer[personal data withheld]";
  }
}
