package io.seawall.carrier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.seawall.Fixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Return labels against a stand-in for EasyPost's Shipments API. The bodies in {@code
 * carrier/easypost/} follow the shapes of EasyPost's published examples (return shipment, buy,
 * refund, error envelope; https://docs.easypost.com/docs/shipments/returns,
 * https://docs.easypost.com/docs/errors) with Seawall's own values; error codes EasyPost does not
 * publish are illustrative.
 */
class EasyPostReturnLabelsTest {

  private static final String KEY = "EZTK_test_5a4b3c2d1e0f";
  private static final String SHIPMENT = "shp_7a1c0e2b9d8f4e6a8b3c5d7e9f1a2b3c";
  private static final String SITE = "4PX-US-LAX";
  private static final ReturnLabelRequest REQUEST = new ReturnLabelRequest("ORD-1042",
      new ReturnLabelRequest.Sender("Jordan Buyer", "417 Montgomery St", "Floor 5", "San Francisco", "CA", "94104", "US",
          "4155550134"), SITE, "US");
  private static final EasyPostSettings.Address LAX = new EasyPostSettings.Address("Returns Dept", "4PX US",
      "2800 E Del Amo Blvd", "Dock 7", "Rancho Dominguez", "CA", "90221", "US", "3105550100", "returns@4px-us.example");

  @RegisterExtension
  static WireMockExtension easyPost = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  private final ReturnLabels labels = adapter(Duration.ofSeconds(5));
  private final String key = "case-" + UUID.randomUUID() + ":send-return-label";

  @Test
  void aQuoteRatesAReturnShipmentFromTheSitesAddressWithTheApiKeyAsBasicUser() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated.json")));

    labels.quote(REQUEST);

    easyPost.verify(postRequestedFor(urlEqualTo("/v2/shipments"))
        .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(UTF_8))))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(body("create-return-shipment-request.json"))));
  }

  @Test
  void aQuoteAnswersTheCheapestRate() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated.json")));

    assertThat(labels.quote(REQUEST)).isEqualTo(new LabelQuote("USPS", "GroundAdvantage", new BigDecimal("7.15"), "USD"));
  }

  @Test
  void aRateInAnotherCurrencyIsNotComparedAsIfItWereDollars() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated-two-currencies.json")));

    assertThat(labels.quote(REQUEST).cost()).isEqualByComparingTo("7.15");
  }

  @Test
  void noRateIsRefusedWithTheCarriersReasons() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-no-rates.json")));

    CarrierFailure.Refused refused = catchThrowableOfType(CarrierFailure.Refused.class, () -> labels.quote(REQUEST));

    assertThat(refused.code()).isEqualTo("NO_RATES");
    assertThat(refused.providerMessage()).contains("UPS: Missing or invalid ship to postal code.");
  }

  @Test
  void aSiteWithoutAReturnAddressIsRefusedWithoutAskingEasyPost() {
    CarrierFailure.Refused refused = catchThrowableOfType(CarrierFailure.Refused.class,
        () -> labels.quote(new ReturnLabelRequest("ORD-1042", ReturnLabelRequest.Sender.inCountry("DE"), "GC-DE-FRA", "DE")));

    assertThat(refused.code()).isEqualTo("RETURN_ADDRESS_NOT_CONFIGURED");
    assertThat(refused.providerMessage()).contains("seawall.carrier.easypost.return-addresses.GC-DE-FRA");
    easyPost.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void buyingBuysTheCheapestRateOfTheShipmentItCreated() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated.json")));
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/buy").willReturn(answer(200, "shipment-return-bought.json")));

    ReturnLabel label = labels.buy(REQUEST, key);

    assertThat(label.labelId()).isEqualTo(SHIPMENT);
    assertThat(label.carrier()).isEqualTo("USPS");
    assertThat(label.trackingNumber()).isEqualTo("9434600208303110000042");
    assertThat(label.labelUrl()).isEqualTo("https://easypost-files.example/files/postage_label/20250602/8f1e.pdf");
    assertThat(label.cost()).isEqualByComparingTo("7.15");
    assertThat(label.currency()).isEqualTo("USD");
    easyPost.verify(postRequestedFor(urlEqualTo("/v2/shipments/" + SHIPMENT + "/buy"))
        .withRequestBody(equalToJson("{\"rate\": {\"id\": \"rate_ground_9e1f\"}}")));
  }

  @Test
  void buyingAgainWithTheSameKeyAnswersTheFirstLabelWithoutAskingEasyPost() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated.json")));
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/buy").willReturn(answer(200, "shipment-return-bought.json")));
    ReturnLabel first = labels.buy(REQUEST, key);

    ReturnLabel again = labels.buy(REQUEST, key);

    assertThat(again).isEqualTo(first);
    easyPost.verify(1, postRequestedFor(urlEqualTo("/v2/shipments")));
    easyPost.verify(1, postRequestedFor(urlEqualTo("/v2/shipments/" + SHIPMENT + "/buy")));
  }

  @Test
  void aBuyWhoseAnswerWasLostIsAnsweredFromTheShipmentAndNotBoughtAgain() {
    ReturnLabels impatient = adapter(Duration.ofMillis(300));
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated.json")));
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/buy")
        .willReturn(answer(200, "shipment-return-bought.json").withFixedDelay(3_000)));
    assertThatThrownBy(() -> impatient.buy(REQUEST, key)).isInstanceOf(CarrierFailure.Unavailable.class);
    easyPost.stubFor(get("/v2/shipments/" + SHIPMENT).willReturn(answer(200, "shipment-return-bought.json")));

    ReturnLabel label = labels.buy(REQUEST, key);

    assertThat(label.trackingNumber()).isEqualTo("9434600208303110000042");
    easyPost.verify(1, postRequestedFor(urlEqualTo("/v2/shipments")));
    easyPost.verify(1, postRequestedFor(urlEqualTo("/v2/shipments/" + SHIPMENT + "/buy")));
  }

  @Test
  void aBuyThatFailedBeforeBuyingBuysTheSameShipmentOnTheNextAttempt() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated.json")));
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/buy").inScenario("buy").whenScenarioStateIs(STARTED)
        .willReturn(answer(503, "error-500-internal.json")).willSetStateTo("recovered"));
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/buy").inScenario("buy").whenScenarioStateIs("recovered")
        .willReturn(answer(200, "shipment-return-bought.json")));
    easyPost.stubFor(get("/v2/shipments/" + SHIPMENT).willReturn(answer(200, "shipment-return-rated.json")));
    assertThatThrownBy(() -> labels.buy(REQUEST, key)).isInstanceOf(CarrierFailure.Unavailable.class);

    ReturnLabel label = labels.buy(REQUEST, key);

    assertThat(label.labelId()).isEqualTo(SHIPMENT);
    easyPost.verify(1, postRequestedFor(urlEqualTo("/v2/shipments")));
    easyPost.verify(2, postRequestedFor(urlEqualTo("/v2/shipments/" + SHIPMENT + "/buy")));
  }

  @Test
  void aPurchaseEasyPostRefusesBecauseTheShipmentWasBoughtMeanwhileAnswersThatLabel() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated.json")));
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/buy").willReturn(answer(422, "error-422-postage-failure.json")));
    easyPost.stubFor(get("/v2/shipments/" + SHIPMENT).willReturn(answer(200, "shipment-return-bought.json")));

    assertThat(labels.buy(REQUEST, key).trackingNumber()).isEqualTo("9434600208303110000042");
  }

  @Test
  void aPurchaseEasyPostRefusesIsRefusedWithItsCodeAndFieldErrors() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated.json")));
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/buy").willReturn(answer(422, "error-422-postage-failure.json")));
    easyPost.stubFor(get("/v2/shipments/" + SHIPMENT).willReturn(answer(200, "shipment-return-rated.json")));

    CarrierFailure.Refused refused = catchThrowableOfType(CarrierFailure.Refused.class, () -> labels.buy(REQUEST, key));

    assertThat(refused.code()).isEqualTo("SHIPMENT.POSTAGE.FAILURE");
    assertThat(refused.providerMessage())
        .isEqualTo("The carrier could not create the label. (to_address.street1 cannot be blank)");
  }

  @Test
  void voidingAsksEasyPostToRefundTheShipmentsPostage() {
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/refund").willReturn(answer(200, "shipment-refund-submitted.json")));

    labels.voidLabel(SHIPMENT);

    easyPost.verify(postRequestedFor(urlEqualTo("/v2/shipments/" + SHIPMENT + "/refund"))
        .withHeader("Content-Type", absent()));
  }

  @Test
  void voidingALabelWhoseRefundWasAlreadyAskedForDoesNothing() {
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/refund").willReturn(answer(422, "error-422-already-refunded.json")));
    easyPost.stubFor(get("/v2/shipments/" + SHIPMENT).willReturn(answer(200, "shipment-refund-submitted.json")));

    labels.voidLabel(SHIPMENT);

    easyPost.verify(getRequestedFor(urlEqualTo("/v2/shipments/" + SHIPMENT)));
  }

  @Test
  void aRefundTheCarrierRejectsIsRefused() {
    easyPost.stubFor(post("/v2/shipments/" + SHIPMENT + "/refund").willReturn(answer(200, "shipment-refund-rejected.json")));

    CarrierFailure.Refused refused = catchThrowableOfType(CarrierFailure.Refused.class, () -> labels.voidLabel(SHIPMENT));

    assertThat(refused.code()).isEqualTo("REFUND_REJECTED");
  }

  @Test
  void throttlingCarriesTheRetryAfterDuration() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(429, "error-429-rate-limited.json").withHeader("Retry-After", "12")));

    CarrierFailure.Throttled throttled = catchThrowableOfType(CarrierFailure.Throttled.class, () -> labels.quote(REQUEST));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(12));
  }

  @Test
  void aServerErrorIsUnavailable() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(500, "error-500-internal.json")));

    assertThatThrownBy(() -> labels.buy(REQUEST, key))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void rejectedCredentialsAreUnauthorizedAndTheMessageNeverCarriesTheKey() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answerWith(401,
        body("error-401-unauthorized.json").replace("This api key", "The api key " + KEY))));

    CarrierFailure.Unauthorized unauthorized =
        catchThrowableOfType(CarrierFailure.Unauthorized.class, () -> labels.quote(REQUEST));

    assertThat(unauthorized).hasMessageContaining("HTTP 401");
    assertThat(unauthorized.toString()).doesNotContain(KEY);
  }

  @Test
  void aReadTimeoutIsUnavailable() {
    easyPost.stubFor(post("/v2/shipments").willReturn(answer(201, "shipment-return-rated.json").withFixedDelay(3_000)));

    assertThatThrownBy(() -> adapter(Duration.ofMillis(300)).quote(REQUEST))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasCauseInstanceOf(ResourceAccessException.class);
  }

  private static ReturnLabels adapter(Duration readTimeout) {
    EasyPostSettings settings = settings(easyPost.baseUrl() + "/v2", KEY, readTimeout);
    return new EasyPostReturnLabels(EasyPostClient.create(settings, RestClient.builder(), "seawall.carrier.labels"),
        settings, EasyPostBooks.db(), Clock.systemUTC());
  }

  static EasyPostSettings settings(String baseUrl, String apiKey, Duration readTimeout) {
    return new EasyPostSettings(baseUrl, apiKey, Duration.ofSeconds(2), readTimeout, Map.of(SITE, LAX),
        new EasyPostSettings.ReturnParcel(new BigDecimal("12"), new BigDecimal("9"), new BigDecimal("4"),
            new BigDecimal("32")),
        List.of(), Map.of(), "claims@seller.example");
  }

  static ResponseDefinitionBuilder answer(int status, String file) {
    return answerWith(status, body(file));
  }

  static ResponseDefinitionBuilder answerWith(int status, String json) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
  }

  static String body(String file) {
    return Fixtures.text("carrier/easypost/" + file);
  }
}
