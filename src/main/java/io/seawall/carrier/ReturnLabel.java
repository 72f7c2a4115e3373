package io.seawall.carrier;

import java.math.BigDecimal;

/** A bought return label: the parcel's tracking number and where the buyer prints the label. */
public record ReturnLabel(
    String labelId, String carrier, String trackingNumber, String labelUrl, BigDecimal cost, String currency) {}
