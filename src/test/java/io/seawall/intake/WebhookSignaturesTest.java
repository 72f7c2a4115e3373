package io.seawall.intake;

import static io.seawall.intake.ProviderWebhooks.payload;
import static io.seawall.intake.ProviderWebhooks.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seawall.SeawallTest;
import io.seawall.engine.EmbeddedEngine;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The door of every webhook: a missing, wrong or stale signature is refused with 401 before the
 * body is read, and a signed body that is not what the provider documents with 400 naming the
 * field; neither leaves anything in the inbox.
 */
@SeawallTest
class WebhookSignaturesTest {

  @Autowired MockMvc http;
  @Autowired JdbcClient db;
  @Autowired EmbeddedEngine engine;
  IntakeRecords intake;

  @BeforeEach
  void lookAtTheInbox() {
    intake = new IntakeRecords(db, engine);
  }

  static Stream<Arguments> signedDeliveries() {
    String shopify = payload("shopify/returns-request.json", Map.of("returnId", "1", "orderId", "2"));
    String shopee = payload("shopee/return-push.json", Map.of("returnSn", "R1", "orderSn", "O1"));
    String tiktok = payload("tiktok-shop/return-status-change.json",
        Map.of("notificationId", "1", "orderId", "2", "returnId", "3"));
    String afterShip = payload("aftership/tracking-update.json",
        Map.of("eventId", "e1", "trackingNumber", "JD1", "tag", "InTransit"));
    String easyPost = payload("easypost/tracker-updated.json", Map.of("eventId", "evt_1", "trackingNumber", "EZ1"));
    String warehouse = payload("warehouse/return-received.json", Map.of("eventId", "w1", "rma", "RMA-1"));
    String whatsApp = payload("whatsapp/text-message.json",
        Map.of("from", "491701234567", "messageId", "wamid.1", "text", "Hallo"));
    return Stream.of(
        Arguments.of("shopify", shopify, signedBy(b -> ProviderWebhooks.shopify("w-1", "returns/request", b))),
        Arguments.of("shopee", shopee, signedBy(ProviderWebhooks::shopee)),
        Arguments.of("tiktok-shop", tiktok, signedBy(ProviderWebhooks::tikTokShop)),
        Arguments.of("aftership", afterShip, signedBy(ProviderWebhooks::afterShip)),
        Arguments.of("easypost", easyPost, signedBy(ProviderWebhooks::easyPost)),
        Arguments.of("warehouse", warehouse, signedBy(ProviderWebhooks::warehouse)),
        Arguments.of("whatsapp", whatsApp, signedBy(ProviderWebhooks::whatsApp)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedDeliveries")
  void anUnsignedWebhookIsRefusedWith401AndNothingIsKept(
      String provider, String body, Function<String, MockHttpServletRequestBuilder> signed) throws Exception {
    long before = intake.count();

    http.perform(ProviderWebhooks.json(provider, body))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Signature not valid"));

    assertThat(intake.count()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedDeliveries")
  void aBodyChangedAfterSigningIsRefusedWith401AndNothingIsKept(
      String provider, String body, Function<String, MockHttpServletRequestBuilder> signed) throws Exception {
    long before = intake.count();
    MockHttpServletRequestBuilder request = signed.apply(body);

    http.perform(request.content(body.replaceFirst("\\{", "{\"injected\": true, ")))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

    assertThat(intake.count()).isEqualTo(before);
  }

  @Test
  void aSignatureMadeWithAnotherSecretIsRefused() throws Exception {
    String body = payload("aftership/tracking-update.json",
        Map.of("eventId", UUID.randomUUID().toString(), "trackingNumber", "JD1", "tag", "InTransit"));

    http.perform(ProviderWebhooks.json("aftership", body)
            .header("aftership-hmac-sha256",
                ProviderWebhooks.base64(ProviderWebhooks.hmac("someone-elses-secret", ProviderWebhooks.bytes(body)))))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aShopifyWebhookFromAShopSeawallDoesNotServeIsRefused() throws Exception {
    String body = payload("shopify/returns-request.json", Map.of("returnId", "1", "orderId", "2"));

    http.perform(ProviderWebhooks.shopify("someone-else.myshopify.com", "w-2", "returns/request", body))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aSignedBodyThatIsNotJsonIsRefusedWith400() throws Exception {
    long before = intake.count();

    http.perform(ProviderWebhooks.afterShip("{\"event_id\": \"e-1\", \"msg\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("body"));

    assertThat(intake.count()).isEqualTo(before);
  }

  @Test
  void aSignedEventWithoutItsEventIdIsRefusedWith400NamingTheField() throws Exception {
    long before = intake.count();
    String body = payload("easypost/tracker-updated.json", Map.of("eventId", "", "trackingNumber", unique("EZ")));

    http.perform(ProviderWebhooks.easyPost(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));

    assertThat(intake.count()).isEqualTo(before);
  }

  @Test
  void aShopifyWebhookWithoutItsWebhookIdIsRefusedWith400() throws Exception {
    String body = payload("shopify/returns-request.json", Map.of("returnId", "1", "orderId", "2"));

    http.perform(ProviderWebhooks.shopify("", "returns/request", body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("X-Shopify-Webhook-Id"));
  }

  @Test
  void aProviderSeawallDoesNotKnowIsNotFound() throws Exception {
    http.perform(ProviderWebhooks.json("amazon", "{}")).andExpect(status().isNotFound());
  }

  /** Gives a provider's signing method its type, so the deliveries can list them side by side. */
  /** Gives a provider's signing method its type, so the deliveries can list them side by side. */
  private static Function<String, MockHttpServletRequestBuilder> signedBy(
      Function<String, MockHttpServletRequestBuilder> sign) {
    return sign;
  }
}
