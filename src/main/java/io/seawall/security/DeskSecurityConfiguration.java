package io.seawall.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * The desk signs people in with a browser session (through the OIDC issuer's code flow when a client
 * registration is configured, else on its own form) and guards every form with a CSRF token. It owns
 * only its own paths, so the API keeps its stateless chain ({@link SecurityConfiguration}) with
 * HTTP basic or bearer tokens and problem+json refusals; this chain answers a refusal with a page.
 */
@Configuration(proxyBeanMethods = false)
class DeskSecurityConfiguration {

  /** Paths the desk serves; everything else is the API's. */
  private static final String[] DESK_PATHS = {
    "/", "/login", "/logout", "/desk/**", "/webjars/**", "/oauth2/authorization/**", "/login/oauth2/**"
  };

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain desk(
      HttpSecurity http, SecurityProperties properties, ObjectProvider<ClientRegistrationRepository> issuers)
      throws Exception {
    String[] caseWorkers = {Role.AGENT.name(), Role.ESCALATION_MANAGER.name(), Role.ADMIN.name()};
    http.securityMatcher(DESK_PATHS)
        .authorizeHttpRequests(auth -> auth
            .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
            .requestMatchers("/login", "/desk/desk.css", "/desk/desk.js", "/webjars/**").permitAll()
            .requestMatchers("/desk/ops/**").hasAnyRole(Role.OPS.name(), Role.ADMIN.name())
            .requestMatchers("/desk/dashboard/**", "/desk/incidents/**").hasAnyRole(
                Role.ESCALATION_MANAGER.name(), Role.OPS.name(), Role.ADMIN.name())
            .requestMatchers("/desk/inbox/**", "/desk/cases/**", "/desk/tasks/**").hasAnyRole(caseWorkers)
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(signIn())
            .accessDeniedPage("/desk/forbidden"));
    // With a client registration configured, the desk signs in through the OIDC issuer (code flow).
    if (issuers.getIfAvailable() != null) {
      http.oauth2Login(oidc -> oidc
          .loginPage("/login")
          .defaultSuccessUrl("/", false)
          .userInfoEndpoint(info -> info.userAuthoritiesMapper(new OidcRoles(properties.rolesClaim()))));
    }
    return http.build();
  }

  /**
   * Someone not signed in goes to the sign-in page. For an htmx request (the inbox's refresh after
   * the session ended) the whole page goes there, rather than the form landing inside the table.
   */
  private static AuthenticationEntryPoint signIn() {
    AuthenticationEntryPoint wholePage = (request, response, ex) -> {
      response.setHeader("HX-Redirect", request.getContextPath() + "/login");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    };
    DelegatingAuthenticationEntryPoint entry = new DelegatingAuthenticationEntryPoint(
        new LinkedHashMap<>(Map.of(new RequestHeaderRequestMatcher("HX-Request"), wholePage)));
    entry.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
    return entry;
  }
}
