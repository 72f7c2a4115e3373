package io.seawall.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * The Seawall roles of someone who signed in to the desk through the OIDC issuer: the names in the
 * configured roles claim (of the ID token or user info) that are Seawall roles; anything else in
 * the claim, and the issuer's own scopes, give no access.
 */
final class OidcRoles implements GrantedAuthoritiesMapper {

  private final String claim;

  OidcRoles(String claim) {
    this.claim = claim;
  }

  @Override
  public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
    Set<GrantedAuthority> roles = new LinkedHashSet<>();
    for (GrantedAuthority authority : authorities) {
      Map<String, Object> claims = authority instanceof OidcUserAuthority oidc
          ? oidc.getIdToken().getClaims()
          : authority instanceof OAuth2UserAuthority user ? user.getAttributes() : Map.of();
      Object value = claims.get(claim);
      if (value == null && authority instanceof OidcUserAuthority oidc && oidc.getUserInfo() != null) {
        value = oidc.getUserInfo().getClaims().get(claim);
      }
      Collection<?> names = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
      names.stream()
          .map(String::valueOf)
          .filter(name -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
          .forEach(name -> roles.add(new SimpleGrantedAuthority("ROLE_" + name)));
    }
    return roles;
  }
}
