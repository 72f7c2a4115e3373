package io.seawall.carrier;

/**
 * A return parcel from the buyer's country to a warehouse site.
 *
 * @param reference printed on the label so the warehouse matches the parcel (the order reference)
 */
public record ReturnLabelRequest(String reference, String fromCountry, String toSite, String toCountry) {}
