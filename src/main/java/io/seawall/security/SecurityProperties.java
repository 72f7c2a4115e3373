package io.seawall.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param demoUsers ship the documented demo users (HTTP basic); the embedded default turns this on,
 *     production leaves it off and configures an OIDC issuer
 * @param rolesClaim the JWT claim that lists a user's Seawall roles (e.g. {@code ["AGENT"]})
 */
@ConfigurationProperties("seawall.security")
record SecurityProperties(boolean demoUsers, String rolesClaim, List<DemoUser> demo) {

  SecurityProperties {
    rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
    demo = demo == null ? List.of() : List.copyOf(demo);
  }

  record DemoUser(String username, String password, List<Role> roles) {}
}
