package io.seawall.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sla")
@Tag(name = "SLA", description = "What is at risk, what breached, and how each step keeps its SLA")
class SlaController {

  private final StepClocks clocks;
  private final RiskOverview overview;

  SlaController(StepClocks clocks, RiskOverview overview) {
    this.clocks = clocks;
    this.overview = overview;
  }

  @GetMapping("/overview")
  @Operation(summary = "Running clocks at risk and breached per market, step and team, and per day of the last "
      + "days (1 to 90) how many turned at risk or breached, counted in the given time zone")
  RiskOverview.Overview overview(
      @RequestParam(defaultValue = "7") @Min(1) @Max(90) int days,
      @RequestParam(defaultValue = "UTC") String zone) {
    ZoneId viewer;
    try {
      viewer = ZoneId.of(zone);
    } catch (DateTimeException notAZone) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "zone: not a time zone");
      problem.setProperty("errors", List.of(Map.of("field", "zone", "message", "must be a time zone such as Europe/Berlin")));
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, notAZone);
    }
    return overview.of(days, viewer);
  }

  @GetMapping("/at-risk")
  @Operation(summary = "Running clocks past their warning (breached=true: past their due date), soonest due first; "
      + "narrowed by market (buyer country), marketplace, case type, flow (process id), step and team")
  Page<StepClockView> atRisk(
      @RequestParam(defaultValue = "false") boolean breached,
      @RequestParam(required = false) String market,
      @RequestParam(required = false) String marketplace,
      @RequestParam(required = false) String caseType,
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String step,
      @RequestParam(required = false) String team,
      @PageableDefault(size = 20, sort = "dueAt", direction = Sort.Direction.ASC) Pageable page) {
    return clocks.atRisk(
        new StepClocks.AtRiskFilter(breached, market, marketplace, caseType, process, step, team), page);
  }

  @GetMapping("/compliance")
  @Operation(summary = "Per step and market: clocks stopped in the period, share met, median and p90 time used")
  List<StepClocks.Compliance> compliance(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
    return clocks.compliance(from, to);
  }
}
