package io.seawall.carrier;

/**
 * A return parcel from the buyer to a warehouse site. It carries the buyer's address (the carrier
 * prints it and may collect there), so it is built for the call only and never logged.
 *
 * @param reference printed on the label so the warehouse matches the parcel (the order reference)
 */
public record ReturnLabelRequest(String reference, Sender sender, String toSite, String toCountry) {

  public String fromCountry() {
    return sender.country();
  }

  @Override
  public String toString() {
    return "ReturnLabelRequest[" + reference + ", from " + sender.country() + " to " + toSite + "]";
  }

  /** The buyer, where the parcel starts; personal data. */
  public record Sender(
      String name, String line1, String line2, String city, String region, String postalCode, String country,
      String phone) {

    /** A sender known only by country (rating without an address, as some carriers allow). */
    public static Sender inCountry(String country) {
      return new Sender(null, null, null, null, null, null, country, null);
    }

    @Override
    public String toString() {
      return "Sender[" + country + ", personal data withheld]";
    }
  }
}
