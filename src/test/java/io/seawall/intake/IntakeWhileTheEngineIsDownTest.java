package io.seawall.intake;

import static io.seawall.intake.ProviderWebhooks.digits;
import static io.seawall.intake.ProviderWebhooks.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A cluster that does not answer while webhooks keep coming: each event is acknowledged and kept, and
 * waits for the engine without spending its attempts, so an outage parks nothing.
 */
@DirtiesContext
@SpringBootTest(properties = {
    "camunda.client.grpc-address=http://127.0.0.1:9",
    "camunda.client.rest-address=http://127.0.0.1:9",
    "camunda.client.request-timeout=PT1S",
    "camunda.client.deployment.enabled=false"
})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
class IntakeWhileTheEngineIsDownTest {

  @Autowired MockMvc http;
  @Autowired JdbcClient db;

  @Test
  void aReturnRequestArrivingDuringAnOutageWaitsForTheEngineInsteadOfBeingParked() throws Exception {
    String webhookId = UUID.randomUUID().toString();
    String body = payload("shopify/returns-request.json", Map.of("returnId", digits(), "orderId", digits()));

    http.perform(ProviderWebhooks.shopify(webhookId, "returns/request", body)).andExpect(status().isOk());

    // Three attempts at 200 ms would park it within a second or two; it is tried again and again instead.
    await().atMost(Duration.ofSeconds(30)).until(() -> lastError(webhookId) != null);
    Thread.sleep(Duration.ofSeconds(5));
    Map<String, Object> row = db.sql("select status, attempts, last_error from intake_event where event_id = ?")
        .param(webhookId).query().singleRow();
    assertThat(row.get("status")).isEqualTo("PENDING");
    assertThat(((Number) row.get("attempts")).intValue()).isZero();
    assertThat(row.get("last_error").toString()).contains("engine");
  }

  private String lastError(String webhookId) {
    return db.sql("select last_error from intake_event where event_id = ?").param(webhookId)
        .query(String.class).optional().orElse(null);
  }
}
