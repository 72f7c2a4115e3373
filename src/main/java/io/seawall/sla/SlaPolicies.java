package io.seawall.sla;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy table ({@code sla/policies.yml}, overridable without a rebuild): per step, optionally
 * per market, marketplace or case type, it overrides what the model declares on the step; plus
 * which working calendar serves each market.
 */
@ConfigurationProperties("seawall.sla")
public record SlaPolicies(
    @DefaultValue List<SlaPolicy> policies, @DefaultValue Map<String, String> marketCalendars) {

  /** The rows for a step that apply to a case, least specific first, so later rows win. */
  Stream<SlaPolicy> applying(String process, String step, CaseSlaFacts facts) {
    return policies.stream()
        .filter(p -> p.process().equals(process) && p.step().equals(step))
        .filter(p -> p.appliesTo(facts))
        .sorted(Comparator.comparingInt(SlaPolicy::specificity));
  }

  public Optional<String> calendarOf(String market) {
    return Optional.ofNullable(marketCalendars.get(market));
  }

  /**
   * One row. Unset fields keep what the model (or a less specific row) says.
   *
   * @param process the BPMN process id
   * @param step the element id of the step
   * @param market a buyer country the row is limited to, or none for every market
   * @param marketplace a marketplace (e.g. AMAZON) the row is limited to, or none
   * @param caseType a case type (e.g. LOST_PARCEL) the row is limited to, or none
   * @param target how long the step may take
   * @param clock how time is counted
   * @param calendar the working calendar of a business clock, instead of the market's
   * @param warnAt the share of the target after which the case is at risk, e.g. 0.75
   * @param team who answers for the step (e.g. agents-cn), for the managers' filter
   * @param pausesWhileWaitingForBuyer whether the clock stops while the case waits for the buyer
   */
  public record SlaPolicy(
      String process, String step, String market, String marketplace, String caseType, Duration target,
      ClockKind clock, String calendar, Double warnAt, String team, Boolean pausesWhileWaitingForBuyer) {

    boolean appliesTo(CaseSlaFacts facts) {
      return (market == null || market.equals(facts.market()))
          && (marketplace == null || marketplace.equals(facts.marketplace()))
          && (caseType == null || caseType.equals(facts.caseType()));
    }

    /** A row for one case type is more specific than one for a marketplace, which is more than a market. */
    int specificity() {
      return (market == null ? 0 : 1) + (marketplace == null ? 0 : 2) + (caseType == null ? 0 : 4);
    }
  }
}
