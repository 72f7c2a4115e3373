package io.seawall.marketplace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.seawall.Fixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/**
 * The Shopee adapter against a stand-in for Open Platform v2's Returns, Order and Logistics
 * modules. The bodies in {@code marketplace/shopee/} follow Shopee's envelope ({@code request_id},
 * {@code error}, {@code message}, {@code response}) and the fields of Get Return List, Get Order
 * Detail, Get Tracking Number and Get Tracking Info; the signature is recomputed here from
 * Shopee's documented base string with a test partner key.
 */
class ShopeeMarketplaceTest {

  private static final long PARTNER_ID = 2001887L;
  private static final String PARTNER_KEY = "shpk_test_partner_key_7f3a";
  private static final long SHOP_ID = 600000L;
  private static final String TOKEN = "c09222e3fc40ffb25fc947f738b1abf1";
  private static final String ORDER = "220614T2HK5GQ7";
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final String LIST = "/api/v2/returns/get_return_list";
  private static final String CONFIRM = "/api/v2/returns/confirm";
  private static final String DETAIL = "/api/v2/order/get_order_detail";
  private static final String TRACKING_NUMBER = "/api/v2/logistics/get_tracking_number";
  private static final String TRACKING_INFO = "/api/v2/logistics/get_tracking_info";

  @RegisterExtension
  static WireMockExtension shopee = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MarketplaceConnection marketplace = ShopeeMarketplace.create(
      new ShopeeSettings(shopee.baseUrl(), PARTNER_ID, PARTNER_KEY,
          Map.of("acme-sg", new ShopeeSettings.Shop(SHOP_ID, TOKEN)), Duration.ofSeconds(2), Duration.ofSeconds(5)),
      RestClient.builder(), Clock.fixed(NOW, ZoneOffset.UTC));

  private final RefundCommand refund =
      new RefundCommand("case:refund", "SHOPEE", "acme-sg", ORDER, new BigDecimal("25.90"), "SGD");

  @Test
  void aRefundConfirmsTheBuyersRequestForThatOrder() {
    stubReturns("REQUESTED", "TERMINATED");
    shopee.stubFor(post(urlPathEqualTo(CONFIRM)).willReturn(answer(200, "confirmed-200.json")));

    RefundReceipt receipt = marketplace.refund(refund);

    assertThat(receipt).isEqualTo(new RefundReceipt("2206150VT13E3MQ", new BigDecimal("25.9"), "SGD", false));
    shopee.verify(postRequestedFor(urlPathEqualTo(CONFIRM))
        .withRequestBody(equalToJson("{\"return_sn\": \"2206150VT13E3MQ\"}")));
  }

  @Test
  void everyRequestIsSignedOverPartnerPathTimestampTokenAndShop() {
    stubReturns("REQUESTED", "TERMINATED");
    shopee.stubFor(post(urlPathEqualTo(CONFIRM)).willReturn(answer(200, "confirmed-200.json")));

    marketplace.refund(refund);

    long timestamp = NOW.getEpochSecond();
    String expected = TikTokShopMarketplaceTest.hmacSha256Hex(PARTNER_KEY,
        PARTNER_ID + CONFIRM + timestamp + TOKEN + SHOP_ID);
    shopee.verify(postRequestedFor(urlPathEqualTo(CONFIRM))
        .withQueryParam("partner_id", equalTo(String.valueOf(PARTNER_ID)))
        .withQueryParam("timestamp", equalTo(String.valueOf(timestamp)))
        .withQueryParam("access_token", equalTo(TOKEN))
        .withQueryParam("shop_id", equalTo(String.valueOf(SHOP_ID)))
        .withQueryParam("sign", equalTo(expected)));
  }

  @Test
  void anAcceptedRequestIsTheEarlierRefundAndNothingIsConfirmedTwice() {
    stubReturns("ACCEPTED", "TERMINATED");

    RefundReceipt receipt = marketplace.refund(refund);

    assertThat(receipt.repeated()).isTrue();
    assertThat(receipt.refundId()).isEqualTo("2206150VT13E3MQ");
    shopee.verify(0, postRequestedFor(urlPathEqualTo(CONFIRM)));
  }

  @Test
  void lessThanTheBuyerAskedIsRefusedWithoutACall() {
    stubReturns("REQUESTED", "TERMINATED");

    assertThatThrownBy(() -> marketplace.refund(
        new RefundCommand("case:refund", "SHOPEE", "acme-sg", ORDER, new BigDecimal("10.00"), "SGD")))
        .isInstanceOf(RefundRefused.class)
        .hasMessageContaining("Seller Center");
    shopee.verify(0, postRequestedFor(urlPathEqualTo(CONFIRM)));
  }

  @Test
  void shopeesErrorCodeIsARefusal() {
    stubReturns("REQUESTED", "TERMINATED");
    shopee.stubFor(post(urlPathEqualTo(CONFIRM)).willReturn(answer(200, "refused-200.json")));

    assertThatThrownBy(() -> marketplace.refund(refund))
        .isInstanceOf(RefundRefused.class)
        .hasMessageContaining("error_return_status");
  }

  @Test
  void withoutTheBuyersRequestShopeeCannotRefund() {
    shopee.stubFor(get(urlPathEqualTo(LIST)).willReturn(answerWith(
        "{\"error\": \"\", \"message\": \"\", \"response\": {\"more\": false, \"return\": []}}")));

    assertThatThrownBy(() -> marketplace.refund(refund)).isInstanceOf(RefundRefused.class);
  }

  @Test
  void http429IsThrottledForRetryAfter() {
    shopee.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "4")));

    MarketplaceFailure.Throttled throttled = catchThrowableOfType(MarketplaceFailure.Throttled.class,
        () -> marketplace.refund(refund));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(4));
  }

  @Test
  void aServerErrorIsUnavailable() {
    shopee.stubFor(get(urlPathEqualTo(LIST)).willReturn(answer(500, "server-error-500.json")));

    assertThatThrownBy(() -> marketplace.refund(refund)).isInstanceOf(MarketplaceFailure.Unavailable.class);
  }

  @Test
  void aBadTokenIsUnauthorizedAndNamesNoCredential() {
    shopee.stubFor(get(urlPathEqualTo(LIST)).willReturn(answer(403, "invalid-access-token-403.json")));

    assertThatThrownBy(() -> marketplace.refund(refund))
        .isInstanceOf(MarketplaceFailure.Unauthorized.class)
        .message().doesNotContain(TOKEN, PARTNER_KEY);
  }

  @Test
  void anUnreachableShopeeIsUnavailableAndTheMessageDoesNotQuoteTheToken() {
    MarketplaceConnection unreachable = ShopeeMarketplace.create(
        new ShopeeSettings("http://127.0.0.1:9", PARTNER_ID, PARTNER_KEY,
            Map.of("acme-sg", new ShopeeSettings.Shop(SHOP_ID, TOKEN)), Duration.ofSeconds(1), Duration.ofSeconds(1)),
        RestClient.builder(), Clock.fixed(NOW, ZoneOffset.UTC));

    MarketplaceFailure.Unavailable failure = catchThrowableOfType(MarketplaceFailure.Unavailable.class,
        () -> unreachable.refund(refund));

    assertThat(failure.getMessage()).doesNotContain(TOKEN);
    assertThat(String.valueOf(failure.getCause())).doesNotContain(TOKEN);
  }

  @Test
  void aBuyersProposalAwaitingTheSellerIsAccepted() {
    stubReturns("REQUESTED", "PENDING_RESPOND");
    shopee.stubFor(post(urlPathEqualTo("/api/v2/returns/accept_offer")).willReturn(answer(200, "confirmed-200.json")));

    ReturnAuthorisation rma = marketplace.authoriseReturn(
        new AuthoriseReturnCommand("case:authorise", "SHOPEE", "acme-sg", ORDER));

    assertThat(rma).isEqualTo(new ReturnAuthorisation("2206150VT13E3MQ", false));
    shopee.verify(postRequestedFor(urlPathEqualTo("/api/v2/returns/accept_offer"))
        .withRequestBody(equalToJson("{\"return_sn\": \"2206150VT13E3MQ\"}")));
  }

  @Test
  void decliningIsLeftToAnAgentsDisputeAndSendsNothing() {
    assertThatThrownBy(() -> marketplace.declineReturn(new DeclineReturnCommand("case:decline-return", "SHOPEE",
        "acme-sg", "2206150VT13E3MQ", DeclineReturnCommand.DeclineReason.RETURN_PERIOD_ENDED)))
        .isInstanceOf(MarketplaceFailure.Unsupported.class)
        .hasMessageContaining("dispute");
    assertThat(shopee.getAllServeEvents()).isEmpty();
  }

  @Test
  void withdrawingAReturnIsUnsupportedAndSendsNothing() {
    assertThatThrownBy(() -> marketplace.cancelReturn("SHOPEE", "acme-sg", "2206150VT13E3MQ"))
        .isInstanceOf(MarketplaceFailure.Unsupported.class);
    assertThat(shopee.getAllServeEvents()).isEmpty();
  }

  @Test
  void anOrderIsReadAtThePriceTheBuyerPaidWithTheParcelsThatWentOut() {
    stubOrder(answer(200, "order-detail-200.json"));
    stubTracking();

    MarketOrder order = marketplace.order("SHOPEE", "acme-sg", ORDER).orElseThrow();

    assertThat(order.orderReference()).isEqualTo(ORDER);
    assertThat(order.currency()).isEqualTo("SGD");
    assertThat(order.lines()).containsExactly(
        new MarketOrder.Line("KTL-220-BLK", 2, new BigDecimal("29.9"), null),
        new MarketOrder.Line("FLT-CARB", 1, new BigDecimal("6.0"), null));
    assertThat(order.recipient()).isEqualTo(new MarketOrder.Recipient("Tan Wei Ling", null, "6591234567",
        "12 Orchard Road, #05-01, Singapore 238801", null, "Singapore", null, "238801", "SG", null));
    assertThat(order.parcels()).containsExactly(
        new MarketOrder.Parcel("Ninja Van", "SGNJV0123456789A", Instant.parse("2025-02-24T10:00:00Z")));
  }

  @Test
  void theOrderAndItsTrackingAreAskedForSignedAsShopeeDocuments() {
    stubOrder(answer(200, "order-detail-200.json"));
    stubTracking();

    marketplace.order("SHOPEE", "acme-sg", ORDER);

    long timestamp = NOW.getEpochSecond();
    shopee.verify(getRequestedFor(urlPathEqualTo(DETAIL))
        .withQueryParam("order_sn_list", equalTo(ORDER))
        .withQueryParam("response_optional_fields", equalTo("item_list,recipient_address,package_list"))
        .withQueryParam("partner_id", equalTo(String.valueOf(PARTNER_ID)))
        .withQueryParam("timestamp", equalTo(String.valueOf(timestamp)))
        .withQueryParam("access_token", equalTo(TOKEN))
        .withQueryParam("shop_id", equalTo(String.valueOf(SHOP_ID)))
        .withQueryParam("sign", equalTo(TikTokShopMarketplaceTest.hmacSha256Hex(PARTNER_KEY,
            PARTNER_ID + DETAIL + timestamp + TOKEN + SHOP_ID))));
    shopee.verify(getRequestedFor(urlPathEqualTo(TRACKING_NUMBER))
        .withQueryParam("order_sn", equalTo(ORDER))
        .withQueryParam("package_number", equalTo("OFG134731496217591"))
        .withQueryParam("sign", equalTo(TikTokShopMarketplaceTest.hmacSha256Hex(PARTNER_KEY,
            PARTNER_ID + TRACKING_NUMBER + timestamp + TOKEN + SHOP_ID))));
    shopee.verify(getRequestedFor(urlPathEqualTo(TRACKING_INFO))
        .withQueryParam("order_sn", equalTo(ORDER))
        .withQueryParam("package_number", equalTo("OFG134731496217591")));
    // The second package is not with the carrier yet: nothing to track.
    shopee.verify(0, getRequestedFor(urlPathEqualTo(TRACKING_NUMBER))
        .withQueryParam("package_number", equalTo("OFG134731496217592")));
  }

  @Test
  void anOrderShopeeDoesNotListIsEmpty() {
    stubOrder(answer(200, "order-not-found-200.json"));

    assertThat(marketplace.order("SHOPEE", "acme-sg", "220614T2HK5GQX")).isEmpty();
  }

  @Test
  void anOrderShopeeSaysItDoesNotKnowIsEmpty() {
    stubOrder(answer(400, "order-not-found-400.json"));

    assertThat(marketplace.order("SHOPEE", "acme-sg", "220614T2HK5GQX")).isEmpty();
  }

  @Test
  void aBundleDealWhosePricePaidShopeeDoesNotSplitIsLeftToAnAgent() {
    stubOrder(answerWith(body("order-detail-200.json").replace("\"product_promotion\"", "\"bundle_deal\"")));

    assertThatThrownBy(() -> marketplace.order("SHOPEE", "acme-sg", ORDER))
        .isInstanceOf(MarketplaceFailure.Unsupported.class)
        .hasMessageContaining("bundle");
  }

  @Test
  void readingAnOrderAtHttp429IsThrottledForRetryAfter() {
    stubOrder(aResponse().withStatus(429).withHeader("Retry-After", "4"));

    MarketplaceFailure.Throttled throttled = catchThrowableOfType(MarketplaceFailure.Throttled.class,
        () -> marketplace.order("SHOPEE", "acme-sg", ORDER));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(4));
  }

  @Test
  void readingAnOrderAtAServerErrorIsUnavailable() {
    stubOrder(answer(500, "server-error-500.json"));

    assertThatThrownBy(() -> marketplace.order("SHOPEE", "acme-sg", ORDER))
        .isInstanceOf(MarketplaceFailure.Unavailable.class);
  }

  @Test
  void readingAnOrderWithABadTokenIsUnauthorizedAndNamesTheSettingsNotTheCredentials() {
    stubOrder(answer(403, "invalid-access-token-403.json"));

    assertThatThrownBy(() -> marketplace.order("SHOPEE", "acme-sg", ORDER))
        .isInstanceOf(MarketplaceFailure.Unauthorized.class)
        .hasMessageContaining("seawall.marketplace.shopee")
        .message().doesNotContain(TOKEN, PARTNER_KEY);
  }

  private void stubReturns(String status, String negotiation) {
    shopee.stubFor(get(urlPathEqualTo(LIST)).willReturn(answerWith(body("return-list-200.json")
        .replace("STATUS_UNDER_TEST", status).replace("NEGOTIATION_UNDER_TEST", negotiation))));
  }

  private static void stubOrder(ResponseDefinitionBuilder answer) {
    shopee.stubFor(get(urlPathEqualTo(DETAIL)).willReturn(answer));
  }

  private static void stubTracking() {
    shopee.stubFor(get(urlPathEqualTo(TRACKING_NUMBER)).willReturn(answer(200, "tracking-number-200.json")));
    shopee.stubFor(get(urlPathEqualTo(TRACKING_INFO)).willReturn(answer(200, "tracking-info-200.json")));
  }

  private static ResponseDefinitionBuilder answer(int status, String file) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(file));
  }

  private static ResponseDefinitionBuilder answerWith(String json) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
  }

  private static String body(String file) {
    return Fixtures.text("marketplace/shopee/" + file);
  }
}
