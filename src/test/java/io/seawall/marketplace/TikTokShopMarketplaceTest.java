package io.seawall.marketplace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.seawall.Fixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/**
 * The TikTok Shop adapter against a stand-in for the Partner API, Return and Refund 202309 and
 * Order 202309. The bodies in {@code marketplace/tiktok/} follow TikTok's envelope ({@code code},
 * {@code message}, {@code request_id}, {@code data}) and, for orders, Get Order Detail's fields;
 * the signature is recomputed here from TikTok's documented algorithm with a test secret.
 */
class TikTokShopMarketplaceTest {

  private static final String APP_KEY = "6a6test0app";
  private static final String SECRET = "tts_test_secret_4eb0c1d2";
  private static final String TOKEN = "ROW_test_access_token_0123";
  private static final String CIPHER = "ROW_test_cipher";
  private static final String ORDER = "576461413038785752";
  private static final String KEY = "8b1c7d0e-4a55-4c1e-9f11-2f6a3b7c9d10:refund";
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final String REJECT_REASON = "seller_reject_apply_not_meet_return_policy_test";
  private static final DeclineReturnCommand DECLINE = new DeclineReturnCommand("case:decline-return", "TIKTOK_SHOP",
      "acme-uk", ORDER, DeclineReturnCommand.DeclineReason.RETURN_PERIOD_ENDED);

  @RegisterExtension
  static WireMockExtension tiktok = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MarketplaceConnection marketplace = TikTokShopMarketplace.create(
      new TikTokShopSettings(tiktok.baseUrl(), "202309", APP_KEY, SECRET, "ecom_order_delivered_refund_reason_test",
          REJECT_REASON, Map.of("acme-uk", new TikTokShopSettings.Shop(CIPHER, TOKEN)), Duration.ofSeconds(2), Duration.ofSeconds(5)),
      RestClient.builder(), Clock.fixed(NOW, ZoneOffset.UTC));

  private final RefundCommand refund =
      new RefundCommand(KEY, "TIKTOK_SHOP", "acme-uk", ORDER, new BigDecimal("19.99"), "GBP");

  @Test
  void aRefundCreatesARefundOnlyReturnWithTheCasesIdempotencyKey() {
    stub("/returns", answer(200, "return-created-200.json"));

    RefundReceipt receipt = marketplace.refund(refund);

    assertThat(receipt).isEqualTo(new RefundReceipt("4035633475056536357", new BigDecimal("19.99"), "GBP", false));
    tiktok.verify(postRequestedFor(urlPathEqualTo("/return_refund/202309/returns"))
        .withQueryParam("idempotency_key", equalTo(KEY))
        .withQueryParam("app_key", equalTo(APP_KEY))
        .withQueryParam("shop_cipher", equalTo(CIPHER))
        .withQueryParam("timestamp", equalTo(String.valueOf(NOW.getEpochSecond())))
        .withHeader("x-tts-access-token", equalTo(TOKEN))
        .withRequestBody(equalToJson("""
            {"order_id": "576461413038785752", "return_type": "REFUND",
             "return_reason": "ecom_order_delivered_refund_reason_test", "refund_total": "19.99", "currency": "GBP"}""")));
  }

  @Test
  void everyRequestIsSignedAsTikTokDocuments() {
    stub("/returns", answer(200, "return-created-200.json"));

    marketplace.refund(refund);

    LoggedRequest sent = tiktok.getAllServeEvents().getFirst().getRequest();
    TreeMap<String, String> params = new TreeMap<>();
    sent.getQueryParams().forEach((name, value) -> params.put(name, value.firstValue()));
    String sign = params.remove("sign");
    StringBuilder signed = new StringBuilder(SECRET).append("/return_refund/202309/returns");
    params.forEach((name, value) -> signed.append(name).append(value));
    signed.append(sent.getBodyAsString()).append(SECRET);
    assertThat(sign).isEqualTo(hmacSha256Hex(SECRET, signed.toString()));
    assertThat(params).doesNotContainKey("access_token");
  }

  @Test
  void aBusinessCodeIsARefusal() {
    stub("/returns", answer(200, "refused-200.json"));

    assertThatThrownBy(() -> marketplace.refund(refund))
        .isInstanceOf(RefundRefused.class)
        .hasMessageContaining("fully refunded");
  }

  @Test
  void http429IsThrottledForRetryAfter() {
    stub("/returns", answer(429, "too-many-requests-429.json").withHeader("Retry-After", "3"));

    MarketplaceFailure.Throttled throttled = catchThrowableOfType(MarketplaceFailure.Throttled.class,
        () -> marketplace.refund(refund));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void aServerErrorIsUnavailable() {
    stub("/returns", aResponse().withStatus(500));

    assertThatThrownBy(() -> marketplace.refund(refund)).isInstanceOf(MarketplaceFailure.Unavailable.class);
  }

  @Test
  void anInvalidSignatureIsUnauthorizedAndNamesNoSecret() {
    stub("/returns", answer(401, "invalid-sign-401.json"));

    assertThatThrownBy(() -> marketplace.refund(refund))
        .isInstanceOf(MarketplaceFailure.Unauthorized.class)
        .message().doesNotContain(SECRET, TOKEN);
  }

  @Test
  void theBuyersPendingRequestIsApprovedWithTheCasesKey() {
    stub("/returns/search", answerWith(body("returns-found-200.json")
        .replace("STATUS_UNDER_TEST", "RETURN_OR_REFUND_REQUEST_PENDING")));
    stub("/returns/4035633475056536358/approve", answer(200, "approved-200.json"));

    ReturnAuthorisation rma = marketplace.authoriseReturn(
        new AuthoriseReturnCommand("case:authorise", "TIKTOK_SHOP", "acme-uk", ORDER));

    assertThat(rma).isEqualTo(new ReturnAuthorisation("4035633475056536358", false));
    tiktok.verify(postRequestedFor(urlPathEqualTo("/return_refund/202309/returns/search"))
        .withRequestBody(equalToJson("{\"order_ids\": [\"576461413038785752\"]}")));
    tiktok.verify(postRequestedFor(urlPathEqualTo("/return_refund/202309/returns/4035633475056536358/approve"))
        .withQueryParam("idempotency_key", equalTo("case:authorise"))
        .withRequestBody(equalToJson("{\"decision\": \"APPROVE_RETURN\"}")));
  }

  @Test
  void anAlreadyApprovedReturnIsTheEarlierAnswer() {
    stub("/returns/search", answerWith(body("returns-found-200.json")
        .replace("STATUS_UNDER_TEST", "AWAITING_BUYER_SHIP")));

    ReturnAuthorisation rma = marketplace.authoriseReturn(
        new AuthoriseReturnCommand("case:authorise", "TIKTOK_SHOP", "acme-uk", ORDER));

    assertThat(rma).isEqualTo(new ReturnAuthorisation("4035633475056536358", true));
    tiktok.verify(0, postRequestedFor(urlPathEqualTo("/return_refund/202309/returns/4035633475056536358/approve")));
  }

  @Test
  void withoutTheBuyersRequestThereIsNothingToApprove() {
    stub("/returns/search", answerWith("{\"code\": 0, \"message\": \"Success\", \"data\": {\"return_orders\": []}}"));

    assertThatThrownBy(() -> marketplace.authoriseReturn(
        new AuthoriseReturnCommand("case:authorise", "TIKTOK_SHOP", "acme-uk", ORDER)))
        .isInstanceOf(ReturnRefused.class);
  }

  @Test
  void aPendingReturnRequestIsRejectedWithTheShopsReasonAndTheCasesKey() {
    stub("/returns/search", answerWith(body("returns-found-200.json")
        .replace("STATUS_UNDER_TEST", "RETURN_OR_REFUND_REQUEST_PENDING")));
    stub("/returns/4035633475056536358/reject", answer(200, "rejected-200.json"));

    ReturnDecline decline = marketplace.declineReturn(DECLINE);

    assertThat(decline).isEqualTo(new ReturnDecline.Declined("4035633475056536358"));
    tiktok.verify(postRequestedFor(urlPathEqualTo("/return_refund/202309/returns/4035633475056536358/reject"))
        .withQueryParam("idempotency_key", equalTo("case:decline-return"))
        .withQueryParam("shop_cipher", equalTo(CIPHER))
        .withHeader("x-tts-access-token", equalTo(TOKEN))
        .withRequestBody(equalToJson("""
            {"decision": "REJECT_RETURN", "reject_reason": "%s", "comment": "The return window had passed."}
            """.formatted(REJECT_REASON))));
  }

  @Test
  void aRefundOnlyRequestIsRejectedAsARefund() {
    stub("/returns/search", answerWith(body("returns-found-200.json")
        .replace("STATUS_UNDER_TEST", "RETURN_OR_REFUND_REQUEST_PENDING")
        .replace("\"RETURN_AND_REFUND\"", "\"REFUND\"")));
    stub("/returns/4035633475056536358/reject", answer(200, "rejected-200.json"));

    marketplace.declineReturn(DECLINE);

    tiktok.verify(postRequestedFor(urlPathEqualTo("/return_refund/202309/returns/4035633475056536358/reject"))
        .withRequestBody(matchingJsonPath("$.decision", equalTo("REJECT_REFUND"))));
  }

  @Test
  void aRequestAlreadyRejectedIsTheEarlierDecline() {
    stub("/returns/search", answerWith(body("returns-found-200.json")
        .replace("STATUS_UNDER_TEST", "RETURN_OR_REFUND_REQUEST_REJECT")));

    assertThat(marketplace.declineReturn(DECLINE)).isEqualTo(new ReturnDecline.Declined("4035633475056536358"));
    tiktok.verify(0, postRequestedFor(urlPathEqualTo("/return_refund/202309/returns/4035633475056536358/reject")));
  }

  @Test
  void aReturnTikTokAlreadyApprovedCannotBeDeclined() {
    stub("/returns/search", answerWith(body("returns-found-200.json")
        .replace("STATUS_UNDER_TEST", "AWAITING_BUYER_SHIP")));

    assertThatThrownBy(() -> marketplace.declineReturn(DECLINE))
        .isInstanceOf(ReturnRefused.class).hasMessageContaining("already approved return 4035633475056536358");
  }

  @Test
  void aRejectTikTokRefusesIsARefusal() {
    stub("/returns/search", answerWith(body("returns-found-200.json")
        .replace("STATUS_UNDER_TEST", "RETURN_OR_REFUND_REQUEST_PENDING")));
    stub("/returns/4035633475056536358/reject", answer(200, "refused-200.json"));

    assertThatThrownBy(() -> marketplace.declineReturn(DECLINE))
        .isInstanceOf(ReturnRefused.class).hasMessageContaining("12052220");
  }

  @Test
  void withoutTheBuyersRequestThereIsNothingToDecline() {
    stub("/returns/search", answerWith("{\"code\": 0, \"message\": \"Success\", \"data\": {\"return_orders\": []}}"));

    assertThat(marketplace.declineReturn(DECLINE)).isInstanceOf(ReturnDecline.NothingToDecline.class);
  }

  @Test
  void withoutARejectReasonDecliningIsLeftToAnAgentAndSendsNothing() {
    MarketplaceConnection withoutReason = TikTokShopMarketplace.create(
        new TikTokShopSettings(tiktok.baseUrl(), "202309", APP_KEY, SECRET, "ecom_order_delivered_refund_reason_test",
            null, Map.of("acme-uk", new TikTokShopSettings.Shop(CIPHER, TOKEN)), Duration.ofSeconds(2),
            Duration.ofSeconds(5)),
        RestClient.builder(), Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> withoutReason.declineReturn(DECLINE))
        .isInstanceOf(MarketplaceFailure.Unsupported.class)
        .hasMessageContaining("seawall.marketplace.tiktok.reject-reason");
    assertThat(tiktok.getAllServeEvents()).isEmpty();
  }

  @Test
  void withdrawingAReturnIsUnsupportedAndSendsNothing() {
    assertThatThrownBy(() -> marketplace.cancelReturn("TIKTOK_SHOP", "acme-uk", "4035633475056536358"))
        .isInstanceOf(MarketplaceFailure.Unsupported.class);
    assertThat(tiktok.getAllServeEvents()).isEmpty();
  }

  @Test
  void anOrderIsReadWithItsUnitsCountedPerSkuAtThePriceTheBuyerPaid() {
    stubOrder(answer(200, "order-detail-200.json"));

    MarketOrder order = marketplace.order("TIKTOK_SHOP", "acme-uk", ORDER).orElseThrow();

    Instant delivered = Instant.parse("2025-02-27T10:00:00Z");
    assertThat(order.orderReference()).isEqualTo(ORDER);
    assertThat(order.currency()).isEqualTo("GBP");
    assertThat(order.lines()).containsExactly(
        new MarketOrder.Line("KTL-220-BLK", 2, new BigDecimal("24.99"), null),
        new MarketOrder.Line("FLT-CARB-2PK", 1, new BigDecimal("4.00"), null),
        new MarketOrder.Line("1729767803962038563", 1, new BigDecimal("3.99"), null));
    assertThat(order.recipient()).isEqualTo(new MarketOrder.Recipient("Oliver Bennett",
        "v4bE3USDHPXBRNN2JTJECRMJ43K3U@scs2.tiktok.com", "(+44)7700900123", "14 Harbour Street", "Flat 2", "Bristol",
        "England", "BS1 4RN", "GB", null));
    assertThat(order.parcels()).containsExactly(
        new MarketOrder.Parcel("Royal Mail", "JD014600006281234567", delivered),
        new MarketOrder.Parcel("Evri", "H01HYA0012345678", delivered));
  }

  @Test
  void anOrderIsAskedForWithGetOrderDetailSignedAsTikTokDocuments() {
    stubOrder(answer(200, "order-detail-200.json"));

    marketplace.order("TIKTOK_SHOP", "acme-uk", ORDER);

    String timestamp = String.valueOf(NOW.getEpochSecond());
    StringBuilder signed = new StringBuilder(SECRET).append("/order/202309/orders");
    new TreeMap<>(Map.of("app_key", APP_KEY, "ids", ORDER, "shop_cipher", CIPHER, "timestamp", timestamp))
        .forEach((name, value) -> signed.append(name).append(value));
    signed.append(SECRET);
    tiktok.verify(getRequestedFor(urlPathEqualTo("/order/202309/orders"))
        .withQueryParam("ids", equalTo(ORDER))
        .withQueryParam("app_key", equalTo(APP_KEY))
        .withQueryParam("shop_cipher", equalTo(CIPHER))
        .withQueryParam("timestamp", equalTo(timestamp))
        .withQueryParam("sign", equalTo(hmacSha256Hex(SECRET, signed.toString())))
        .withoutQueryParam("access_token")
        .withHeader("x-tts-access-token", equalTo(TOKEN)));
  }

  @Test
  void anOrderTikTokDoesNotKnowIsEmpty() {
    stubOrder(answer(200, "order-not-found-200.json"));

    assertThat(marketplace.order("TIKTOK_SHOP", "acme-uk", "576461413038785799")).isEmpty();
  }

  @Test
  void readingAnOrderAtHttp429IsThrottledForRetryAfter() {
    stubOrder(answer(429, "too-many-requests-429.json").withHeader("Retry-After", "2"));

    MarketplaceFailure.Throttled throttled = catchThrowableOfType(MarketplaceFailure.Throttled.class,
        () -> marketplace.order("TIKTOK_SHOP", "acme-uk", ORDER));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(2));
  }

  @Test
  void readingAnOrderAtAServerErrorIsUnavailable() {
    stubOrder(aResponse().withStatus(503));

    assertThatThrownBy(() -> marketplace.order("TIKTOK_SHOP", "acme-uk", ORDER))
        .isInstanceOf(MarketplaceFailure.Unavailable.class);
  }

  @Test
  void readingAnOrderWithABadAccessTokenIsUnauthorizedAndNamesTheSettingsNotTheToken() {
    stubOrder(answer(401, "invalid-access-token-401.json"));

    assertThatThrownBy(() -> marketplace.order("TIKTOK_SHOP", "acme-uk", ORDER))
        .isInstanceOf(MarketplaceFailure.Unauthorized.class)
        .hasMessageContaining("seawall.marketplace.tiktok")
        .message().doesNotContain(SECRET, TOKEN);
  }

  @Test
  void aMaskedRecipientIsNotTakenForTheBuyer() {
    stubOrder(answerWith(body("order-detail-200.json")
        .replace("Oliver Bennett", "O*****tt").replace("(+44)7700900123", "(+44)77*****123")));

    MarketOrder order = marketplace.order("TIKTOK_SHOP", "acme-uk", ORDER).orElseThrow();

    assertThat(order.recipient().name()).isNull();
    assertThat(order.recipient().phone()).isNull();
    assertThat(order.recipient().line1()).isEqualTo("14 Harbour Street");
  }

  private static void stub(String action, ResponseDefinitionBuilder answer) {
    tiktok.stubFor(post(urlPathEqualTo("/return_refund/202309" + action)).willReturn(answer));
  }

  private static void stubOrder(ResponseDefinitionBuilder answer) {
    tiktok.stubFor(get(urlPathEqualTo("/order/202309/orders")).willReturn(answer));
  }

  private static ResponseDefinitionBuilder answer(int status, String file) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(file));
  }

  private static ResponseDefinitionBuilder answerWith(String json) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
  }

  private static String body(String file) {
    return Fixtures.text("marketplace/tiktok/" + file);
  }

  static String hmacSha256Hex(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(UTF_8)));
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
