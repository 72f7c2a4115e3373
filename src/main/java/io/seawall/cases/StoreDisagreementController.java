package io.seawall.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Case store", description = "Where the case store and the engine disagree")
class StoreDisagreementController {

  private final StoreDisagreements disagreements;

  StoreDisagreementController(StoreDisagreements disagreements) {
    this.disagreements = disagreements;
  }

  @GetMapping("/api/case-store/disagreements")
  @Operation(summary = "Cases the case store and the engine disagree about, not settled yet, newest first")
  List<StoreDisagreements.Disagreement> open() {
    return disagreements.open();
  }
}
