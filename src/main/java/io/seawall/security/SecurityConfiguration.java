package io.seawall.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every API call is made by someone with a role. Production trusts an OIDC issuer (set {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri}); the embedded default ships demo users
 * over HTTP basic. Webhooks authenticate by their provider's signature (intake checks it), not here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final String[] CASE_WORKERS = {
    Role.AGENT.name(), Role.ESCALATION_MANAGER.name(), Role.ADMIN.name()
  };
  private static final String[] EVERYONE = {
    Role.AGENT.name(), Role.ESCALATION_MANAGER.name(), Role.OPS.name(), Role.ADMIN.name()
  };

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      SecurityProperties properties,
      ObjectProvider<JwtDecoder> jwt,
      ObjectMapper json) throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
            .requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
            .requestMatchers("/webhooks/**").permitAll()
            .requestMatchers("/api/intake/**", "/api/buyer-messages/**").hasAnyRole(Role.OPS.name(), Role.ADMIN.name())
            .requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/*/messages", "/api/cases/*/notes",
                "/api/tasks/**").hasAnyRole(CASE_WORKERS)
            .requestMatchers(HttpMethod.PUT, "/api/cases/*/delivery-address").hasAnyRole(CASE_WORKERS)
            .requestMatchers("/api/case-store/**", "/api/incidents/**").hasAnyRole(
                Role.ESCALATION_MANAGER.name(), Role.OPS.name(), Role.ADMIN.name())
            .requestMatchers(HttpMethod.PUT, "/api/macros/**").hasAnyRole(Role.OPS.name(), Role.ADMIN.name())
            .requestMatchers("/api/sla/**").hasAnyRole(
                Role.ESCALATION_MANAGER.name(), Role.OPS.name(), Role.ADMIN.name())
            .requestMatchers("/api/**").hasAnyRole(EVERYONE)
            .anyRequest().hasRole(Role.ADMIN.name()))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(unauthenticated(json))
            .accessDeniedHandler(forbidden(json)));
    if (jwt.getIfAvailable() != null) {
      http.oauth2ResourceServer(rs -> rs
          .authenticationEntryPoint(unauthenticated(json))
          .jwt(j -> j.jwtAuthenticationConverter(rolesFrom(properties.rolesClaim()))));
    }
    if (properties.demoUsers()) {
      http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated(json)));
    }
    return http.build();
  }

  @Bean
  UserDetailsService demoUsers(SecurityProperties properties) {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
    if (properties.demoUsers()) {
      for (SecurityProperties.DemoUser demo : properties.demo()) {
        users.createUser(User.withUsername(demo.username())
            .password(encoder.encode(demo.password()))
            .roles(demo.roles().stream().map(Role::name).toArray(String[]::new))
            .build());
      }
    }
    return users;
  }

  private static JwtAuthenticationConverter rolesFrom(String claim) {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(token -> {
      Object value = token.getClaims().get(claim);
      Collection<?> names = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
      return names.stream()
          .map(String::valueOf)
          .filter(name -> List.of(EVERYONE).contains(name))
          .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
          .toList();
    });
    converter.setPrincipalClaimName("preferred_username");
    return converter;
  }

  private static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
    return (request, response, ex) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"seawall\", Bearer");
      write(json, response, HttpStatus.UNAUTHORIZED, "Authentication required",
          "Sign in: HTTP basic for demo users, or a bearer token from the configured OIDC issuer");
    };
  }

  private static AccessDeniedHandler forbidden(ObjectMapper json) {
    return (request, response, ex) ->
        write(json, response, HttpStatus.FORBIDDEN, "Not allowed", "Your role may not do this");
  }

  private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
