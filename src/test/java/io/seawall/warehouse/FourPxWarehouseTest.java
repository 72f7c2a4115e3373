package io.seawall.warehouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import io.seawall.warehouse.OutboundOrder.Stage;
import io.seawall.warehouse.ReturnArrival.Inspection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.DigestUtils;
import org.springframework.web.client.RestClient;

/**
 * The 4PX adapter against a stand-in for the 4PX open platform's router. The bodies in
 * {@code warehouse/fourpx/} follow the fields of fu.wms.outbound.create/getlist/cancel and
 * re.grs.rma.create/rmainfo.get/list as 4PX's API pages name them (http://open.4px.com/apiInfo/...,
 * read through the EalenXie fop-sdk and ipking express-4px-php-sdk clients), with this test's
 * reference, SKU and buyer; error codes are the ones those clients list.
 */
class FourPxWarehouseTest {

  private static final String KEY = "c7665454-4px-app-key";
  private static final String SECRET = "4e511e36-4px-app-secret";
  private static final String ROUTER = "/router/api/service";
  private static final String REFERENCE = "SW-C77-RESHIP-1";
  private static final Instant NOW = Instant.parse("2024-06-01T08:00:00Z");

  @RegisterExtension
  static WireMockExtension fourPx = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Map<String, String> returnNumbers = new HashMap<>();
  private final OverseasWarehouse warehouse = FourPxWarehouse.create(new FourPxSettings(
      fourPx.baseUrl(), KEY, SECRET, null, "900278", Duration.ofSeconds(2), Duration.ofSeconds(5),
      List.of(new FourPxSettings.Site("4PX-US-LAX", "USLAXA", "F801", "USLAXR", "GRS-STD"))),
      RestClient.builder(), new ReturnOrderNumbers() {
        @Override
        public void remember(String provider, String returnReference, String providerNumber) {
          returnNumbers.putIfAbsent(provider + "/" + returnReference, providerNumber);
        }

        @Override
        public Optional<String> recall(String provider, String returnReference) {
          return Optional.ofNullable(returnNumbers.get(provider + "/" + returnReference));
        }
      }, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void placingPostsTheReferenceAddressAndLinesSignedWithTheAppSecret() {
    stub("fu.wms.outbound.getlist", answer("outbound-list-empty.json"));
    stub("fu.wms.outbound.create", answer("outbound-create-success.json"));

    OutboundOrder placed = warehouse.placeOutbound(request());

    assertThat(placed).isEqualTo(new OutboundOrder(REFERENCE, "4PX-US-LAX", "OC9002781804180098", Stage.ACCEPTED, null, null));
    fourPx.verify(postRequestedFor(urlPathEqualTo(ROUTER))
        .withQueryParam("method", equalTo("fu.wms.outbound.create"))
        .withQueryParam("app_key", equalTo(KEY))
        .withQueryParam("v", equalTo("1.0.0"))
        .withQueryParam("format", equalTo("json"))
        .withQueryParam("timestamp", equalTo(String.valueOf(NOW.toEpochMilli())))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(body("outbound-create-request.json"))));
  }

  @Test
  void theSignIsTheMd5OfKeyFormatMethodTimestampVersionBodyAndSecret() {
    stub("fu.wms.outbound.getlist", answer("outbound-list-empty.json"));
    stub("fu.wms.outbound.create", answer("outbound-create-success.json"));

    warehouse.placeOutbound(request());

    LoggedRequest create = fourPx.findAll(postRequestedFor(urlPathEqualTo(ROUTER))
        .withQueryParam("method", equalTo("fu.wms.outbound.create"))).getFirst();
    String expected = DigestUtils.md5DigestAsHex(("app_key" + KEY + "formatjson" + "methodfu.wms.outbound.create"
        + "timestamp" + NOW.toEpochMilli() + "v1.0.0" + create.getBodyAsString() + SECRET).getBytes(UTF_8));
    assertThat(create.queryParameter("sign").firstValue()).isEqualTo(expected);
    assertThat(create.getUrl()).doesNotContain(SECRET);
  }

  @Test
  void placingTheSameReferenceAgainAnswersTheFirstOrderAndCreatesNoSecond() {
    stub("fu.wms.outbound.getlist",
        answerWith(body("outbound-list.json").replace("STATUS", "S").replace("SHIPPING_NO", "")));

    OutboundOrder again = warehouse.placeOutbound(request());

    assertThat(again.warehouseOrderId()).isEqualTo("OC9002781804180098");
    assertThat(again.stage()).isEqualTo(Stage.PICKING);
    fourPx.verify(postRequestedFor(urlPathEqualTo(ROUTER)).withQueryParam("method", equalTo("fu.wms.outbound.getlist"))
        .withRequestBody(equalToJson("{\"ref_no\": \"" + REFERENCE + "\"}", true, true)));
    fourPx.verify(0, postRequestedFor(urlPathEqualTo(ROUTER)).withQueryParam("method", equalTo("fu.wms.outbound.create")));
  }

  @Test
  void notEnoughStockIsOutOfStock() {
    stub("fu.wms.outbound.getlist", answer("outbound-list-empty.json"));
    stub("fu.wms.outbound.create", failure("AVALIABLE_STOCK_IS_NOT_ENOUGH", "库存不足 MUG-350-WHITE"));

    OutboundRefused refused = catchThrowableOfType(OutboundRefused.class, () -> warehouse.placeOutbound(request()));

    assertThat(refused).isInstanceOf(OutboundRefused.OutOfStock.class);
    assertThat(refused.problem()).isEqualTo("OUT_OF_STOCK");
    assertThat(refused.getMessage()).contains("MUG-350-WHITE");
  }

  @Test
  void anAddressRefusalNamesTheFieldAndNeverTheValue() {
    stub("fu.wms.outbound.getlist", answer("outbound-list-empty.json"));
    stub("fu.wms.outbound.create", failure("ERR_OUTBOUND_CONSIGNMENT_STREET_EMPTY", "出库委托[街道]不能为空: 1200 E Green St"));

    OutboundRefused refused = catchThrowableOfType(OutboundRefused.class, () -> warehouse.placeOutbound(request()));

    assertThat(refused).isInstanceOf(OutboundRefused.AddressInvalid.class);
    assertThat(refused.getMessage()).endsWith("line1").doesNotContain("Green St");
  }

  @Test
  void anyOtherRefusalIsRejectedWithFourPxsReasonButWithoutTheBuyersData() {
    stub("fu.wms.outbound.getlist", answer("outbound-list-empty.json"));
    stub("fu.wms.outbound.create", failure("ERR_LOGISTICS_PRODUCT_NOT_AVAILABLE", "F801 does not serve Maya Ortiz"));

    OutboundRefused refused = catchThrowableOfType(OutboundRefused.class, () -> warehouse.placeOutbound(request()));

    assertThat(refused).isInstanceOf(OutboundRefused.Rejected.class);
    assertThat(refused.getMessage()).contains("ERR_LOGISTICS_PRODUCT_NOT_AVAILABLE").doesNotContain("Maya Ortiz");
  }

  @Test
  void aShippedConsignmentNamesItsCarrierAndLastMileTrackingNumber() {
    stub("fu.wms.outbound.getlist",
        answerWith(body("outbound-list.json").replace("STATUS", "C").replace("SHIPPING_NO", "9400111899223100001234")));

    OutboundOrder shipped = warehouse.outbound("4PX-US-LAX", REFERENCE);

    assertThat(shipped.stage()).isEqualTo(Stage.SHIPPED);
    assertThat(shipped.carrier()).isEqualTo("USPS");
    assertThat(shipped.trackingNumber()).isEqualTo("9400111899223100001234");
  }

  @ParameterizedTest(name = "status {0} -> {1}")
  @CsvSource({"N, ACCEPTED", "E, ACCEPTED", "S, PICKING", "P, PICKING", "X, CANCELLED", "D, CANCELLED"})
  void everyConsignmentStatusMapsToAStage(String status, Stage stage) {
    stub("fu.wms.outbound.getlist",
        answerWith(body("outbound-list.json").replace("STATUS", status).replace("SHIPPING_NO", "")));

    assertThat(warehouse.outbound("4PX-US-LAX", REFERENCE).stage()).isEqualTo(stage);
  }

  @Test
  void cancellingPostsTheReferenceWithAReason() {
    stub("fu.wms.outbound.getlist", answerWith(body("outbound-list.json").replace("STATUS", "S").replace("SHIPPING_NO", "")));
    stub("fu.wms.outbound.cancel", answer("outbound-cancel-success.json"));

    warehouse.cancelOutbound("4PX-US-LAX", REFERENCE);

    fourPx.verify(postRequestedFor(urlPathEqualTo(ROUTER)).withQueryParam("method", equalTo("fu.wms.outbound.cancel"))
        .withRequestBody(equalToJson("{\"ref_no\": \"" + REFERENCE + "\", \"cancel_type\": \"OT\"}", true, true)));
  }

  @Test
  void cancellingAnOrderCancelledMeanwhileDoesNothing() {
    stub("fu.wms.outbound.getlist", answerWith(body("outbound-list.json").replace("STATUS", "S").replace("SHIPPING_NO", "")));
    stub("fu.wms.outbound.cancel", failure("ERR_OUTBOUND_CONSIGNMENT_REPEAT_CANCEL", "出库委托 重复取消"));

    warehouse.cancelOutbound("4PX-US-LAX", REFERENCE);
  }

  @Test
  void expectingAReturnForecastsItAtGrsAndKeepsItsRmaNumber() {
    stub("re.grs.rma.create", answer("rma-create-success.json"));

    warehouse.expectReturn(notice());

    fourPx.verify(postRequestedFor(urlPathEqualTo(ROUTER)).withQueryParam("method", equalTo("re.grs.rma.create"))
        .withRequestBody(equalToJson(body("rma-create-request.json"))));
    assertThat(returnNumbers).containsEntry("4PX/RMA-9120", "RMA2406100000123");
  }

  @Test
  void expectingAReturnAgainForecastsNothingNew() {
    stub("re.grs.rma.create", answer("rma-create-success.json"));

    warehouse.expectReturn(notice());
    warehouse.expectReturn(notice());

    fourPx.verify(1, postRequestedFor(urlPathEqualTo(ROUTER)).withQueryParam("method", equalTo("re.grs.rma.create")));
  }

  @Test
  void aForecastWhoseAnswerWasLostIsFoundByItsTrackingNumber() {
    stub("re.grs.rma.create", failure("12001", "物流跟踪号：9400111899223197428490重复，不能创建退货预报单"));
    stub("re.grs.rmainfo.list", answer("rma-list.json"));

    warehouse.expectReturn(notice());

    assertThat(returnNumbers).containsEntry("4PX/RMA-9120", "RMA2406100000123");
    fourPx.verify(postRequestedFor(urlPathEqualTo(ROUTER)).withQueryParam("method", equalTo("re.grs.rmainfo.list"))
        .withRequestBody(equalToJson("{\"received_shipping_no\": \"9400111899223197428490\"}", true, true)));
  }

  @ParameterizedTest(name = "{0}, is_normal {1} -> {2} {3}")
  @CsvSource({
      "WAIT_RECEIVER, Y, EXPECTED, ",
      "WAIT_CHECK, Y, RECEIVED, ",
      "PUT_AWAY_SUCCESS, Y, INSPECTED, PASS",
      "PUT_AWAY_SUCCESS, N, INSPECTED, PARTIAL",
      "DESTROY_SUCCESS, Y, INSPECTED, FAIL"})
  void aReturnsGrsStatusMapsToItsStageAndVerdict(
      String status, String normal, ReturnArrival.Stage stage, Inspection verdict) {
    returnNumbers.put("4PX/RMA-9120", "RMA2406100000123");
    stub("re.grs.rmainfo.get", answerWith(body("rma-get.json").replace("STATUS", status).replace("IS_NORMAL", normal)));

    ReturnArrival arrival = warehouse.returnArrival("4PX-US-LAX", "RMA-9120");

    assertThat(arrival.stage()).isEqualTo(stage);
    assertThat(arrival.inspection()).isEqualTo(verdict);
    fourPx.verify(postRequestedFor(urlPathEqualTo(ROUTER)).withQueryParam("method", equalTo("re.grs.rmainfo.get"))
        .withRequestBody(equalToJson("{\"rma_no\": \"RMA2406100000123\"}")));
  }

  @Test
  void aReturnWithoutReceiptInformationIsStillExpected() {
    returnNumbers.put("4PX/RMA-9120", "RMA2406100000123");
    stub("re.grs.rmainfo.get", failure("22001", "退货单：RMA2406100000123暂无收货信息"));

    assertThat(warehouse.returnArrival("4PX-US-LAX", "RMA-9120").stage()).isEqualTo(ReturnArrival.Stage.EXPECTED);
  }

  @Test
  void throttlingCarriesTheRetryAfterDuration() {
    stub("fu.wms.outbound.getlist", aResponse().withStatus(429).withHeader("Retry-After", "30"));

    WarehouseFailure.Throttled throttled = catchThrowableOfType(WarehouseFailure.Throttled.class,
        () -> warehouse.outbound("4PX-US-LAX", REFERENCE));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503})
  void aServerErrorIsUnavailable(int status) {
    stub("fu.wms.outbound.getlist", aResponse().withStatus(status).withBody("<html>Service Unavailable</html>"));

    assertThatThrownBy(() -> warehouse.placeOutbound(request()))
        .isInstanceOf(WarehouseFailure.Unavailable.class)
        .hasMessageContaining("HTTP " + status);
  }

  @Test
  void fourPxsSystemBusyAnswerIsUnavailable() {
    stub("fu.wms.outbound.getlist", failure("1001", "系统繁忙，请稍后再试或联系我们"));

    assertThatThrownBy(() -> warehouse.outbound("4PX-US-LAX", REFERENCE)).isInstanceOf(WarehouseFailure.Unavailable.class);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {401, 403})
  void badCredentialsAreUnauthorizedAndTheMessageCarriesNoSecret(int status) {
    stub("fu.wms.outbound.getlist", aResponse().withStatus(status));

    assertThatThrownBy(() -> warehouse.outbound("4PX-US-LAX", REFERENCE))
        .isInstanceOf(WarehouseFailure.Unauthorized.class)
        .hasMessageContaining("seawall.warehouse.4px.app-key")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void theSettingsNeverShowTheSecret() {
    assertThat(new FourPxSettings("u", KEY, SECRET, "token-1", "c", Duration.ZERO, Duration.ZERO, List.of()).toString())
        .doesNotContain(SECRET, "token-1");
  }

  private static OutboundRequest request() {
    return new OutboundRequest(REFERENCE, "4PX-US-LAX", List.of(new OutboundRequest.Line("MUG-350-WHITE", 2)),
        new OutboundRequest.ShipTo("Maya Ortiz", "1200 E Green St", "Apt 4", "Pasadena", "CA", "91101", "US",
            "+16265550142"));
  }

  private static ReturnNotice notice() {
    return new ReturnNotice("RMA-9120", "4PX-US-LAX", "USPS", "9400111899223197428490",
        List.of(new OutboundRequest.Line("MUG-350-WHITE", 1)));
  }

  private static void stub(String method, ResponseDefinitionBuilder answer) {
    fourPx.stubFor(post(urlPathEqualTo(ROUTER)).withQueryParam("method", equalTo(method)).willReturn(answer));
  }

  private static ResponseDefinitionBuilder answer(String file) {
    return answerWith(body(file));
  }

  private static ResponseDefinitionBuilder failure(String code, String message) {
    return answerWith(body("failure.json").replace("ERROR_CODE", code).replace("ERROR_MESSAGE", message));
  }

  private static ResponseDefinitionBuilder answerWith(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static String body(String file) {
    return Fixtures.text("warehouse/fourpx/" + file);
  }
}
