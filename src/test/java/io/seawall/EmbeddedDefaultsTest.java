package io.seawall;

import static io.seawall.CaseRequests.brokenMugFromGermany;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seawall.sla.SlaCalendars;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Seawall as a newcomer runs it: the defaults of application.yml (H2 file database, embedded engine,
 * demo users), only moved to a scratch directory and a free port.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:file:./target/embedded-defaults/seawall;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
    "seawall.engine.directory=./target/embedded-defaults/engine-${random.uuid}",
    "seawall.engine.port=0",
    "seawall.engine.rest-port=0"
})
@AutoConfigureMockMvc
class EmbeddedDefaultsTest {

  @Autowired MockMvc http;
  @Autowired ObjectMapper json;
  @Autowired DataSource dataSource;
  @Autowired SlaCalendars calendars;

  @Test
  void onItsDefaultsSeawallStoresInH2AndRunsACaseThroughItsPath() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
    String answer = http.perform(post("/api/cases").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content(brokenMugFromGermany(uniqueOrder())))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String id = json.readTree(answer).get("id").asText();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        http.perform(get("/api/cases/{id}", id).with(httpBasic("agent", "agent")))
            .andExpect(jsonPath("$.status").value("RESOLVED"))
            // The flow ran to its end, and the buyer's notice went out (through the sandbox mail channel).
            .andExpect(jsonPath("$.timeline[?(@.kind == 'STEP_COMPLETED' && @.step == 'after-sales-case')]").exists())
            .andExpect(jsonPath("$.messages[0].deliveryStatus").value("DELIVERED")));
  }

  @Test
  void theMarketCalendarsShipWithTheApplication() {
    assertThat(List.of("de", "gb", "us", "cn")).allSatisfy(id -> assertThat(calendars.find(id)).isPresent());
  }
}
