package io.seawall.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
class PostalAddress {

  @Column(name = "address_line1")
  public String line1;

  @Column(name = "address_line2")
  public String line2;

  @Column(name = "address_city")
  public String city;

  @Column(name = "address_region")
  public String region;

  @Column(name = "address_postal_code")
  public String postalCode;

  @Override
  public String toString() {
    return "PostalAddress[personal data withheld]";
  }
}
