package io.seawall.desk.web;

import io.seawall.security.Role;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every desk page's frame shows: who is signed in, which sections their role opens, the
 * language, the viewer's time zone (the browser reports it in a cookie; UTC until it has) and the
 * CSRF token htmx sends with each request. Ops pages of other capabilities share the frame.
 */
@ControllerAdvice(basePackages = {"io.seawall.desk.web", "io.seawall.intake"})
class DeskPageModel {

  /** Set by desk.js from the browser's Intl time zone. */
  private static final String ZONE_COOKIE = "seawall-tz";

  @ModelAttribute("zone")
  ZoneId zone(HttpServletRequest request) {
    return viewerZone(request);
  }

  /** This page's address without its language choice, for the language switch to add one. */
  @ModelAttribute("here")
  String here(HttpServletRequest request) {
    String query = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
        .filter(p -> !p.startsWith("lang=") && !p.isEmpty())
        .collect(Collectors.joining("&"));
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path + (query.isEmpty() ? "" : "?" + query);
  }

  @ModelAttribute("lang")
  String lang(Locale locale) {
    return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
  }

  @ModelAttribute("me")
  String me(Authentication who) {
    return who == null ? null : who.getName();
  }

  @ModelAttribute("sections")
  Set<String> sections(Authentication who) {
    Set<String> roles = who == null ? Set.of() : who.getAuthorities().stream()
        .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
        .collect(Collectors.toSet());
    Set<String> sections = new LinkedHashSet<>();
    if (roles.contains(Role.AGENT.name()) || roles.contains(Role.ESCALATION_MANAGER.name())
        || roles.contains(Role.ADMIN.name())) {
      sections.add("inbox");
    }
    if (roles.contains(Role.ESCALATION_MANAGER.name()) || roles.contains(Role.OPS.name())
        || roles.contains(Role.ADMIN.name())) {
      sections.add("dashboard");
    }
    if (roles.contains(Role.OPS.name()) || roles.contains(Role.ADMIN.name())) {
      sections.add("ops");
    }
    return sections;
  }

  @ModelAttribute("roleNames")
  String roleNames(Authentication who) {
    return who == null ? "" : who.getAuthorities().stream()
        .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
        .filter(name -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
        .sorted()
        .collect(Collectors.joining(", "));
  }

  /** The header htmx adds to every request it makes, as the JSON {@code hx-headers} takes. */
  @ModelAttribute("csrfHeaders")
  String csrfHeaders(HttpServletRequest request) {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return token == null ? "{}" : "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}";
  }

  private static ZoneId viewerZone(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return ZoneOffset.UTC;
    }
    return Arrays.stream(cookies)
        .filter(c -> c.getName().equals(ZONE_COOKIE))
        .findFirst()
        .map(c -> {
          try {
            return ZoneId.of(URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8));
          } catch (DateTimeException | IllegalArgumentException unknown) {
            return ZoneOffset.UTC;
          }
        })
        .orElse(ZoneOffset.UTC);
  }
}
