package io.seawall.desk.web;

import io.seawall.desk.Agent;
import io.seawall.desk.AgentTasks;
import io.seawall.desk.InboxFilter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agent's inbox: open tasks of their groups and the ones they hold, soonest due first. The
 * table reloads itself every two seconds (htmx) with the filters chosen, without a full page load.
 */
@Controller
@RequestMapping("/desk/inbox")
class InboxController {

  private static final int PAGE_SIZE = 25;

  private final AgentTasks tasks;

  InboxController(AgentTasks tasks) {
    this.tasks = tasks;
  }

  @GetMapping
  String inbox(
      Authentication who,
      Model model,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) String market,
      @RequestParam(required = false) String marketplace,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String step,
      @RequestParam(defaultValue = "0") int page) {
    fill(model, who, new InboxFilter(mine, market, marketplace, reason, step, page, PAGE_SIZE));
    return "desk/inbox";
  }

  @GetMapping("/table")
  String table(
      Authentication who,
      Model model,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) String market,
      @RequestParam(required = false) String marketplace,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String step,
      @RequestParam(defaultValue = "0") int page) {
    fill(model, who, new InboxFilter(mine, market, marketplace, reason, step, page, PAGE_SIZE));
    return "desk/inbox :: table";
  }

  private void fill(Model model, Authentication who, InboxFilter filter) {
    model.addAttribute("filter", filter);
    Map<String, String> chosen = new HashMap<>();
    chosen.put("market", filter.market());
    chosen.put("marketplace", filter.marketplace());
    chosen.put("reason", filter.reason());
    chosen.put("step", filter.step());
    model.addAttribute("chosen", chosen);
    model.addAttribute("inbox", tasks.inbox(Agent.signedIn(who), filter));
  }
}
