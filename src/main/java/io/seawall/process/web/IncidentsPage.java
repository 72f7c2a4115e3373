package io.seawall.process.web;

import io.seawall.process.StepIncidents;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's page of steps whose worker gave up, for managers and ops: each with the worker's
 * reason, a link to its case, and a button that retries it once the cause is fixed (the same
 * {@link StepIncidents} as {@code POST /api/incidents/{jobKey}/retry}).
 */
@Controller
@RequestMapping("/desk/incidents")
class IncidentsPage {

  private final StepIncidents incidents;

  IncidentsPage(StepIncidents incidents) {
    this.incidents = incidents;
  }

  @GetMapping
  String incidents(Model model) {
    model.addAttribute("incidents", incidents.open(null));
    return "process/incidents";
  }

  @PostMapping("/{jobKey}/retry")
  String retry(@PathVariable long jobKey, Authentication who, RedirectAttributes after) {
    try {
      after.addFlashAttribute("retried", incidents.retry(jobKey, who.getName()).step());
    } catch (ErrorResponseException refused) {
      // Retried from another tab or resolved in Operate meanwhile: say so on the list, which shows what is left.
      after.addFlashAttribute("refused", refused.getBody().getDetail());
    }
    return "redirect:/desk/incidents";
  }
}
