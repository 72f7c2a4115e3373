package io.seawall.carrier;

import java.math.BigDecimal;

/** The price of a return label, in the provider's currency. */
public record LabelQuote(String carrier, String service, BigDecimal cost, String currency) {}
