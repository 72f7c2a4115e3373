package io.seawall.desk.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Signing in, the landing page each role starts from, and the page for what a role may not see. */
@Controller
class EntranceController {

  private final List<Issuer> issuers = new ArrayList<>();
  private final boolean demoUsers;

  EntranceController(
      ObjectProvider<ClientRegistrationRepository> registrations,
      @Value("${seawall.security.demo-users:false}") boolean demoUsers) {
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      all.forEach(r -> {
        ClientRegistration registration = (ClientRegistration) r;
        issuers.add(new Issuer(registration.getRegistrationId(), registration.getClientName()));
      });
    }
    this.demoUsers = demoUsers;
  }

  /** An OIDC issuer the desk signs in through, as its sign-in button shows it. */
  record Issuer(String id, String name) {}

  /** The issuers' buttons when any is configured; the form for the demo users when they exist. */
  @GetMapping("/login")
  String signIn(Model model) {
    model.addAttribute("issuers", issuers);
    model.addAttribute("passwordForm", issuers.isEmpty() || demoUsers);
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
