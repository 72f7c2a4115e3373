package io.seawall.marketplace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.client.RestClient;

/**
 * The Shopee adapter against a stand-in for Open Platform v2's Returns module. The bodies in
 * {@code marketplace/shopee/} follow Shopee's envelope ({@code request_id}, {@code error},
 * {@code message}, {@code response}) and the return fields of Get Return List; the signature is
 * recomputed here from Shopee's documented base string with a test partner key.
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

  private void stubReturns(String status, String negotiation) {
    shopee.stubFor(get(urlPathEqualTo(LIST)).willReturn(answerWith(body("return-list-200.json")
        .replace("STATUS_UNDER_TEST", status).replace("NEGOTIATION_UNDER_TEST", negotiation))));
  }

  private static ResponseDefinitionBuilder answer(int status, String file) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(file));
  }

  private static ResponseDefinitionBuilder answerWith(String json) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
  }

  private static String body(String file) {
    try {
      return new ClassPathResource("marketplace/shopee/" + file).getContentAsString(UTF_8);
    } catch (IOException missing) {
      throw new UncheckedIOException(missing);
    }
  }
}
