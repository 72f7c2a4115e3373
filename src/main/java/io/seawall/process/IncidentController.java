package io.seawall.process;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Steps whose worker gave up, and retrying them")
class IncidentController {

  private final StepIncidents incidents;

  IncidentController(StepIncidents incidents) {
    this.incidents = incidents;
  }

  @GetMapping
  @Operation(summary = "Steps waiting for a retry, newest first, with the worker's reason")
  List<StepIncidents.StepIncident> open(@RequestParam(required = false) UUID caseId) {
    return incidents.open(caseId);
  }

  @PostMapping("/{jobKey}/retry")
  @Operation(summary = "Run the step again once its cause is fixed (its job gets 3 retries back)")
  StepIncidents.StepIncident retry(@PathVariable long jobKey, Principal who) {
    return incidents.retry(jobKey, who.getName());
  }
}
