package io.seawall.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.seawall.sla.SlaPolicies.SlaPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * A step's SLA comes from its model (sla.* properties); the policy table overrides it field by
 * field for the cases a row names, the most specific row winning.
 */
class StepSlaPrecedenceTest {

  static final String FLOW = "sla-carrier-steps";
  static final CaseSlaFacts AMAZON_RESHIP_IN_GERMANY = new CaseSlaFacts("DE", "AMAZON", "RESHIP");

  @Test
  void withoutARowTheStepRunsAgainstWhatItsModelDeclares() throws IOException {
    StepSla sla = slas().forStep(FLOW, "book-pickup", AMAZON_RESHIP_IN_GERMANY).orElseThrow();

    assertThat(sla).isEqualTo(new StepSla(Duration.ofHours(2), ClockKind.MARKETPLACE, null, 0.75, "carrier-desk", false));
  }

  @Test
  void aMarketplaceRowShortensTheTargetAndKeepsTheRestOfTheModel() throws IOException {
    StepSla sla = slas(row("DE", null, null, Duration.ofHours(3)), row(null, "AMAZON", null, Duration.ofHours(1)))
        .forStep(FLOW, "book-pickup", AMAZON_RESHIP_IN_GERMANY).orElseThrow();

    assertThat(sla.target()).isEqualTo(Duration.ofHours(1));
    assertThat(sla.team()).isEqualTo("carrier-desk");
    assertThat(sla.warnAt()).isEqualTo(0.75);
  }

  @Test
  void aCaseTypeRowBeatsAMarketplaceRowWhateverTheirOrderInTheTable() throws IOException {
    StepSla sla = slas(row(null, null, "RESHIP", Duration.ofMinutes(30)), row(null, "AMAZON", null, Duration.ofHours(1)))
        .forStep(FLOW, "book-pickup", AMAZON_RESHIP_IN_GERMANY).orElseThrow();

    assertThat(sla.target()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aRowForAnotherMarketplaceLeavesTheModelsSla() throws IOException {
    StepSla sla = slas(row(null, "SHOPEE", null, Duration.ofHours(1)))
        .forStep(FLOW, "book-pickup", AMAZON_RESHIP_IN_GERMANY).orElseThrow();

    assertThat(sla.target()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void aStepNeitherTheModelNorTheTableTracksHasNoSla() throws IOException {
    assertThat(slas().forStep(FLOW, "carrier-steps-started", AMAZON_RESHIP_IN_GERMANY)).isEmpty();
  }

  private static SlaPolicy row(String market, String marketplace, String caseType, Duration target) {
    return new SlaPolicy(FLOW, "book-pickup", market, marketplace, caseType, target, null, null, null, null, null);
  }

  private static StepSlas slas(SlaPolicy... rows) throws IOException {
    StepSlas slas = new StepSlas(new SlaPolicies(List.of(rows), Map.of()));
    try (InputStream model = new ClassPathResource("bpmn/sla-carrier-steps.bpmn").getInputStream()) {
      slas.learnFrom("sla-carrier-steps.bpmn", model);
    }
    return slas;
  }
}
