package io.seawall.desk.web;

import static io.seawall.CaseRequests.designerCoatNotAsDescribedFromUs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.seawall.TestDatabase;
import io.seawall.engine.EngineClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * People working the desk in a real browser against the whole application on its embedded engine:
 * each walk starts at the sign-in page and leaves screenshots under target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "seawall.engine.directory=./target/engine/${random.uuid}",
    "seawall.engine.port=0",
    "seawall.engine.rest-port=0",
    // A context of its own starts its own engine; on a busy machine deploying the models takes longer than 10 s.
    "camunda.client.request-timeout=PT60S",
    "seawall.engine.clock-control=true"
})
@ContextConfiguration(initializers = TestDatabase.class)
class DeskBrowserTest {

  @LocalServerPort int port;
  @Autowired EngineClock clock;

  @Test
  void anAgentResolvesAHighValueCaseFromTheInboxAndABadValueIsShownAtItsField() {
    try (Browser browser = Browser.open(port)) {
      HighValueCase coat = openHighValueCaseWaitingForAnAgent();

      browser.go("/login");
      browser.screenshot("a0-sign-in");
      browser.signIn("agent");
      assertThat(browser.url()).endsWith("/desk/inbox");
      browser.find("tr[data-case='" + coat.reference() + "']");
      browser.screenshot("a1-inbox");

      browser.find("tr[data-case='" + coat.reference() + "'] a.case-link").click();
      assertThat(browser.text("#case-reference")).isEqualTo(coat.reference());
      browser.find("#claim").click();
      assertThat(browser.text("#task-holder")).isEqualTo("agent");

      new Select(browser.find("#field-agentResolution")).selectByValue("PARTIAL_REFUND");
      browser.find("#field-refundAmount").sendKeys("-5");
      browser.find("#complete").click();
      assertThat(browser.text("#field-refundAmount-error")).contains("must be at least 0");
      assertThat(new Select(browser.find("#field-agentResolution")).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("PARTIAL_REFUND");
      browser.screenshot("a2-invalid-value-at-its-field");
      assertThat(taskStatus(coat.task())).isEqualTo("OPEN");

      browser.find("#field-refundAmount").clear();
      browser.find("#field-refundAmount").sendKeys("120.50");
      browser.find("#complete").click();
      browser.find("#completed");
      assertThat(browser.text("#timeline li[data-kind='TASK_COMPLETED']"))
          .contains("agent").contains("agentResolution=PARTIAL_REFUND");
      browser.reloadUntil("#case-status", "Resolved");
      assertThat(browser.all("#complete")).isEmpty();
      browser.screenshot("a3-case-resolved-after-completion");

      browser.go("/desk/inbox");
      browser.find("#inbox-table");
      assertThat(browser.all("tr[data-case='" + coat.reference() + "']")).isEmpty();
      browser.screenshot("a4-inbox-without-the-task");
    }
  }

  @Test
  void aManagerSeesAClockTurnAtRiskThenBreachedAndTakesTheEscalation() {
    try (Browser browser = Browser.open(port)) {
      HighValueCase coat = openHighValueCaseWaitingForAnAgent();
      browser.signIn("manager");
      browser.go("/desk/dashboard");
      browser.find("#risk-by-step");

      clock.advance(Duration.ofHours(36).plusMinutes(1));
      browser.reloadUntilPresent("tr[data-group='US/resolve-case'] .badge-risk");
      assertThat(Long.parseLong(browser.text("#at-risk-now"))).isPositive();
      browser.screenshot("g1-manager-sees-a-clock-at-risk");

      clock.advance(Duration.ofHours(12));
      browser.reloadUntilPresent("#escalations tr[data-case='" + coat.reference() + "']");
      assertThat(browser.all("tr[data-group='US/resolve-case'] .badge-breached")).isNotEmpty();
      assertThat(browser.all("#trend .bar.bad")).isNotEmpty();
      browser.screenshot("g2-manager-sees-the-breach-and-its-escalation");

      browser.find("#escalations tr[data-case='" + coat.reference() + "'] a.case-link").click();
      assertThat(browser.text("#case-reference")).isEqualTo(coat.reference());
      browser.find("#claim").click();
      assertThat(browser.text("#task-holder")).isEqualTo("manager");
      new Select(browser.find("#field-managerAction")).selectByValue("REMINDED_TEAM");
      browser.find("#complete").click();
      browser.find("#completed");
      assertThat(browser.text("#timeline")).contains("managerAction=REMINDED_TEAM");
      browser.screenshot("g3-manager-took-the-escalation");
    }
  }

  @Test
  void anAgentNarrowsTheInboxToOneMarketAndSeesHowManyTasksEachMarketHas() {
    try (Browser browser = Browser.open(port)) {
      HighValueCase coat = openHighValueCaseWaitingForAnAgent();

      browser.signIn("agent");
      Select markets = new Select(browser.find("#filter-market"));
      assertThat(markets.getOptions()).anySatisfy(o -> assertThat(o.getText()).matches("US \\(\\d+\\)"));
      markets.selectByValue("US");
      browser.waitForAddressContaining("market=US");
      browser.find("tr[data-case='" + coat.reference() + "']");
      assertThat(browser.all("tr.inbox-row td.market")).allSatisfy(cell -> assertThat(cell.getText()).endsWith("US"));
      browser.screenshot("e1-inbox-narrowed-to-a-market");
    }
  }

  @Test
  void aTaskSomeoneElseHoldsShowsWhoHoldsItAndOffersNoCompletion() {
    try (Browser browser = Browser.open(port)) {
      HighValueCase coat = openHighValueCaseWaitingForAnAgent();
      api("POST", "/api/tasks/" + coat.task() + "/claim", null);

      browser.signIn("admin");
      browser.go("/desk/cases/" + coat.id());
      assertThat(browser.text("#held-by-other")).contains("agent");
      assertThat(browser.all("#complete")).isEmpty();
      assertThat(browser.all("#claim")).isEmpty();
      browser.screenshot("d1-task-held-by-someone-else");
    }
  }

  @Test
  void aFormSubmittedAfterTheTaskWasCompletedElsewhereLeadsBackToTheCaseWithAWord() {
    try (Browser browser = Browser.open(port)) {
      HighValueCase coat = openHighValueCaseWaitingForAnAgent();
      browser.signIn("agent");
      browser.go("/desk/cases/" + coat.id());
      browser.find("#claim").click();
      new Select(browser.find("#field-agentResolution")).selectByValue("REFUNDED");

      api("POST", "/api/tasks/" + coat.task() + "/completion", "{\"agentResolution\": \"EXCHANGE_OFFERED\"}");
      browser.find("#complete").click();

      assertThat(browser.text("#gone")).contains("no longer open");
      assertThat(browser.text("#timeline li[data-kind='TASK_COMPLETED']")).contains("agentResolution=EXCHANGE_OFFERED");
      assertThat(browser.all("#timeline li[data-kind='TASK_COMPLETED']")).hasSize(1);
      browser.screenshot("f1-form-sent-after-the-task-was-completed-elsewhere");
    }
  }

  @Test
  void anAgentOpeningAnOpsPageIsToldItIsNotForTheirRole() {
    try (Browser browser = Browser.open(port)) {
      browser.signIn("agent");
      browser.go("/desk/ops/parked");
      assertThat(browser.text("#forbidden h2")).isEqualTo("Not for your role");
      assertThat(browser.all("#parked")).isEmpty();
      browser.screenshot("b1-agent-on-an-ops-page");
    }
  }

  @Test
  void opsStaffSeeTheParkedIntakeEvents() {
    try (Browser browser = Browser.open(port)) {
      browser.signIn("ops");
      assertThat(browser.url()).endsWith("/desk/ops/parked");
      assertThat(browser.title()).isEqualTo("Parked intake events");
      browser.find("#parked");
      browser.screenshot("b2-ops-parked-events");
    }
  }

  @Test
  void theCaseScreenSpeaksChineseWhenTheAgentChoosesIt() {
    try (Browser browser = Browser.open(port)) {
      HighValueCase coat = openHighValueCaseWaitingForAnAgent();

      browser.signIn("agent", "?lang=zh-CN");
      browser.go("/desk/cases/" + coat.id());
      assertThat(browser.title()).isEqualTo("工单 " + coat.reference());
      assertThat(browser.text("#timeline h2")).isEqualTo("时间线");
      assertThat(browser.text("#case-status")).isEqualTo("等待客服");
      assertThat(browser.text("#claim")).isEqualTo("认领");
      browser.screenshot("c1-case-screen-in-chinese");
    }
  }

  @Test
  void aChineseBrowserGetsTheChineseDeskWithoutChoosing() {
    try (Browser browser = Browser.open(port, "zh-CN")) {
      browser.go("/login");
      assertThat(browser.text("#sign-in")).isEqualTo("登录");
      browser.signIn("agent");
      assertThat(browser.title()).isEqualTo("待办");
      browser.screenshot("c2-inbox-for-a-chinese-browser");
    }
  }

  record HighValueCase(String id, String reference, long task) {}

  /** A 1,450 USD coat "not as described": the decision hands it to an agent at resolve-case. */
  private HighValueCase openHighValueCaseWaitingForAnAgent() {
    String created = api("POST", "/api/cases", designerCoatNotAsDescribedFromUs(uniqueOrder()));
    String id = JsonPath.read(created, "$.id");
    String reference = JsonPath.read(created, "$.reference");
    long task = await().atMost(Duration.ofSeconds(30)).until(() -> {
      List<Number> keys = JsonPath.read(api("GET", "/api/tasks?caseId=" + id, null),
          "$.content[?(@.step == 'resolve-case')].key");
      return keys.isEmpty() ? null : keys.getFirst().longValue();
    }, key -> key != null);
    return new HighValueCase(id, reference, task);
  }

  private String taskStatus(long task) {
    return JsonPath.read(api("GET", "/api/tasks/" + task, null), "$.status");
  }

  /** The REST API as the demo agent, over HTTP basic, as integrations call it. */
  private String api(String method, String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "agent:agent".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(method + " " + path).isBetween(200, 299);
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
