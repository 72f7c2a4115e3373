package io.seawall.cases;

import static io.seawall.CaseRequests.body;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.SeawallTest;
import java.time.Duration;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SeawallTest
class ListingCasesTest {

  @Autowired MockMvc http;

  Instant since;
  String italianOrder;

  @BeforeEach
  void threeCasesFromThreeMarkets() throws Exception {
    since = Instant.now();
    italianOrder = uniqueOrder();
    openAs(http, "agent", body("TIKTOK_SHOP", italianOrder, "IT", "it", "Europe/Rome", "WRONG_SIZE", "Troppo piccolo", "45.00", "EUR", 1, 2));
    openAs(http, "agent", body("SHOPEE", uniqueOrder(), "ID", "id", "Asia/Jakarta", "DAMAGED", "Rusak", "150000", "IDR", 1, 1));
    openAs(http, "agent", body("SHOPEE", uniqueOrder(), "SA", "ar", "Asia/Riyadh", "WRONG_SIZE", "صغير", "120.00", "SAR", 2, 4));
  }

  @Test
  void casesAreFoundByCountryAndMarketplace() throws Exception {
    http.perform(get("/api/cases").with(httpBasic("ops", "ops"))
            .param("country", "IT").param("marketplace", "TIKTOK_SHOP").param("createdFrom", since.toString()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content.length()").value(1))
        .andExpect(jsonPath("$.content[0].orderReference").value(italianOrder))
        .andExpect(jsonPath("$.content[0].country").value("IT"))
        .andExpect(jsonPath("$.content[0].buyer").doesNotExist());

    http.perform(get("/api/cases").with(httpBasic("ops", "ops"))
            .param("marketplace", "SHOPEE").param("createdFrom", since.toString()))
        .andExpect(jsonPath("$.content.length()").value(2))
        .andExpect(jsonPath("$.content[*].country", Matchers.containsInAnyOrder("ID", "SA")));
  }

  @Test
  void casesComeNewestFirstPageByPage() throws Exception {
    http.perform(get("/api/cases").with(httpBasic("manager", "manager"))
            .param("createdFrom", since.toString()).param("size", "2").param("page", "1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.content.length()").value(1))
        .andExpect(jsonPath("$.content[0].orderReference").value(italianOrder))
        .andExpect(jsonPath("$.page.totalElements").value(3))
        .andExpect(jsonPath("$.page.totalPages").value(2));
  }

  @Test
  void casesAreFoundByStatusTypeAndCreationWindow() throws Exception {
    http.perform(get("/api/cases").with(httpBasic("agent", "agent"))
            .param("createdFrom", since.toString()).param("createdTo", since.minusSeconds(1).toString()))
        .andExpect(jsonPath("$.content.length()").value(0));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      http.perform(get("/api/cases").with(httpBasic("agent", "agent")).param("createdFrom", since.toString())
              .param("status", "OPEN").param("type", "RETURN"))
          .andExpect(jsonPath("$.content[*].country", Matchers.containsInAnyOrder("IT", "SA")));
      http.perform(get("/api/cases").with(httpBasic("agent", "agent")).param("createdFrom", since.toString())
              .param("status", "RESOLVED").param("type", "REFUND_WITHOUT_RETURN"))
          .andExpect(jsonPath("$.content[*].country", Matchers.contains("ID")));
    });
  }

  @Test
  void badFiltersAreNamed() throws Exception {
    http.perform(get("/api/cases").with(httpBasic("agent", "agent")).param("status", "LOST"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    http.perform(get("/api/cases").with(httpBasic("agent", "agent")).param("country", "Germany"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("country"));
    http.perform(get("/api/cases").with(httpBasic("agent", "agent")).param("createdFrom", "yesterday"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("createdFrom"));
    http.perform(get("/api/cases").with(httpBasic("agent", "agent")).param("sort", "buyerSecret"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sort"));
  }

}
