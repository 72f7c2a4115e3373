package io.seawall.cases;

import static io.seawall.CaseRequests.brokenMugFromGermany;
import static io.seawall.CaseRequests.buyerEmail;
import static io.seawall.CaseRequests.buyerPhone;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seawall.ProcessJournal;
import io.seawall.SeawallTest;
import io.seawall.engine.EmbeddedEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SeawallTest
class OpeningCasesTest {

  @Autowired MockMvc http;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient db;
  @Autowired EmbeddedEngine engine;

  @Test
  void anAgentOpensACaseAndItsProcessStartsWithoutTheBuyersPersonalData() throws Exception {
    String order = uniqueOrder();
    MvcResult result = http.perform(post("/api/cases").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content(brokenMugFromGermany(order)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", Matchers.startsWith("/api/cases/")))
        .andExpect(jsonPath("$.reference").value(Matchers.matchesPattern("SW-[2-9A-Z]{8}")))
        .andExpect(jsonPath("$.buyer.name").value("Anna Beispiel"))
        .andExpect(jsonPath("$.orderValue").value(12.90))
        .andExpect(jsonPath("$.openedBy").value("agent"))
        .andExpect(jsonPath("$.timeline[0].kind").value("CASE_OPENED"))
        .andExpect(jsonPath("$.timeline[0].actor").value("agent"))
        .andReturn();
    JsonNode opened = json.readTree(result.getResponse().getContentAsString());
    long processInstanceKey = opened.get("processInstanceKey").asLong();

    var variables = new ProcessJournal(engine).variables(processInstanceKey);
    assertThat(variables).containsEntry("caseId", '"' + opened.get("id").asText() + '"')
        .containsEntry("country", "\"DE\"")
        .containsEntry("reason", "\"DAMAGED\"")
        .containsEntry("currency", "\"EUR\"")
        .containsKeys("itemValue", "itemValueUsd", "daysSinceDelivery", "marketplace", "language");
    assertThat(String.join(" ", variables.values()))
        .doesNotContain("Anna", buyerEmail(order), buyerPhone(order), "Musterstr", "Berlin", "zerbrochen");
  }

  @Test
  void badInputIsAnsweredFieldByFieldAndLeavesNothingBehind() throws Exception {
    String order = uniqueOrder();
    long instancesBefore = new ProcessJournal(engine).instancesOf("after-sales-case");
    String bad = brokenMugFromGermany(order)
        .replace("\"shop\": \"seawall-demo-shop\"", "\"shop\": \"\"")
        .replace("\"country\": \"DE\"", "\"country\": \"XX\"")
        .replace("\"email\": \"" + buyerEmail(order) + "\"", "\"email\": \"not-an-address\"")
        .replace("\"timeZone\": \"Europe/Berlin\"", "\"timeZone\": \"Mars/Olympus\"")
        .replace("\"quantity\": 1", "\"quantity\": 0")
        .replace("\"currency\": \"EUR\"", "\"currency\": \"EURO\"");

    http.perform(post("/api/cases").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content(bad))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder(
            "shop", "buyer.country", "buyer.email", "buyer.timeZone", "items[0].quantity", "items[0].currency")))
        .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("not-an-address"))));

    assertThat(casesFor(order)).isZero();
    assertThat(new ProcessJournal(engine).instancesOf("after-sales-case")).isEqualTo(instancesBefore);
  }

  @Test
  void anUnknownReasonCodeIsNamedWithTheCodesThatExist() throws Exception {
    String order = uniqueOrder();
    http.perform(post("/api/cases").with(httpBasic("agent", "agent")).contentType(MediaType.APPLICATION_JSON)
            .content(brokenMugFromGermany(order).replace("\"code\": \"DAMAGED\"", "\"code\": \"BROKEN\"")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason.code"))
        .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("DAMAGED")));
    assertThat(casesFor(order)).isZero();
  }

  @Test
  void itemsInTwoCurrenciesAreRefusedNamingTheOddOne() throws Exception {
    String order = uniqueOrder();
    String twoCurrencies = brokenMugFromGermany(order).replace(
        "\"category\": \"HOME\"}",
        "\"category\": \"HOME\"}, {\"sku\": \"SKU-2\", \"quantity\": 1, \"unitPrice\": 5, \"currency\": \"USD\", \"category\": \"HOME\"}");
    http.perform(post("/api/cases").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content(twoCurrencies))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("items[1].currency"));
    assertThat(casesFor(order)).isZero();
  }

  @Test
  void aBodyThatIsNotJsonGetsAProblemAnswer() throws Exception {
    http.perform(post("/api/cases").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"marketplace\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Malformed request"));
  }

  @Test
  void aSecondCaseForTheSameOrderAndReasonIsRefusedWithTheOpenCasesId() throws Exception {
    String order = uniqueOrder();
    long instancesBefore = new ProcessJournal(engine).instancesOf("after-sales-case");
    String firstId = idOf(http.perform(post("/api/cases").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content(brokenMugFromGermany(order)))
        .andExpect(status().isCreated()).andReturn());

    http.perform(post("/api/cases").with(httpBasic("manager", "manager"))
            .contentType(MediaType.APPLICATION_JSON).content(brokenMugFromGermany(order)))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.openCaseId").value(firstId));

    assertThat(casesFor(order)).isOne();
    assertThat(new ProcessJournal(engine).instancesOf("after-sales-case")).isEqualTo(instancesBefore + 1);
  }

  @Test
  void anotherReasonOnTheSameOrderIsItsOwnCase() throws Exception {
    String order = uniqueOrder();
    http.perform(post("/api/cases").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content(brokenMugFromGermany(order)))
        .andExpect(status().isCreated());
    http.perform(post("/api/cases").with(httpBasic("agent", "agent")).contentType(MediaType.APPLICATION_JSON)
            .content(brokenMugFromGermany(order).replace("\"code\": \"DAMAGED\"", "\"code\": \"MISSING_PARTS\"")))
        .andExpect(status().isCreated());
    assertThat(casesFor(order)).isEqualTo(2);
  }

  @Test
  void twoAgentsOpeningTheSameOrderAtOnceGetOneCase() throws Exception {
    String order = uniqueOrder();
    Callable<Integer> open = () -> http.perform(post("/api/cases").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content(brokenMugFromGermany(order)))
        .andReturn().getResponse().getStatus();
    List<Integer> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(4)) {
      List<Future<Integer>> answers = pool.invokeAll(List.of(open, open, open, open));
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
    }
    assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    assertThat(casesFor(order)).isOne();
  }

  @Test
  void anUnknownCaseIsANotFoundProblem() throws Exception {
    http.perform(get("/api/cases/6f1c2e0a-0000-4000-8000-000000000000").with(httpBasic("agent", "agent")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    http.perform(get("/api/cases/not-a-uuid").with(httpBasic("agent", "agent")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  private long casesFor(String order) {
    return db.sql("select count(*) from after_sales_case where order_reference = ?").param(order)
        .query(Long.class).single();
  }

  private String idOf(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsString()).get("id").asText();
  }
}
