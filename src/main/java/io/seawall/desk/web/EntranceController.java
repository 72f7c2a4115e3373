package io.seawall.desk.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Signing in, the landing page each role starts from, and the page for what a role may not see. */
@Controller
class EntranceController {

  @GetMapping("/login")
  String signIn() {
    return "desk/login";
  }

  @GetMapping("/")
  String start(Model model) {
    @SuppressWarnings("unchecked")
    Set<String> sections = (Set<String>) model.getAttribute("sections");
    if (sections != null && sections.contains("inbox")) {
      return "redirect:/desk/inbox";
    }
    if (sections != null && sections.contains("ops")) {
      return "redirect:/desk/ops/parked";
    }
    return "redirect:/desk/forbidden";
  }

  @RequestMapping("/desk/forbidden")
  String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "desk/forbidden";
  }
}
