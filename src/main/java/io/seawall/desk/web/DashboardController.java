package io.seawall.desk.web;

import io.seawall.cases.StoreDisagreements;
import io.seawall.desk.Agent;
import io.seawall.desk.AgentTasks;
import io.seawall.desk.InboxFilter;
import io.seawall.desk.InboxRow;
import io.seawall.sla.RiskOverview;
import java.time.ZoneId;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The escalation managers' dashboard: what is at risk and breached now per market, step and team,
 * the last 7 or 30 days as a chart, the escalations waiting for a manager, and any case the case
 * store and the engine disagree about. Every figure comes from the same services as the API. (Steps
 * whose worker gave up have a page of their own, with the process capability that retries them.)
 */
@Controller
@RequestMapping("/desk/dashboard")
class DashboardController {

  private static final String ESCALATION_STEP = "take-escalation";

  private final RiskOverview risk;
  private final AgentTasks tasks;
  private final StoreDisagreements disagreements;

  DashboardController(
      RiskOverview risk, AgentTasks tasks, StoreDisagreements disagreements) {
    this.risk = risk;
    this.tasks = tasks;
    this.disagreements = disagreements;
  }

  @GetMapping
  String dashboard(
      Authentication who, Model model, @ModelAttribute("zone") ZoneId zone,
      @RequestParam(defaultValue = "7") int days) {
    int period = days == 30 ? 30 : 7;
    RiskOverview.Overview overview = risk.of(period, zone);
    model.addAttribute("period", period);
    model.addAttribute("overview", overview);
    model.addAttribute("riskRows", overview.now().stream().map(RiskRow::of).toList());
    model.addAttribute("peak", Math.max(1, overview.days().stream()
        .mapToLong(d -> Math.max(d.turnedAtRisk(), d.breached())).max().orElse(1)));
    model.addAttribute("atRisk", overview.now().stream().mapToLong(RiskOverview.Group::atRisk).sum());
    model.addAttribute("breached", overview.now().stream().mapToLong(RiskOverview.Group::breached).sum());
    model.addAttribute("escalations",
        tasks.inbox(Agent.signedIn(who), new InboxFilter(false, null, null, null, ESCALATION_STEP, 0, 20)));
    model.addAttribute("disagreements", disagreements.open());
    return "desk/dashboard";
  }

  /** A line of the at-risk table, with the market's flag. */
  record RiskRow(String market, String flag, String step, String team, long atRisk, long breached) {

    static RiskRow of(RiskOverview.Group g) {
      return new RiskRow(g.market(), InboxRow.flagOf(g.market()), g.step(), g.team(), g.atRisk(), g.breached());
    }
  }
}
