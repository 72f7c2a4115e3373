package io.seawall.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.TestDatabase;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An installation with its company's OIDC issuer configured as a client registration (and no demo
 * users): the desk signs in through the issuer's authorization code flow instead of its own form.
 */
@SpringBootTest(properties = {
    "seawall.engine.directory=./target/engine/${random.uuid}",
    "seawall.engine.port=0",
    "seawall.engine.rest-port=0",
    // A context of its own starts its own engine; on a busy machine deploying the models takes longer than 10 s.
    "camunda.client.request-timeout=PT60S",
    "seawall.security.demo-users=false",
    "spring.security.oauth2.client.registration.company.client-id=seawall-desk",
    "spring.security.oauth2.client.registration.company.client-secret=not-a-secret",
    "spring.security.oauth2.client.registration.company.client-name=Company SSO",
    "spring.security.oauth2.client.registration.company.authorization-grant-type=authorization_code",
    "spring.security.oauth2.client.registration.company.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
    "spring.security.oauth2.client.registration.company.scope=openid,profile",
    "spring.security.oauth2.client.provider.company.authorization-uri=https://sso.example.com/authorize",
    "spring.security.oauth2.client.provider.company.token-uri=https://sso.example.com/token",
    "spring.security.oauth2.client.provider.company.jwk-set-uri=https://sso.example.com/jwks",
    "spring.security.oauth2.client.provider.company.user-name-attribute=preferred_username"
})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
class DeskIssuerSignInTest {

  @Autowired MockMvc http;

  @Test
  void theSignInPageOffersTheIssuerAndNoPasswordForm() throws Exception {
    http.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Sign in with Company SSO")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"password\""))));
  }

  @Test
  void signingInStartsTheAuthorizationCodeFlowAtTheIssuer() throws Exception {
    http.perform(get("/oauth2/authorization/company"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", Matchers.allOf(
            Matchers.startsWith("https://sso.example.com/authorize?response_type=code"),
            Matchers.containsString("client_id=seawall-desk"),
            Matchers.containsString("scope=openid%20profile"))));
  }

  @Test
  void theApiStillWantsATokenOrBasicAndIsNotRedirectedToTheIssuer() throws Exception {
    http.perform(get("/api/cases"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().doesNotExist("Location"));
  }
}
