package io.seawall.desk.web;

import static io.seawall.CaseRequests.designerCoatNotAsDescribedFromUs;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.AgentDesk;
import io.seawall.SeawallTest;
import io.seawall.desk.Agent;
import io.seawall.desk.AgentTasks;
import io.seawall.desk.InboxFilter;
import io.seawall.desk.InboxPage;
import io.seawall.desk.InboxRow;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The desk's door: sessions and CSRF for people in a browser, while the API behind it stays
 * stateless; pages that cannot be shown answer with a page; the inbox counts where the work is.
 */
@SeawallTest
class DeskAccessTest {

  @Autowired MockMvc http;
  @Autowired AgentTasks tasks;

  @Test
  void someoneNotSignedInIsSentToTheSignInPage() throws Exception {
    http.perform(get("/desk/inbox"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("http://localhost/login"));
    http.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
  }

  @Test
  void theDeskSignsInWithItsFormAndTheCsrfToken() throws Exception {
    http.perform(post("/login").param("username", "agent").param("password", "agent").with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/"));
    http.perform(post("/login").param("username", "agent").param("password", "wrong").with(csrf()))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void aFormSentWithoutItsCsrfTokenIsRefused() throws Exception {
    http.perform(post("/login").param("username", "agent").param("password", "agent"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theApiBehindTheDeskStaysStatelessAndAnswersInProblemJson() throws Exception {
    http.perform(get("/api/cases").with(httpBasic("agent", "agent")))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Set-Cookie"));
    http.perform(get("/api/cases"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    http.perform(get("/api/intake/parked").with(httpBasic("agent", "agent")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void theInboxRefreshOfAnEndedSessionSendsThePageToSignIn() throws Exception {
    http.perform(get("/desk/inbox/table").header("HX-Request", "true"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("HX-Redirect", "/login"));
  }

  @Test
  void aCaseThatDoesNotExistOrAnAddressThatNamesNoneIsANotFoundPage() throws Exception {
    http.perform(get("/desk/cases/{id}", UUID.randomUUID()).with(user("agent").roles("AGENT")))
        .andExpect(status().isNotFound())
        .andExpect(content().string(Matchers.containsString("id=\"not-found\"")));
    http.perform(get("/desk/cases/not-a-case").with(user("agent").roles("AGENT")))
        .andExpect(status().isNotFound())
        .andExpect(content().string(Matchers.containsString("id=\"not-found\"")));
    http.perform(get("/desk/inbox").param("page", "first").with(user("agent").roles("AGENT")))
        .andExpect(status().isNotFound());
  }

  @Test
  void theInboxNarrowsByMarketAndCountsTheTasksOfEveryMarket() throws Exception {
    UUID coat = openAs(http, "agent", designerCoatNotAsDescribedFromUs(uniqueOrder()));
    new AgentDesk(http).awaitTask(coat, "resolve-case");
    Agent agent = new Agent("agent", Set.of("agents"), false);

    InboxPage us = tasks.inbox(agent, new InboxFilter(false, "US", null, null, null, 0, 25));
    InboxPage germany = tasks.inbox(agent, new InboxFilter(false, "DE", null, null, null, 0, 25));

    assertThat(us.rows()).extracting(InboxRow::caseId).contains(coat);
    assertThat(us.rows()).allSatisfy(row -> assertThat(row.market()).isEqualTo("US"));
    assertThat(germany.rows()).extracting(InboxRow::caseId).doesNotContain(coat);
    assertThat(germany.counts().get("market"))
        .anySatisfy(count -> {
          assertThat(count.value()).isEqualTo("US");
          assertThat(count.tasks()).isEqualTo(us.total());
        });
  }

  @Test
  void aPageOfTheInboxHoldsAtMostItsSize() throws Exception {
    for (int i = 0; i < 3; i++) {
      UUID coat = openAs(http, "agent", designerCoatNotAsDescribedFromUs(uniqueOrder()));
      new AgentDesk(http).awaitTask(coat, "resolve-case");
    }
    Agent agent = new Agent("agent", Set.of("agents"), false);

    InboxPage first = tasks.inbox(agent, new InboxFilter(false, null, null, null, null, 0, 2));
    InboxPage second = tasks.inbox(agent, new InboxFilter(false, null, null, null, null, 1, 2));

    assertThat(first.rows()).hasSize(2);
    assertThat(first.total()).isGreaterThanOrEqualTo(3);
    assertThat(second.rows()).isNotEmpty()
        .extracting(InboxRow::taskKey).doesNotContainAnyElementsOf(first.rows().stream().map(InboxRow::taskKey).toList());
    assertThat(first.rows().get(0).dueAt()).isBeforeOrEqualTo(first.rows().get(1).dueAt());
  }
}
