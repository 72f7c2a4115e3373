package io.seawall.cases;

import static io.seawall.CaseRequests.brokenMugFromGermany;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A cluster that does not answer: the case is not kept half-opened without a process. The context
 * is closed afterwards: its job workers would otherwise poll the missing cluster for the rest of the
 * build.
 */
@DirtiesContext
@SpringBootTest(properties = {
    "camunda.client.grpc-address=http://127.0.0.1:9",
    "camunda.client.rest-address=http://127.0.0.1:9",
    "camunda.client.request-timeout=PT2S",
    "camunda.client.deployment.enabled=false"
})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
class EngineDownTest {

  @Autowired MockMvc http;
  @Autowired JdbcClient db;

  @Test
  void whenTheEngineCannotStartTheProcessTheCaseIsWithdrawnAndTheCallerToldToRetry() throws Exception {
    String order = uniqueOrder();

    http.perform(post("/api/cases").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content(brokenMugFromGermany(order)))
        .andExpect(status().isServiceUnavailable())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    assertThat(db.sql("select count(*) from after_sales_case where order_reference = ?").param(order)
        .query(Long.class).single()).isZero();
  }
}
