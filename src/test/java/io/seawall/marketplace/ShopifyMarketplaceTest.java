package io.seawall.marketplace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.seawall.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/**
 * The Shopify adapter against a stand-in for the Admin GraphQL API 2026-01. The bodies in
 * {@code marketplace/shopify/} follow Shopify's published payloads (refundCreate, returnApproveRequest,
 * returnCreate, returnCancel, the THROTTLED error with its cost extension).
 */
class ShopifyMarketplaceTest {

  private static final String TOKEN = "shpat_test_0123456789abcdef";
  private static final String GRAPHQL = "/admin/api/2026-01/graphql.json";
  private static final String KEY = "8b1c7d0e-4a55-4c1e-9f11-2f6a3b7c9d10:refund";

  @RegisterExtension
  static WireMockExtension shopify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MarketplaceConnection marketplace = ShopifyMarketplace.create(
      new ShopifySettings("2026-01", Map.of("acme-eu", new ShopifySettings.Shop(shopify.baseUrl(), TOKEN)),
          Duration.ofSeconds(2), Duration.ofSeconds(5)),
      RestClient.builder());

  private final RefundCommand refund =
      new RefundCommand(KEY, "SHOPIFY", "acme-eu", "#1001", new BigDecimal("39.90"), "EUR");

  @Test
  void aRefundGoesThroughTheOrdersCaptureWithTheCasesKeyInTheIdempotentDirective() {
    stubOrder("[]");
    stub("SeawallRefund", answer(200, "refund-created-200.json"));

    RefundReceipt receipt = marketplace.refund(refund);

    assertThat(receipt).isEqualTo(new RefundReceipt("gid://shopify/Refund/929361462", new BigDecimal("39.90"), "EUR", false));
    shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
        .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
        .withRequestBody(matchingJsonPath("$.query", containing("SeawallRefund")))
        .withRequestBody(matchingJsonPath("$.query", containing("@idempotent(key: $idempotencyKey)")))
        .withRequestBody(matchingJsonPath("$.variables.idempotencyKey", equalTo(KEY)))
        .withRequestBody(matchingJsonPath("$.variables.input.orderId", equalTo("gid://shopify/Order/5531567751222")))
        .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].parentId",
            equalTo("gid://shopify/OrderTransaction/6910000002")))
        .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].gateway", equalTo("shopify_payments")))
        .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].kind", equalTo("REFUND")))
        .withRequestBody(matchingJsonPath("$.variables.input.transactions[0].amount", equalTo("39.90"))));
  }

  @Test
  void theOrderIsLookedUpByTheNameTheBuyerSees() {
    stubOrder("[]");
    stub("SeawallRefund", answer(200, "refund-created-200.json"));

    marketplace.refund(refund);

    shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.query", equalTo("name:\"#1001\""))));
  }

  @Test
  void userErrorsAreARefusal() {
    stubOrder("[]");
    stub("SeawallRefund", answer(200, "refund-user-errors-200.json"));

    assertThatThrownBy(() -> marketplace.refund(refund))
        .isInstanceOf(RefundRefused.class)
        .hasMessageContaining("Refund amount exceeds the refundable amount");
  }

  @Test
  void anOrderShopifyDoesNotKnowIsARefusal() {
    stub("SeawallOrder", answer(200, "no-order-200.json"));

    assertThatThrownBy(() -> marketplace.refund(refund)).isInstanceOf(RefundRefused.class).hasMessageContaining("#1001");
  }

  @Test
  void aThrottledQueryWaitsUntilTheBucketHoldsItsCostAgain() {
    stub("SeawallOrder", answer(200, "throttled-200.json"));

    MarketplaceFailure.Throttled throttled = catchThrowableOfType(MarketplaceFailure.Throttled.class,
        () -> marketplace.refund(refund));

    // (752 requested - 452 available) / 50 restored per second
    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(6));
  }

  @Test
  void http429IsThrottledForRetryAfter() {
    stub("SeawallOrder", aResponse().withStatus(429).withHeader("Retry-After", "2"));

    MarketplaceFailure.Throttled throttled = catchThrowableOfType(MarketplaceFailure.Throttled.class,
        () -> marketplace.refund(refund));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(2));
  }

  @Test
  void aServerErrorIsUnavailable() {
    stub("SeawallOrder", aResponse().withStatus(503));

    assertThatThrownBy(() -> marketplace.refund(refund)).isInstanceOf(MarketplaceFailure.Unavailable.class);
  }

  @Test
  void aBadTokenIsUnauthorizedAndTheMessageDoesNotCarryIt() {
    stub("SeawallOrder", answer(401, "unauthorized-401.json"));

    assertThatThrownBy(() -> marketplace.refund(refund))
        .isInstanceOf(MarketplaceFailure.Unauthorized.class)
        .message().doesNotContain(TOKEN);
  }

  @Test
  void aShopWithoutCredentialsIsUnauthorizedWithTheSettingToFix() {
    assertThatThrownBy(() -> marketplace.refund(
        new RefundCommand(KEY, "SHOPIFY", "acme-us", "#1001", BigDecimal.TEN, "USD")))
        .isInstanceOf(MarketplaceFailure.Unauthorized.class)
        .hasMessageContaining("seawall.marketplace.shopify.shops.acme-us");
  }

  @Test
  void theBuyersReturnRequestIsApproved() {
    stubOrder("[{\"id\": \"gid://shopify/Return/945000959\", \"status\": \"REQUESTED\"}]");
    stub("SeawallApproveReturn", answer(200, "return-approved-200.json"));

    ReturnAuthorisation rma = marketplace.authoriseReturn(
        new AuthoriseReturnCommand("case:authorise", "SHOPIFY", "acme-eu", "#1001"));

    assertThat(rma).isEqualTo(new ReturnAuthorisation("gid://shopify/Return/945000959", false));
    shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.input.id", equalTo("gid://shopify/Return/945000959"))));
  }

  @Test
  void withoutARequestSeawallCreatesTheReturnForTheFulfilledItems() {
    stubOrder("[]");
    stub("SeawallCreateReturn", answer(200, "return-created-200.json"));

    ReturnAuthorisation rma = marketplace.authoriseReturn(
        new AuthoriseReturnCommand("case:authorise", "SHOPIFY", "acme-eu", "#1001"));

    assertThat(rma.returnId()).isEqualTo("gid://shopify/Return/945000961");
    shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.returnInput.returnLineItems[0].fulfillmentLineItemId",
            equalTo("gid://shopify/FulfillmentLineItem/7700001")))
        .withRequestBody(matchingJsonPath("$.variables.returnInput.returnLineItems[0].quantity", equalTo("2"))));
  }

  @Test
  void anOpenReturnIsTheEarlierAuthorisationAndNothingIsCreated() {
    stubOrder("[{\"id\": \"gid://shopify/Return/945000961\", \"status\": \"OPEN\"}]");

    ReturnAuthorisation rma = marketplace.authoriseReturn(
        new AuthoriseReturnCommand("case:authorise", "SHOPIFY", "acme-eu", "#1001"));

    assertThat(rma).isEqualTo(new ReturnAuthorisation("gid://shopify/Return/945000961", true));
    shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
        .withRequestBody(matchingJsonPath("$.query", containing("returnCreate"))));
  }

  @Test
  void theBuyersReturnRequestIsDeclinedWithShopifysReason() {
    stubOrder("[{\"id\": \"gid://shopify/Return/945000959\", \"status\": \"REQUESTED\"}]");
    stub("SeawallDeclineReturn", answer(200, "return-declined-200.json"));

    ReturnDecline decline = marketplace.declineReturn(decline(DeclineReturnCommand.DeclineReason.EXCLUDED_ITEM));

    assertThat(decline).isEqualTo(new ReturnDecline.Declined("gid://shopify/Return/945000959"));
    shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
        .withRequestBody(matchingJsonPath("$.query", containing("returnDeclineRequest(input: $input)")))
        .withRequestBody(matchingJsonPath("$.variables.input.id", equalTo("gid://shopify/Return/945000959")))
        .withRequestBody(matchingJsonPath("$.variables.input.declineReason", equalTo("FINAL_SALE"))));
  }

  @Test
  void aDeclinedReturnIsTheEarlierDeclineAndNothingIsSentAgain() {
    stubOrder("[{\"id\": \"gid://shopify/Return/945000959\", \"status\": \"DECLINED\"}]");

    ReturnDecline decline = marketplace.declineReturn(decline(DeclineReturnCommand.DeclineReason.RETURN_PERIOD_ENDED));

    assertThat(decline).isEqualTo(new ReturnDecline.Declined("gid://shopify/Return/945000959"));
    shopify.verify(0, postRequestedFor(urlEqualTo(GRAPHQL))
        .withRequestBody(matchingJsonPath("$.query", containing("returnDeclineRequest"))));
  }

  @Test
  void anApprovedReturnCannotBeDeclined() {
    stubOrder("[{\"id\": \"gid://shopify/Return/945000961\", \"status\": \"OPEN\"}]");

    assertThatThrownBy(() -> marketplace.declineReturn(decline(DeclineReturnCommand.DeclineReason.OTHER)))
        .isInstanceOf(ReturnRefused.class)
        .hasMessageContaining("already approved return gid://shopify/Return/945000961");
  }

  @Test
  void withoutTheBuyersRequestThereIsNothingToDeclineInShopify() {
    stubOrder("[]");

    assertThat(marketplace.declineReturn(decline(DeclineReturnCommand.DeclineReason.OTHER)))
        .isInstanceOf(ReturnDecline.NothingToDecline.class);
  }

  @Test
  void aDeclineShopifyRejectsIsARefusal() {
    stubOrder("[{\"id\": \"gid://shopify/Return/945000959\", \"status\": \"REQUESTED\"}]");
    stub("SeawallDeclineReturn", answer(200, "return-decline-refused-200.json"));

    assertThatThrownBy(() -> marketplace.declineReturn(decline(DeclineReturnCommand.DeclineReason.OTHER)))
        .isInstanceOf(ReturnRefused.class)
        .hasMessageContaining("must be requested to be declined");
  }

  @Test
  void cancellingSendsReturnCancelForTheReturnId() {
    stub("SeawallCancelReturn", answer(200, "return-cancelled-200.json"));

    marketplace.cancelReturn("SHOPIFY", "acme-eu", "gid://shopify/Return/945000959");

    shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
        .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://shopify/Return/945000959"))));
  }

  @Test
  void aReturnShopifyWillNotCancelIsARefusal() {
    stub("SeawallCancelReturn", answer(200, "return-cancel-refused-200.json"));

    assertThatThrownBy(() -> marketplace.cancelReturn("SHOPIFY", "acme-eu", "gid://shopify/Return/945000959"))
        .isInstanceOf(ReturnRefused.class)
        .hasMessageContaining("has been closed");
  }

  @Test
  void anOrderIsReadWithItsLinesAtThePricePaidItsRecipientAndItsDeliveredParcel() {
    stub("SeawallMarketOrder", answer(200, "market-order-200.json"));

    MarketOrder order = marketplace.order("SHOPIFY", "acme-eu", "#1001").orElseThrow();

    assertThat(order.orderReference()).isEqualTo("#1001");
    assertThat(order.currency()).isEqualTo("EUR");
    assertThat(order.lines()).containsExactly(
        new MarketOrder.Line("KTL-220-BLK", 1, new BigDecimal("29.90"), "Kettles"),
        new MarketOrder.Line("FLT-CARB-2PK", 2, new BigDecimal("5.0"), "Filters"));
    assertThat(order.recipient()).isEqualTo(new MarketOrder.Recipient("Inès Moreau", "ines.moreau@example.org",
        "+33 6 12 34 56 78", "12 rue des Lilas", "Bâtiment B", "Lyon", null, "69003", "FR", "fr-FR"));
    assertThat(order.parcels()).containsExactly(
        new MarketOrder.Parcel("Colissimo", "6A12345678901", Instant.parse("2026-11-20T14:03:11Z")));
    shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
        .withHeader("X-Shopify-Access-Token", equalTo(TOKEN))
        .withRequestBody(matchingJsonPath("$.query", containing("discountedUnitPriceAfterAllDiscountsSet")))
        .withRequestBody(matchingJsonPath("$.variables.query", equalTo("name:\"#1001\""))));
  }

  @Test
  void unitsAlreadyRefundedOrRemovedAreNotOnTheOrder() {
    stub("SeawallMarketOrder", answer(200, "market-order-refunded-cancelled-200.json"));

    MarketOrder order = marketplace.order("SHOPIFY", "acme-eu", "#1001").orElseThrow();

    assertThat(order.lines()).extracting(MarketOrder.Line::sku).containsExactly("KTL-220-BLK");
  }

  @Test
  void aCancelledFulfillmentIsNoParcel() {
    stub("SeawallMarketOrder", answer(200, "market-order-refunded-cancelled-200.json"));

    MarketOrder order = marketplace.order("SHOPIFY", "acme-eu", "#1001").orElseThrow();

    assertThat(order.parcels()).containsExactly(new MarketOrder.Parcel("DHL Express", "1234567890", null));
  }

  @Test
  void anOrderShopifyDoesNotKnowIsEmpty() {
    stub("SeawallMarketOrder", answer(200, "no-order-200.json"));

    assertThat(marketplace.order("SHOPIFY", "acme-eu", "#1999")).isEmpty();
  }

  @Test
  void aThrottledOrderReadIsThrottled() {
    stub("SeawallMarketOrder", answer(200, "throttled-200.json"));

    assertThatThrownBy(() -> marketplace.order("SHOPIFY", "acme-eu", "#1001"))
        .isInstanceOf(MarketplaceFailure.Throttled.class);
  }

  @Test
  void anOrderReadWithABadTokenIsUnauthorized() {
    stub("SeawallMarketOrder", answer(401, "unauthorized-401.json"));

    assertThatThrownBy(() -> marketplace.order("SHOPIFY", "acme-eu", "#1001"))
        .isInstanceOf(MarketplaceFailure.Unauthorized.class)
        .message().doesNotContain(TOKEN);
  }

  private static DeclineReturnCommand decline(DeclineReturnCommand.DeclineReason reason) {
    return new DeclineReturnCommand("case:decline-return", "SHOPIFY", "acme-eu", "#1001", reason);
  }

  private void stubOrder(String returns) {
    stub("SeawallOrder", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(body("order-200.json").replace("RETURNS_UNDER_TEST", returns)));
  }

  private static void stub(String operation, ResponseDefinitionBuilder answer) {
    shopify.stubFor(post(GRAPHQL).withRequestBody(matchingJsonPath("$.query", containing(operation))).willReturn(answer));
  }

  private static ResponseDefinitionBuilder answer(int status, String file) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(file));
  }

  static String body(String file) {
    return Fixtures.text("marketplace/shopify/" + file);
  }
}
