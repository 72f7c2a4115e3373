package io.seawall.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.seawall.SeawallTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The routing table ops staff edit in Modeler, evaluated by the engine itself. */
@SeawallTest
class ResolutionPathDecisionTest {

  @Autowired CamundaClient camunda;

  @ParameterizedTest(name = "{0} from {1}, {2} USD, delivered {3} days ago -> {4}")
  @CsvSource(nullValues = "null", textBlock = """
      NOT_RECEIVED,           DE, 120, null, LOST_PARCEL
      NOT_RECEIVED,           US, 1500, null, LOST_PARCEL
      NOT_AS_DESCRIBED,       US, 1450, 3,   AGENT
      DAMAGED,                DE, 1001, 5,   AGENT
      DAMAGED,                DE, 0,    5,   AGENT
      DELIVERED_NOT_RECEIVED, US, 15,  2,    LOST_PARCEL
      DAMAGED,                DE, 13.93, 5,  REFUND_WITHOUT_RETURN
      WRONG_ITEM,             FR, 25,  3,    REFUND_WITHOUT_RETURN
      CHANGED_MIND,           BR, 39,  4,    REFUND_WITHOUT_RETURN
      WRONG_SIZE,             SA, 40,  4,    REFUND_WITHOUT_RETURN
      DEFECTIVE,              DE, 80,  10,   RESHIP
      MISSING_PARTS,          GB, 60,  30,   RESHIP
      DEFECTIVE,              DE, 80,  45,   RETURN
      WRONG_SIZE,             US, 89,  3,    RETURN
      CHANGED_MIND,           BR, 41,  4,    RETURN
      NOT_AS_DESCRIBED,       DE, 30,  null, RETURN
      """)
  void choosesThePath(String reason, String country, double itemValueUsd, Long daysSinceDelivery, String path) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("reason", reason);
    facts.put("country", country);
    facts.put("itemValueUsd", itemValueUsd);
    facts.put("daysSinceDelivery", daysSinceDelivery);

    String output = camunda.newEvaluateDecisionCommand().decisionId("resolution-path").variables(facts)
        .send().join().getDecisionOutput();

    assertThat(output).isEqualTo('"' + path + '"');
  }
}
