package io.seawall.warehouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import io.seawall.warehouse.OutboundOrder.Stage;
import io.seawall.warehouse.ReturnArrival.Inspection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.RestClient;

/**
 * The Goodcang adapter against a stand-in for Goodcang's open API (RESTful V1). The bodies in
 * {@code warehouse/goodcang/} follow the published examples for order/create_order,
 * order/get_order_by_code (the same order object get_order_by_ref_code answers), return_order/search
 * and inventory/get_product_inventory (https://open.goodcang.com/docs_api/...), with this test's
 * reference, SKU and buyer; the failure envelope is the V1 {@code ask/Error} shape Goodcang
 * answers, with the error text each test needs.
 */
class GoodcangWarehouseTest {

  private static final String KEY = "gc-app-key-7f3a";
  private static final String TOKEN = "gc-app-token-91bd0c";
  private static final String ROOT = "/public_open";
  private static final String REFERENCE = "SW-C42-RESHIP-1";

  @RegisterExtension
  static WireMockExtension goodcang = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final OverseasWarehouse warehouse = GoodcangWarehouse.create(new GoodcangSettings(
      goodcang.baseUrl() + ROOT, KEY, TOKEN, Duration.ofSeconds(2), Duration.ofSeconds(5),
      List.of(new GoodcangSettings.Site("GC-DE-FRA", "DE", "DHL-PAKET"))), RestClient.builder());

  @Test
  void placingPostsTheReferenceAddressAndLinesWithTheAppKeyAndToken() {
    stub("/order/get_order_by_ref_code", answer("order-by-ref-unknown.json"));
    stub("/order/create_order", answer("create-order-success.json"));

    OutboundOrder placed = warehouse.placeOutbound(request());

    assertThat(placed).isEqualTo(new OutboundOrder(REFERENCE, "GC-DE-FRA", "G1149-240601-0007", Stage.ACCEPTED, null, null));
    goodcang.verify(postRequestedFor(urlEqualTo(ROOT + "/order/create_order"))
        .withHeader("app-key", equalTo(KEY))
        .withHeader("app-token", equalTo(TOKEN))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(body("create-order-request.json"))));
  }

  @Test
  void placingTheSameReferenceAgainAnswersTheFirstOrderAndCreatesNoSecond() {
    stub("/order/get_order_by_ref_code", answer("order-by-ref-accepted.json"));

    OutboundOrder again = warehouse.placeOutbound(request());

    assertThat(again.warehouseOrderId()).isEqualTo("G1149-240601-0007");
    assertThat(again.reference()).isEqualTo(REFERENCE);
    goodcang.verify(postRequestedFor(urlEqualTo(ROOT + "/order/get_order_by_ref_code"))
        .withHeader("app-key", equalTo(KEY))
        .withRequestBody(equalToJson("{\"reference_no\": \"" + REFERENCE + "\"}")));
    goodcang.verify(0, postRequestedFor(urlEqualTo(ROOT + "/order/create_order")));
  }

  @Test
  void aCreateRefusedBecauseAConcurrentAttemptWonTheReferenceAnswersThatOrder() {
    goodcang.stubFor(post(ROOT + "/order/get_order_by_ref_code").inScenario("race").whenScenarioStateIs("Started")
        .willReturn(answer("order-by-ref-unknown.json")).willSetStateTo("created elsewhere"));
    goodcang.stubFor(post(ROOT + "/order/get_order_by_ref_code").inScenario("race").whenScenarioStateIs("created elsewhere")
        .willReturn(answer("order-by-ref-accepted.json")));
    stub("/order/create_order", failure("10100003", "reference_no already exists"));

    assertThat(warehouse.placeOutbound(request()).warehouseOrderId()).isEqualTo("G1149-240601-0007");
  }

  @Test
  void aRefusalWithTooLittleSellableStockIsOutOfStock() {
    stub("/order/get_order_by_ref_code", answer("order-by-ref-unknown.json"));
    stub("/order/create_order", failure("10100023", "库存不足"));
    stub("/inventory/get_product_inventory", answerWith(body("inventory.json").replace("SELLABLE", "0")));

    OutboundRefused refused = catchThrowableOfType(OutboundRefused.class, () -> warehouse.placeOutbound(request()));

    assertThat(refused).isInstanceOf(OutboundRefused.OutOfStock.class);
    assertThat(refused.getMessage()).contains("TSHIRT-M-BLUE");
    goodcang.verify(postRequestedFor(urlEqualTo(ROOT + "/inventory/get_product_inventory"))
        .withRequestBody(equalToJson("{\"page\": 1, \"pageSize\": 100, \"product_sku_arr\": [\"TSHIRT-M-BLUE\"],"
            + " \"warehouse_code\": \"DE\"}")));
  }

  @Test
  void anAddressRefusalNamesTheFieldAndNeverTheValue() {
    stub("/order/get_order_by_ref_code", answer("order-by-ref-unknown.json"));
    stub("/order/create_order", failure("10100012", "zipcode 60314 does not match city Frankfurt am Main"));
    stub("/inventory/get_product_inventory", answerWith(body("inventory.json").replace("SELLABLE", "12")));

    OutboundRefused refused = catchThrowableOfType(OutboundRefused.class, () -> warehouse.placeOutbound(request()));

    assertThat(refused).isInstanceOf(OutboundRefused.AddressInvalid.class);
    assertThat(refused.getMessage()).endsWith("postalCode").doesNotContain("60314", "Frankfurt");
  }

  @Test
  void anyOtherRefusalIsRejectedWithGoodcangsReasonButWithoutTheBuyersData() {
    stub("/order/get_order_by_ref_code", answer("order-by-ref-unknown.json"));
    stub("/order/create_order", failure("10100051", "shipping_method DHL-PAKET not available for Lena Vogel"));
    stub("/inventory/get_product_inventory", answerWith(body("inventory.json").replace("SELLABLE", "12")));

    OutboundRefused refused = catchThrowableOfType(OutboundRefused.class, () -> warehouse.placeOutbound(request()));

    assertThat(refused).isInstanceOf(OutboundRefused.Rejected.class);
    assertThat(refused.getMessage()).contains("10100051", "DHL-PAKET not available").doesNotContain("Lena Vogel");
  }

  @Test
  void aShippedOrderNamesItsShippingMethodAndTrackingNumber() {
    stub("/order/get_order_by_ref_code", answer("order-by-ref-shipped.json"));

    OutboundOrder shipped = warehouse.outbound("GC-DE-FRA", REFERENCE);

    assertThat(shipped.stage()).isEqualTo(Stage.SHIPPED);
    assertThat(shipped.carrier()).isEqualTo("DHL-PAKET");
    assertThat(shipped.trackingNumber()).isEqualTo("00340434161094042557");
  }

  @ParameterizedTest(name = "order_status {0} -> {1}")
  @CsvSource({"C, ACCEPTED", "H, ACCEPTED", "N, ACCEPTED", "P, ACCEPTED", "W, PICKING", "X, CANCELLED"})
  void everyGoodcangOrderStatusMapsToAStage(String status, Stage stage) {
    stub("/order/get_order_by_ref_code",
        answerWith(body("order-by-ref-accepted.json").replace("\"order_status\": \"C\"", "\"order_status\": \"" + status + "\"")));

    OutboundOrder order = warehouse.outbound("GC-DE-FRA", REFERENCE);

    assertThat(order.stage()).isEqualTo(stage);
    assertThat(order.trackingNumber()).isNull();
  }

  @Test
  void cancellingPostsGoodcangsOrderCode() {
    stub("/order/get_order_by_ref_code", answer("order-by-ref-accepted.json"));
    stub("/order/cancel_order", answer("cancel-order-success.json"));

    warehouse.cancelOutbound("GC-DE-FRA", REFERENCE);

    goodcang.verify(postRequestedFor(urlEqualTo(ROOT + "/order/cancel_order"))
        .withHeader("app-token", equalTo(TOKEN))
        .withRequestBody(equalToJson("{\"order_code\": \"G1149-240601-0007\"}", true, true)));
  }

  @Test
  void cancellingACancelledOrderDoesNothing() {
    stub("/order/get_order_by_ref_code",
        answerWith(body("order-by-ref-accepted.json").replace("\"order_status\": \"C\"", "\"order_status\": \"X\"")));

    warehouse.cancelOutbound("GC-DE-FRA", REFERENCE);

    goodcang.verify(0, postRequestedFor(urlEqualTo(ROOT + "/order/cancel_order")));
  }

  @Test
  void expectingAReturnCreatesAReturnOrderUnderTheReturnReferenceWithInspection() {
    stub("/return_order/search", answer("return-search-none.json"));
    stub("/return_order/create", answer("return-create-success.json"));

    warehouse.expectReturn(new ReturnNotice("RMA-7781", "GC-DE-FRA", "UPS", "1Z999AA10123456784",
        List.of(new OutboundRequest.Line("TSHIRT-M-BLUE", 1))));

    goodcang.verify(postRequestedFor(urlEqualTo(ROOT + "/return_order/create"))
        .withHeader("app-key", equalTo(KEY))
        .withRequestBody(equalToJson(body("return-create-request.json"))));
  }

  @ParameterizedTest(name = "sellable {0}, unsellable {1} -> {2}")
  @CsvSource({"1, 0, PASS", "1, 1, PARTIAL", "0, 1, FAIL"})
  void aProcessedReturnIsInspectedByItsSellableAndUnsellableCounts(int sellable, int unsellable, Inspection verdict) {
    stub("/return_order/search", answerWith(body("return-search.json").replace("ASRO_STATUS", "5")
        .replace("UNSELLABLE", String.valueOf(unsellable)).replace("SELLABLE", String.valueOf(sellable))));

    ReturnArrival arrival = warehouse.returnArrival("GC-DE-FRA", "RMA-7781");

    assertThat(arrival.stage()).isEqualTo(ReturnArrival.Stage.INSPECTED);
    assertThat(arrival.inspection()).isEqualTo(verdict);
    goodcang.verify(postRequestedFor(urlEqualTo(ROOT + "/return_order/search"))
        .withRequestBody(equalToJson("{\"reference_no\": \"RMA-7781\"}")));
  }

  @Test
  void aReturnReceivedButNotProcessedAwaitsInspection() {
    stub("/return_order/search", answerWith(body("return-search.json").replace("ASRO_STATUS", "4")
        .replace("UNSELLABLE", "0").replace("SELLABLE", "0")));

    ReturnArrival arrival = warehouse.returnArrival("GC-DE-FRA", "RMA-7781");

    assertThat(arrival.stage()).isEqualTo(ReturnArrival.Stage.RECEIVED);
    assertThat(arrival.inspection()).isNull();
  }

  @Test
  void throttlingCarriesTheRetryAfterDuration() {
    stub("/order/get_order_by_ref_code", aResponse().withStatus(429).withHeader("Retry-After", "12"));

    WarehouseFailure.Throttled throttled = catchThrowableOfType(WarehouseFailure.Throttled.class,
        () -> warehouse.outbound("GC-DE-FRA", REFERENCE));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(12));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503})
  void aServerErrorIsUnavailable(int status) {
    stub("/order/get_order_by_ref_code", aResponse().withStatus(status).withBody("<html>Bad Gateway</html>"));

    assertThatThrownBy(() -> warehouse.placeOutbound(request()))
        .isInstanceOf(WarehouseFailure.Unavailable.class)
        .hasMessageContaining("HTTP " + status);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {401, 403})
  void badCredentialsAreUnauthorizedAndTheMessageCarriesNeitherKeyNorToken(int status) {
    stub("/order/get_order_by_ref_code", aResponse().withStatus(status));

    assertThatThrownBy(() -> warehouse.outbound("GC-DE-FRA", REFERENCE))
        .isInstanceOf(WarehouseFailure.Unauthorized.class)
        .hasMessageContaining("seawall.warehouse.goodcang.app-key")
        .hasMessageNotContaining(KEY)
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void theSettingsNeverShowTheKeyOrToken() {
    assertThat(new GoodcangSettings("u", KEY, TOKEN, Duration.ZERO, Duration.ZERO, List.of()).toString())
        .doesNotContain(KEY, TOKEN);
  }

  private static OutboundRequest request() {
    return new OutboundRequest(REFERENCE, "GC-DE-FRA", List.of(new OutboundRequest.Line("TSHIRT-M-BLUE", 1)),
        new OutboundRequest.ShipTo("Lena Vogel", "Hanauer Landstrasse 291", null, "Frankfurt am Main", "HE", "60314",
            "DE", "+4969123456"));
  }

  private static void stub(String path, ResponseDefinitionBuilder answer) {
    goodcang.stubFor(post(ROOT + path).willReturn(answer));
  }

  private static ResponseDefinitionBuilder answer(String file) {
    return answerWith(body(file));
  }

  private static ResponseDefinitionBuilder failure(String code, String message) {
    return answerWith(body("create-order-failure.json").replace("ERROR_CODE", code).replace("ERROR_MESSAGE", message));
  }

  private static ResponseDefinitionBuilder answerWith(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static String body(String file) {
    return Fixtures.text("warehouse/goodcang/" + file);
  }
}
