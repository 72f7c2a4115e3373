package io.seawall.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.MatchedDecisionRule;
import io.seawall.SeawallTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The market policies ops staff edit in Modeler, evaluated by the engine: at least one scenario per
 * rule, named by the rule it proves.
 */
@SeawallTest
class MarketPolicyDecisionsTest {

  @Autowired CamundaClient camunda;

  @ParameterizedTest(name = "{0}: {1} {2} {3}, {4} days, shop {5} days -> {6} {7}")
  @CsvSource(nullValues = "null", textBlock = """
      food-refund-only,   ID, FOOD,             CHANGED_MIND, 2,   30,   REFUND_ONLY,    null, Food is not shipped back
      food-refund-only,   SA, FOOD,             DAMAGED,      1,   null, REFUND_ONLY,    null, Food is not shipped back
      eu-excluded,        DE, CUSTOM_MADE,      CHANGED_MIND, 3,   30,   EXCLUDED,       null, Directive 2011/83/EU Art. 16
      eu-excluded,        FR, HYGIENE_UNSEALED, WRONG_SIZE,   2,   null, EXCLUDED,       null, Directive 2011/83/EU Art. 16
      eu-faulty,          DE, CUSTOM_MADE,      DEFECTIVE,    200, null, ELIGIBLE,       730,  Directive (EU) 2019/771 Art. 10 and 13
      eu-shop-window,     IT, APPAREL,          WRONG_SIZE,   25,  30,   ELIGIBLE,       30,   Shop policy beyond Directive 2011/83/EU
      eu-withdrawal,      PL, APPAREL,          CHANGED_MIND, 14,  null, ELIGIBLE,       14,   Directive 2011/83/EU Art. 9
      eu-late,            ES, HOME,             CHANGED_MIND, 15,  null, OUTSIDE_WINDOW, 14,   Directive 2011/83/EU Art. 9
      uk-excluded,        GB, PERISHABLE,       CHANGED_MIND, 1,   null, EXCLUDED,       null, Consumer Contracts Regulations 2013 reg. 28
      uk-reject,          GB, ELECTRONICS,      DEFECTIVE,    30,  null, ELIGIBLE,       30,   Consumer Rights Act 2015 s.22
      uk-repair,          GB, ELECTRONICS,      DEFECTIVE,    31,  null, AGENT_REVIEW,   null, Consumer Rights Act 2015 s.23-24
      uk-shop-window,     GB, APPAREL,          WRONG_SIZE,   20,  28,   ELIGIBLE,       28,   Shop policy beyond the 2013 Regulations
      uk-cancel,          GB, APPAREL,          WRONG_SIZE,   10,  null, ELIGIBLE,       14,   Consumer Contracts Regulations 2013 reg. 29-31
      uk-late,            GB, APPAREL,          WRONG_SIZE,   15,  null, OUTSIDE_WINDOW, 14,   Consumer Contracts Regulations 2013 reg. 31
      au-major-failure,   AU, ELECTRONICS,      DEFECTIVE,    60,  30,   AGENT_REVIEW,   null, Australian Consumer Law s.259-263
      us-faulty,          US, HOME,             DAMAGED,      90,  30,   ELIGIBLE,       null, Implied warranty of merchantability (UCC 2-314)
      br-faulty,          BR, ELECTRONICS,      DEFECTIVE,    90,  null, ELIGIBLE,       90,   CDC Lei 8.078/1990 Art. 26 II
      br-regret,          BR, APPAREL,          CHANGED_MIND, 7,   null, ELIGIBLE,       7,    CDC Lei 8.078/1990 Art. 49
      cn-excluded,        CN, PERISHABLE,       CHANGED_MIND, 2,   null, EXCLUDED,       null, Consumer Rights Protection Law Art. 25
      cn-faulty,          CN, ELECTRONICS,      DEFECTIVE,    5,   null, ELIGIBLE,       7,    Consumer Rights Protection Law Art. 24
      cn-no-reason,       CN, APPAREL,          WRONG_SIZE,   7,   null, ELIGIBLE,       7,    Consumer Rights Protection Law Art. 25
      shop-window,        US, APPAREL,          WRONG_SIZE,   29,  30,   ELIGIBLE,       30,   Shop policy
      shop-window,        BR, APPAREL,          CHANGED_MIND, 20,  30,   ELIGIBLE,       30,   Shop policy
      faulty-elsewhere,   AE, ELECTRONICS,      DEFECTIVE,    40,  14,   AGENT_REVIEW,   null, Faulty goods outside any window
      faulty-elsewhere,   CN, ELECTRONICS,      DEFECTIVE,    8,   null, AGENT_REVIEW,   null, Faulty goods outside any window
      otherwise,          US, APPAREL,          CHANGED_MIND, 31,  30,   OUTSIDE_WINDOW, null, No statutory right and outside the shop's window
      otherwise,          AU, APPAREL,          CHANGED_MIND, 3,   null, OUTSIDE_WINDOW, null, No statutory right and outside the shop's window
      """)
  void returnEligibility(String rule, String country, String category, String reason, long days, Integer shopDays,
      String eligibility, Integer windowDays, String basis) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("country", country);
    facts.put("category", category);
    facts.put("reason", reason);
    facts.put("daysSinceDelivery", days);
    facts.put("shopReturnDays", shopDays);

    String output = evaluate("return-eligibility", rule, facts);

    assertThat(JsonPath.<String>read(output, "$.eligibility")).as(rule).isEqualTo(eligibility);
    assertThat(JsonPath.<Integer>read(output, "$.windowDays")).as(rule).isEqualTo(windowDays);
    assertThat(JsonPath.<String>read(output, "$.basis")).as(rule).isEqualTo(basis);
  }

  @ParameterizedTest(name = "{0}: {1} {2}, seller pays {3}, told {4} -> {5}")
  @CsvSource(nullValues = "null", textBlock = """
      faulty-eu,        DE, DEFECTIVE,    false, true,  SELLER, Directive (EU) 2019/771 Art. 14(1)(a)
      faulty-uk,        GB, WRONG_ITEM,   false, true,  SELLER, 'Consumer Rights Act 2015 s.20(7), s.23(2)'
      faulty-elsewhere, US, DAMAGED,      false, true,  SELLER, Faulty goods: the seller's cost
      seller-agreed,    US, CHANGED_MIND, true,  false, SELLER, Shop policy: free returns
      seller-agreed,    FR, WRONG_SIZE,   true,  true,  SELLER, Shop policy: free returns
      eu-not-informed,  NL, CHANGED_MIND, false, false, SELLER, Directive 2011/83/EU Art. 14(1)
      uk-not-informed,  GB, CHANGED_MIND, false, false, SELLER, Consumer Contracts Regulations 2013 reg. 34(8)
      eu-buyer,         DE, WRONG_SIZE,   false, true,  BUYER,  Directive 2011/83/EU Art. 14(1)
      otherwise,        GB, WRONG_SIZE,   false, true,  BUYER,  Shop policy: change of mind at the buyer's cost
      otherwise,        BR, CHANGED_MIND, false, false, BUYER,  Shop policy: change of mind at the buyer's cost
      """)
  void whoPaysReturnShipping(String rule, String country, String reason, boolean sellerPays, boolean told,
      String payer, String basis) {
    String output = evaluate("return-shipping-payer", rule, Map.of(
        "country", country, "reason", reason, "sellerPaysReturns", sellerPays, "buyerToldTheyPayReturns", told));

    assertThat(JsonPath.<String>read(output, "$.returnShippingPaidBy")).as(rule).isEqualTo(payer);
    assertThat(JsonPath.<String>read(output, "$.basis")).as(rule).isEqualTo(basis);
  }

  @ParameterizedTest(name = "{0}: delivered-not-received {1}, {2} {3}, silent {4} days -> {5}")
  @CsvSource(nullValues = "null", textBlock = """
      dnr,                true,  EXPRESS, CROSS_BORDER, 0,  TRACE,            3
      express-claim,      false, EXPRESS, CROSS_BORDER, 7,  CLAIM_AND_RESHIP, null
      express-trace,      false, EXPRESS, DOMESTIC,     3,  TRACE,            4
      express-wait,       false, EXPRESS, CROSS_BORDER, 2,  WAIT,             1
      postal-cross-claim, false, POSTAL,  CROSS_BORDER, 30, CLAIM_AND_RESHIP, null
      postal-cross-trace, false, POSTAL,  CROSS_BORDER, 15, TRACE,            15
      postal-cross-wait,  false, POSTAL,  CROSS_BORDER, 14, WAIT,             3
      economy-claim,      false, ECONOMY, CROSS_BORDER, 30, CLAIM_AND_RESHIP, null
      economy-trace,      false, ECONOMY, CROSS_BORDER, 20, TRACE,            10
      economy-wait,       false, ECONOMY, CROSS_BORDER, 19, WAIT,             5
      domestic-claim,     false, POSTAL,  DOMESTIC,     10, CLAIM_AND_RESHIP, null
      domestic-trace,     false, POSTAL,  DOMESTIC,     5,  TRACE,            5
      domestic-wait,      false, POSTAL,  DOMESTIC,     4,  WAIT,             2
      other-claim,        false, FREIGHT, CROSS_BORDER, 30, CLAIM_AND_RESHIP, null
      other-trace,        false, FREIGHT, CROSS_BORDER, 10, TRACE,            10
      wait,               false, FREIGHT, CROSS_BORDER, 9,  WAIT,             2
      """)
  void lostParcelAction(String rule, boolean deliveredNotReceived, String carrierClass, String lane, int silentDays,
      String action, Integer recheckInDays) {
    String output = evaluate("lost-parcel-action", rule, Map.of("deliveredNotReceived", deliveredNotReceived,
        "carrierClass", carrierClass, "lane", lane, "daysSinceLastScan", silentDays));

    assertThat(JsonPath.<String>read(output, "$.lostParcelAction")).as(rule).isEqualTo(action);
    assertThat(JsonPath.<Integer>read(output, "$.recheckInDays")).as(rule).isEqualTo(recheckInDays);
  }

  @ParameterizedTest(name = "{0}: inspection {1} in {2} -> {3} of the price")
  @CsvSource(textBlock = """
      pass,               PASS,    DE, 1,    Returned as sold: the full price back
      pass,               PASS,    US, 1,    Returned as sold: the full price back
      partial-eu,         PARTIAL, FR, 0.8,  Diminished value from handling beyond
      partial-uk,         PARTIAL, GB, 0.8,  Diminished value (Consumer Contracts Regulations 2013
      partial-elsewhere,  PARTIAL, US, 0.85, Shop policy: 15 % restocking fee
      partial-elsewhere,  PARTIAL, AU, 0.85, Shop policy: 15 % restocking fee
      fail,               FAIL,    DE, 0,    Not as sold: an agent decides
      """)
  void refundAfterAReturn(String rule, String inspection, String country, double share, String basis) {
    String output = evaluate("return-refund", rule, Map.of("inspectionResult", inspection, "country", country));

    assertThat(JsonPath.<Number>read(output, "$.refundShare").doubleValue()).as(rule).isEqualTo(share);
    assertThat(JsonPath.<String>read(output, "$.basis")).as(rule).startsWith(basis);
  }

  @ParameterizedTest(name = "{0}: {1} {2} -> {3} days to claim")
  @CsvSource(textBlock = """
      express,              EXPRESS, CROSS_BORDER, 30,  Express integrators
      express,              EXPRESS, DOMESTIC,     30,  Express integrators
      postal-cross-border,  POSTAL,  CROSS_BORDER, 180, Universal Postal Union
      postal-domestic,      POSTAL,  DOMESTIC,     60,  Domestic post
      economy,              ECONOMY, CROSS_BORDER, 45,  Cross-border consolidators
      otherwise,            FREIGHT, CROSS_BORDER, 30,  Unknown carrier
      """)
  void carrierClaimWindow(String rule, String carrierClass, String lane, int days, String basis) {
    String output = evaluate("carrier-claim-window", rule, Map.of("carrierClass", carrierClass, "lane", lane));

    assertThat(JsonPath.<Integer>read(output, "$.claimWindowDays")).as(rule).isEqualTo(days);
    assertThat(JsonPath.<String>read(output, "$.basis")).as(rule).startsWith(basis);
  }

  /** The decision's output, after checking that the rule the scenario is named for is the one that matched. */
  private String evaluate(String decisionId, String rule, Map<String, Object> facts) {
    EvaluateDecisionResponse result = camunda.newEvaluateDecisionCommand().decisionId(decisionId).variables(facts)
        .send().join();
    assertThat(result.getEvaluatedDecisions().getFirst().getMatchedRules())
        .extracting(MatchedDecisionRule::getRuleId).containsExactly("rule-" + rule);
    return result.getDecisionOutput();
  }
}
