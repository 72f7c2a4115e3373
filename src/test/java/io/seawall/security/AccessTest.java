package io.seawall.security;

import static io.seawall.CaseRequests.brokenMugFromGermany;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.SeawallTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SeawallTest
class AccessTest {

  @Autowired MockMvc http;

  @Test
  void nobodyAnonymousReadsCases() throws Exception {
    http.perform(get("/api/cases"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", Matchers.containsString("Basic")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aWrongPasswordIsUnauthorized() throws Exception {
    http.perform(get("/api/cases").with(httpBasic("agent", "guess")))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void opsStaffReadCasesButDoNotOpenThem() throws Exception {
    http.perform(get("/api/cases").with(httpBasic("ops", "ops"))).andExpect(status().isOk());
    http.perform(post("/api/cases").with(httpBasic("ops", "ops"))
            .contentType(MediaType.APPLICATION_JSON).content(brokenMugFromGermany(uniqueOrder())))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void escalationManagersOpenCasesInTheirOwnName() throws Exception {
    http.perform(post("/api/cases").with(httpBasic("manager", "manager"))
            .contentType(MediaType.APPLICATION_JSON).content(brokenMugFromGermany(uniqueOrder())))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.openedBy").value("manager"))
        .andExpect(jsonPath("$.timeline[0].actor").value("manager"));
  }

  @Test
  void theApiDescriptionIsPublic() throws Exception {
    http.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/cases']").exists());
  }
}
