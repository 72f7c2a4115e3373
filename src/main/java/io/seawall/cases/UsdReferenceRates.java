package io.seawall.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Decision-grade rates (US dollars per unit of a currency) so that one keep-the-item threshold
 * works for every market. They steer decisions only; no money moves at these rates.
 */
@ConfigurationProperties("seawall.decision")
public record UsdReferenceRates(Map<String, BigDecimal> usdRates) {

  public UsdReferenceRates {
    usdRates = usdRates == null ? Map.of() : Map.copyOf(usdRates);
  }

  public Optional<BigDecimal> inUsd(BigDecimal amount, String currency) {
    return Optional.ofNullable(usdRates.get(currency))
        .map(rate -> amount.multiply(rate).setScale(2, RoundingMode.HALF_UP));
  }

  /** A US dollar amount in another currency, for comparing and deducting; empty without a rate. */
  public Optional<BigDecimal> fromUsd(BigDecimal usd, String currency) {
    return Optional.ofNullable(usdRates.get(currency))
        .map(rate -> usd.divide(rate, 2, RoundingMode.HALF_UP));
  }
}
