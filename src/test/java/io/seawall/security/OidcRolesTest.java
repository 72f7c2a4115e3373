package io.seawall.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** Someone signing in to the desk through the company's issuer gets the Seawall roles it lists, no more. */
class OidcRolesTest {

  @Test
  void theRolesClaimGivesTheSeawallRolesItNamesAndNothingElse() {
    OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
        Map.of("sub", "u-1", "preferred_username", "mei", "roles", List.of("AGENT", "finance", "ADMIN ")));

    var roles = new OidcRoles("roles").mapAuthorities(
        List.of(new OidcUserAuthority(token), new SimpleGrantedAuthority("SCOPE_openid")));

    assertThat(roles).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_AGENT");
  }

  @Test
  void noRolesClaimGivesNoRole() {
    OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", "u-2"));

    assertThat(new OidcRoles("roles").mapAuthorities(List.of(new OidcUserAuthority(token)))).isEmpty();
  }
}
