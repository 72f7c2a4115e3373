package io.seawall.sla;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which steps run against an SLA, and how ({@code sla/policies.yml}, overridable without a
 * rebuild), plus which working calendar serves each market.
 */
@ConfigurationProperties("seawall.sla")
public record SlaPolicies(
    @DefaultValue List<SlaPolicy> policies, @DefaultValue Map<String, String> marketCalendars) {

  /** The policy for a step, the market's own when it has one. */
  public Optional<SlaPolicy> forStep(String process, String step, String market) {
    return policies.stream()
        .filter(p -> p.process().equals(process) && p.step().equals(step))
        .filter(p -> p.market() == null || p.market().equals(market))
        .max(Comparator.comparing(p -> p.market() != null));
  }

  public Optional<String> calendarOf(String market) {
    return Optional.ofNullable(marketCalendars.get(market));
  }

  /**
   * @param process the BPMN process id
   * @param step the element id of the step
   * @param market a buyer country the policy is limited to, or none for every market
   * @param target how long the step may take
   * @param clock how time is counted
   * @param warnAt the share of the target after which the case is at risk
   */
  public record SlaPolicy(
      String process, String step, String market, Duration target, ClockKind clock,
      @DefaultValue("0.75") double warnAt) {}
}
