package io.seawall.intake;

import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static io.seawall.intake.ProviderWebhooks.digits;
import static io.seawall.intake.ProviderWebhooks.payload;
import static io.seawall.intake.ProviderWebhooks.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.seawall.AgentDesk;
import io.seawall.CaseRequests;
import io.seawall.SeawallTest;
import io.seawall.cases.CaseReferences;
import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.cases.Channel;
import io.seawall.cases.Marketplace;
import io.seawall.cases.ReasonCode;
import io.seawall.cases.ReferenceKind;
import io.seawall.cases.ShipmentStatus;
import io.seawall.cases.TimelineKind;
import io.seawall.engine.EmbeddedEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The providers' documented webhooks replayed against the whole application: signed as each
 * provider signs, kept in the inbox, applied to their case once, and published to the waiting
 * process under the provider's event id.
 */
@SeawallTest
class WebhookIntakeTest {

  private static final Duration PROCESSED = Duration.ofSeconds(20);

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired CaseReferences references;
  @Autowired JdbcClient db;
  @Autowired EmbeddedEngine engine;
  IntakeRecords intake;

  @BeforeEach
  void lookAtTheInbox() {
    intake = new IntakeRecords(db, engine);
  }

  @Test
  void aShopifyReturnRequestOpensACaseInTheLanguageOfTheBuyersNote() throws Exception {
    String returnId = digits();
    String orderId = digits();
    String webhookId = UUID.randomUUID().toString();

    http.perform(ProviderWebhooks.shopify(webhookId, "returns/request", shopifyReturn(returnId, orderId)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("NEW"));

    UUID caseId = await().atMost(PROCESSED).until(
        () -> references.caseOf(ReferenceKind.RETURN_AUTHORISATION, returnId).orElse(null), id -> id != null);
    CaseView opened = cases.find(caseId);
    assertThat(opened.marketplace()).isEqualTo(Marketplace.SHOPIFY);
    assertThat(opened.shop()).isEqualTo(ProviderWebhooks.SHOPIFY_SHOP);
    assertThat(opened.orderReference()).isEqualTo(orderId);
    assertThat(opened.reason().code()).isEqualTo(ReasonCode.WRONG_SIZE);
    assertThat(opened.buyer().language()).isEqualTo("de");
    assertThat(opened.buyer().country()).isEqualTo("DE");
    assertThat(opened.processInstanceKey()).isNotNull();
    await().atMost(PROCESSED).until(() -> intake.status("SHOPIFY", webhookId).equals("DONE"));
    assertThat(intake.rows("SHOPIFY", webhookId))
        .singleElement()
        .satisfies(row -> {
          assertThat(row.signature()).isEqualTo("VERIFIED");
          assertThat(row.caseId()).isEqualTo(caseId.toString());
        });
  }

  @Test
  void aRepeatedDeliveryIsAcknowledgedWithoutEffect() throws Exception {
    String returnId = digits();
    String webhookId = UUID.randomUUID().toString();
    String body = shopifyReturn(returnId, digits());

    http.perform(ProviderWebhooks.shopify(webhookId, "returns/request", body)).andExpect(status().isOk());
    UUID caseId = await().atMost(PROCESSED).until(
        () -> references.caseOf(ReferenceKind.RETURN_AUTHORISATION, returnId).orElse(null), id -> id != null);
    await().atMost(PROCESSED).until(() -> intake.status("SHOPIFY", webhookId).equals("DONE"));

    http.perform(ProviderWebhooks.shopify(webhookId, "returns/request", body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("DUPLICATE"));

    assertThat(intake.rows("SHOPIFY", webhookId)).hasSize(1);
    assertThat(cases.find(caseId).timeline())
        .filteredOn(entry -> entry.kind() == TimelineKind.CASE_OPENED)
        .hasSize(1);
  }

  @Test
  void aSecondReturnOnTheSameOrderJoinsTheOpenCase() throws Exception {
    String orderId = digits();
    String firstReturn = digits();
    String secondReturn = digits();

    http.perform(ProviderWebhooks.shopify(UUID.randomUUID().toString(), "returns/request",
        shopifyReturn(firstReturn, orderId))).andExpect(status().isOk());
    UUID caseId = await().atMost(PROCESSED).until(
        () -> references.caseOf(ReferenceKind.RETURN_AUTHORISATION, firstReturn).orElse(null), id -> id != null);
    http.perform(ProviderWebhooks.shopify(UUID.randomUUID().toString(), "returns/request",
        shopifyReturn(secondReturn, orderId))).andExpect(status().isOk());

    await().atMost(PROCESSED).until(
        () -> references.caseOf(ReferenceKind.RETURN_AUTHORISATION, secondReturn).isPresent());
    assertThat(references.caseOf(ReferenceKind.RETURN_AUTHORISATION, secondReturn)).contains(caseId);
    assertThat(cases.find(caseId).timeline())
        .anySatisfy(entry -> {
          assertThat(entry.kind()).isEqualTo(TimelineKind.EVENT_RECEIVED);
          assertThat(entry.detail()).contains(secondReturn).contains("joins this case");
        });
  }

  @Test
  void aShopeeReturnPushOpensACaseForTheShop() throws Exception {
    String returnSn = unique("RSN");
    String orderSn = unique("OSN");

    http.perform(ProviderWebhooks.shopee(
            payload("shopee/return-push.json", Map.of("returnSn", returnSn, "orderSn", orderSn))))
        .andExpect(status().isOk());

    UUID caseId = await().atMost(PROCESSED).until(
        () -> references.caseOf(ReferenceKind.RETURN_AUTHORISATION, returnSn).orElse(null), id -> id != null);
    CaseView opened = cases.find(caseId);
    assertThat(opened.marketplace()).isEqualTo(Marketplace.SHOPEE);
    assertThat(opened.shop()).isEqualTo("seawall-shopee-sg");
    assertThat(opened.orderReference()).isEqualTo(orderSn);
    assertThat(opened.reason().code()).isEqualTo(ReasonCode.DAMAGED);
    assertThat(opened.currency()).isEqualTo("SGD");
    assertThat(opened.items()).singleElement().satisfies(item -> assertThat(item.sku()).isEqualTo("MUG-350-WHT"));
  }

  @Test
  void aReturnThatEndedBeforeSeawallKnewItOpensNoCase() throws Exception {
    String returnSn = unique("RSN");
    String body = payload("shopee/return-push.json", Map.of("returnSn", returnSn, "orderSn", unique("OSN")))
        .replace("\"REQUESTED\"", "\"CANCELLED\"");

    http.perform(ProviderWebhooks.shopee(body)).andExpect(status().isOk());

    String eventId = InboxEvent.sha256(body);
    await().atMost(PROCESSED).until(() -> intake.status("SHOPEE", eventId).equals("DONE"));
    assertThat(intake.rows("SHOPEE", eventId).get(0).caseId()).isNull();
    assertThat(references.caseOf(ReferenceKind.RETURN_AUTHORISATION, returnSn)).isEmpty();
  }

  @Test
  void aTikTokShopReturnWebhookOpensACaseForTheShop() throws Exception {
    String returnId = digits();
    String orderId = digits();
    String notification = digits();

    http.perform(ProviderWebhooks.tikTokShop(payload("tiktok-shop/return-status-change.json",
            Map.of("notificationId", notification, "orderId", orderId, "returnId", returnId))))
        .andExpect(status().isOk());

    UUID caseId = await().atMost(PROCESSED).until(
        () -> references.caseOf(ReferenceKind.RETURN_AUTHORISATION, returnId).orElse(null), id -> id != null);
    CaseView opened = cases.find(caseId);
    assertThat(opened.marketplace()).isEqualTo(Marketplace.TIKTOK_SHOP);
    assertThat(opened.orderReference()).isEqualTo(orderId);
    await().atMost(PROCESSED).until(() -> intake.status("TIKTOK_SHOP", notification).equals("DONE"));
    assertThat(intake.rows("TIKTOK_SHOP", notification)).singleElement()
        .satisfies(row -> assertThat(row.caseId()).isEqualTo(caseId.toString()));
  }

  @Test
  void anAfterShipScanMovesTheShipmentAndIsPublishedToTheWaitingProcess() throws Exception {
    String trackingNumber = unique("JD");
    UUID caseId = caseShipping(trackingNumber);
    String eventId = UUID.randomUUID().toString();

    http.perform(ProviderWebhooks.afterShip(payload("aftership/tracking-update.json",
            Map.of("eventId", eventId, "trackingNumber", trackingNumber, "tag", "InTransit"))))
        .andExpect(status().isOk());

    await().atMost(PROCESSED).until(() -> !intake.published("parcel-scanned", trackingNumber).isEmpty());
    assertThat(intake.published("parcel-scanned", trackingNumber)).singleElement().satisfies(message -> {
      assertThat(message.messageId()).isEqualTo("aftership:" + eventId);
      assertThat(message.timeToLive()).isEqualTo(Duration.ofHours(1).toMillis());
      assertThat(message.variables())
          .containsEntry("trackingStatus", "IN_TRANSIT")
          .containsEntry("trackingSubStatus", "InTransit_007");
    });
    assertThat(cases.find(caseId).shipments())
        .singleElement()
        .satisfies(shipment -> assertThat(shipment.status()).isEqualTo(ShipmentStatus.IN_TRANSIT));
  }

  @Test
  void anEasyPostDeliveryMovesTheShipmentToDelivered() throws Exception {
    String trackingNumber = unique("EZ");
    UUID caseId = caseShipping(trackingNumber);
    String eventId = unique("evt_");

    http.perform(ProviderWebhooks.easyPost(payload("easypost/tracker-updated.json",
            Map.of("eventId", eventId, "trackingNumber", trackingNumber))))
        .andExpect(status().isOk());

    await().atMost(PROCESSED).until(() -> intake.status("EASYPOST", eventId).equals("DONE"));
    assertThat(cases.find(caseId).shipments())
        .singleElement()
        .satisfies(shipment -> assertThat(shipment.status()).isEqualTo(ShipmentStatus.DELIVERED));
    assertThat(intake.published("parcel-scanned", trackingNumber)).singleElement()
        .satisfies(message -> assertThat(message.variables())
            .containsEntry("trackingStatus", "DELIVERED")
            .containsEntry("trackingSubStatus", "arrived_at_destination"));
  }

  @Test
  void aScanForAnUnknownTrackingNumberIsParkedThenReplayedOnceTheCaseKnowsTheParcel() throws Exception {
    String returnParcel = unique("RT");
    String eventId = UUID.randomUUID().toString();

    http.perform(ProviderWebhooks.afterShip(payload("aftership/tracking-update.json",
            Map.of("eventId", eventId, "trackingNumber", returnParcel, "tag", "InTransit"))))
        .andExpect(status().isOk());

    await().atMost(PROCESSED).until(() -> intake.status("AFTERSHIP", eventId).equals("PARKED"));
    String parked = http.perform(get("/api/intake/parked").with(httpBasic("ops", "ops")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(parked).contains(eventId).contains("no case ships or returns tracking number " + returnParcel);
    assertThat(intake.published("parcel-scanned", returnParcel)).isEmpty();

    UUID caseId = caseShipping(unique("JD"));
    references.link(caseId, ReferenceKind.RETURN_TRACKING, returnParcel);
    long id = db.sql("select id from intake_event where provider = 'AFTERSHIP' and event_id = ?")
        .param(eventId).query(Long.class).single();
    http.perform(post("/api/intake/events/{id}/replay", id).with(httpBasic("admin", "admin")))
        .andExpect(status().isAccepted());

    await().atMost(PROCESSED).until(() -> intake.status("AFTERSHIP", eventId).equals("DONE"));
    assertThat(intake.published("parcel-scanned", returnParcel)).hasSize(1);
    assertThat(intake.rows("AFTERSHIP", eventId).get(0).caseId()).isEqualTo(caseId.toString());
  }

  @Test
  void aPoisonEventIsParkedWithItsErrorAndAppliesNothing() throws Exception {
    String trackingNumber = unique("JD");
    UUID caseId = caseShipping(trackingNumber);
    String eventId = UUID.randomUUID().toString();

    http.perform(ProviderWebhooks.afterShip(payload("aftership/tracking-update.json",
            Map.of("eventId", eventId, "trackingNumber", trackingNumber, "tag", "Teleported"))))
        .andExpect(status().isOk());

    await().atMost(PROCESSED).until(() -> intake.status("AFTERSHIP", eventId).equals("PARKED"));
    assertThat(intake.rows("AFTERSHIP", eventId)).singleElement().satisfies(row -> {
      assertThat(row.attempts()).isEqualTo(3);
      assertThat(row.error()).isEqualTo("msg.tag: is not an AfterShip delivery tag Seawall knows");
    });
    assertThat(intake.published("parcel-scanned", trackingNumber)).isEmpty();
    assertThat(cases.find(caseId).shipments().get(0).status()).isEqualTo(ShipmentStatus.DELIVERED);
  }

  @Test
  void onlyOpsAndAdminsWorkParkedEvents() throws Exception {
    http.perform(get("/api/intake/parked").with(httpBasic("agent", "agent"))).andExpect(status().isForbidden());
    http.perform(post("/api/intake/events/{id}/replay", 1).with(httpBasic("manager", "manager")))
        .andExpect(status().isForbidden());
    http.perform(post("/api/intake/events/{id}/replay", Long.MAX_VALUE).with(httpBasic("ops", "ops")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aWarehouseReceiptReachesTheProcessWaitingForTheReturn() throws Exception {
    UUID caseId = caseShipping(unique("JD"));
    String rma = unique("RMA-");
    references.link(caseId, ReferenceKind.RETURN_AUTHORISATION, rma);
    String eventId = unique("GC-");

    http.perform(ProviderWebhooks.warehouse(payload("warehouse/return-received.json",
            Map.of("eventId", eventId, "rma", rma))))
        .andExpect(status().isOk());

    await().atMost(PROCESSED).until(() -> !intake.published("return-received", rma).isEmpty());
    assertThat(intake.published("return-received", rma)).singleElement().satisfies(message -> {
      assertThat(message.messageId()).isEqualTo("warehouse:" + eventId);
      assertThat(message.variables())
          .containsEntry("inspectionResult", "PASS")
          .containsEntry("inspectionNote", "Sealed in original packaging, resaleable");
    });
  }

  @Test
  void aWarehouseReshipReachesTheProcessWaitingForTheOutboundOrder() throws Exception {
    UUID caseId = caseShipping(unique("JD"));
    String outbound = unique("SW-OB-");
    String reship = unique("9400");
    references.link(caseId, ReferenceKind.OUTBOUND_ORDER, outbound);

    http.perform(ProviderWebhooks.warehouse(payload("warehouse/outbound-shipped.json",
            Map.of("eventId", unique("GC-"), "outboundOrder", outbound, "trackingNumber", reship))))
        .andExpect(status().isOk());

    await().atMost(PROCESSED).until(() -> !intake.published("outbound-shipped", outbound).isEmpty());
    assertThat(intake.published("outbound-shipped", outbound)).singleElement()
        .satisfies(message -> assertThat(message.variables())
            .containsEntry("reshipTrackingNumber", reship)
            .containsEntry("reshipCarrier", "usps"));
    assertThat(references.caseOf(ReferenceKind.RESHIP_TRACKING, reship)).contains(caseId);
  }

  @Test
  void aWhatsAppMessageLandsOnTheCaseItQuotesAndTheCaseLearnsTheBuyersLanguage() throws Exception {
    UUID caseId = caseShipping(unique("JD"));
    String reference = cases.find(caseId).reference();
    String wamid = "wamid." + unique("HBgL");
    String text = "Hola, escribo por el caso " + reference
        + ". La taza llegó rota y me gustaría recibir una nueva lo antes posible, gracias.";

    http.perform(ProviderWebhooks.whatsApp(payload("whatsapp/text-message.json",
            Map.of("from", "34600111222", "messageId", wamid, "text", text))))
        .andExpect(status().isOk());

    await().atMost(PROCESSED).until(() -> !inbound(cases.find(caseId)).isEmpty());
    CaseView after = cases.find(caseId);
    assertThat(inbound(after)).singleElement().satisfies(message -> {
      assertThat(message.direction()).isEqualTo("INBOUND");
      assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
      assertThat(message.language()).isEqualTo("es");
      assertThat(message.body()).isEqualTo(text);
    });
    assertThat(after.buyer().language()).isEqualTo("es");
    await().atMost(PROCESSED).until(() -> !intake.published("buyer-replied", caseId.toString()).isEmpty());
    assertThat(intake.published("buyer-replied", caseId.toString())).singleElement().satisfies(message -> {
      assertThat(message.messageId()).isEqualTo("whatsapp:" + wamid);
      assertThat(message.variables()).isEmpty();
    });
  }

  @Test
  void aBuyersMessageShowsOnTheAgentsOpenTaskOfTheCase() throws Exception {
    UUID caseId = openAs(http, "agent", expressParcelNotReceived());
    long task = new AgentDesk(http).awaitTask(caseId, "claim-and-replace");
    String reference = cases.find(caseId).reference();

    http.perform(ProviderWebhooks.whatsApp(payload("whatsapp/text-message.json", Map.of(
            "from", "491701234567", "messageId", "wamid." + unique("HBgL"),
            "text", "Hallo, mein Paket zum Fall " + reference + " ist immer noch nicht angekommen. Wo bleibt es?"))))
        .andExpect(status().isOk());

    await().atMost(PROCESSED).until(() -> !JsonPath.<List<Object>>read(
        http.perform(get("/api/tasks").param("caseId", caseId.toString()).with(httpBasic("agent", "agent")))
            .andReturn().getResponse().getContentAsString(),
        "$.content[?(@.key == " + task + " && @.buyerWroteAt)]").isEmpty());
  }

  @Test
  void aWhatsAppReadReceiptIsKeptButMovesNoCase() throws Exception {
    long before = intake.count();
    String body = payload("whatsapp/status-update.json", Map.of()).replace("1722405600", digits());

    http.perform(ProviderWebhooks.whatsApp(body)).andExpect(status().isOk());

    assertThat(intake.count()).isEqualTo(before + 1);
    String eventId = db.sql("select event_id from intake_event where provider = 'WHATSAPP' order by id desc")
        .query(String.class).list().get(0);
    await().atMost(PROCESSED).until(() -> intake.status("WHATSAPP", eventId).equals("DONE"));
    assertThat(intake.rows("WHATSAPP", eventId).get(0).caseId()).isNull();
  }

  @Test
  void theWhatsAppHandshakeEchoesTheChallengeOnlyForTheConfiguredToken() throws Exception {
    http.perform(get("/webhooks/whatsapp")
            .param("hub.mode", "subscribe")
            .param("hub.verify_token", "whatsapp-test-verify-token")
            .param("hub.challenge", "1158201444"))
        .andExpect(status().isOk())
        .andExpect(content().string("1158201444"));
    http.perform(get("/webhooks/whatsapp")
            .param("hub.mode", "subscribe")
            .param("hub.verify_token", "guessed")
            .param("hub.challenge", "1158201444"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  private String shopifyReturn(String returnId, String orderId) {
    return payload("shopify/returns-request.json", Map.of("returnId", returnId, "orderId", orderId));
  }

  /** An express parcel the sandbox carrier has not scanned for a week: the flow asks an agent. */
  private static String expressParcelNotReceived() {
    return CaseRequests.body("SHOPIFY", uniqueOrder(), "DE", "de", "Europe/Berlin", "NOT_RECEIVED",
            "Nichts angekommen", "59.00", "EUR", 1, 0)
        .replace("JD0002244", "SW0000000088")
        .replaceAll("\"status\": \"DELIVERED\", \"deliveredAt\": \"[^\"]*\"", "\"status\": \"IN_TRANSIT\"");
  }

  /** A case opened by an agent whose order shipment has this tracking number (delivered). */
  private UUID caseShipping(String trackingNumber) throws Exception {
    return openAs(http, "agent", CaseRequests.brokenMugFromGermany(uniqueOrder()).replace("JD0002244", trackingNumber));
  }

  /** What the buyer wrote; the flow may have written to the buyer meanwhile. */
  private static List<CaseView.MessageView> inbound(CaseView view) {
    return view.messages().stream().filter(m -> m.direction().equals("INBOUND")).toList();
  }
}
