package io.seawall.intake;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Ops staff's page of the events intake parked after every attempt failed (the desk, for role OPS). */
@Controller
class ParkedEventsPage {

  private final Inbox inbox;

  ParkedEventsPage(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/desk/ops/parked")
  String parked(Model model) {
    model.addAttribute("parked", inbox.parked());
    return "intake/parked";
  }
}
