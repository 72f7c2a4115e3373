package io.seawall.intake;

import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static io.seawall.intake.ProviderWebhooks.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.CaseRequests;
import io.seawall.ProcessJournal;
import io.seawall.SeawallTest;
import io.seawall.cases.CaseStatus;
import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import io.seawall.engine.EmbeddedEngine;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole inbound path on a real return: AfterShip's signed scan of the buyer's parcel and the
 * warehouse's signed receipt arrive as webhooks, go through the inbox and are correlated to the
 * waiting return flow, which refunds the buyer without Seawall ever polling (the engine clock never
 * moves here, so no poll timer fires).
 */
@SeawallTest
class WebhooksDriveTheReturnTest {

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired EmbeddedEngine engine;

  @Test
  void aCarrierScanAndAWarehouseReceiptArrivingAsWebhooksCarryTheReturnToItsRefund() throws Exception {
    ProcessJournal journal = new ProcessJournal(engine);
    // Story 1: the sandbox carrier never reports the parcel itself; only the webhook moves it.
    UUID caseId = openAs(http, "agent", CaseRequests.body("SHOPIFY", uniqueOrder() + "-1", "DE", "de",
        "Europe/Berlin", "WRONG_SIZE", "Zu klein", "80.00", "EUR", 1, 3));
    long instance = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId).processInstanceKey(), key -> key != null);
    long flow = await().atMost(Duration.ofSeconds(30))
        .until(() -> journal.calledInstance(instance, "return"), found -> found.isPresent()).orElseThrow();
    Map<String, String> label = await().atMost(Duration.ofSeconds(30)).until(() -> {
      Map<String, String> v = journal.variables(flow);
      return v.containsKey("returnTrackingNumber") && v.containsKey("returnId") ? v : null;
    }, v -> v != null);
    String parcel = label.get("returnTrackingNumber").replace("\"", "");
    String returnId = label.get("returnId").replace("\"", "");
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(flow, "poll-return-tracking"));

    http.perform(ProviderWebhooks.afterShip(payload("aftership/tracking-update.json",
            Map.of("eventId", UUID.randomUUID().toString(), "trackingNumber", parcel, "tag", "InTransit"))))
        .andExpect(status().isOk());
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.completedSteps(flow).contains("await-buyer-parcel"));
    await().atMost(Duration.ofSeconds(30)).until(() -> journal.hasTimerScheduled(flow, "poll-warehouse"));
    http.perform(ProviderWebhooks.warehouse(payload("warehouse/return-received.json",
            Map.of("eventId", UUID.randomUUID().toString(), "rma", returnId))))
        .andExpect(status().isOk());

    CaseView done = await().atMost(Duration.ofSeconds(30))
        .until(() -> cases.find(caseId), c -> c.status() == CaseStatus.RESOLVED);
    assertThat(done.resolution()).isEqualTo("RETURNED_AND_REFUNDED");
    assertThat(journal.completedSteps(flow)).containsSubsequence(
        "return-parcel-scanned", "parcel-on-its-way", "return-received", "inspection-known", "refund-return")
        .doesNotContain("read-return-tracking", "check-return");
    assertThat(done.timeline()).extracting(CaseView.TimelineView::kind)
        .contains(TimelineKind.EVENT_RECEIVED, TimelineKind.REFUND_ISSUED);
  }
}
