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
record UsdReferenceRates(Map<String, BigDecimal> usdRates) {

  UsdReferenceRates {
    usdRates = usdRates == null ? Map.of() : Map.copyOf(usdRates);
  }

  Optional<BigDecimal> inUsd(BigDecimal amount, String currency) {
    return Optional.ofNullable(usdRates.get(currency))
        .map(rate -> amount.multiply(rate).setScale(2, RoundingMode.HALF_UP));
  }
}
