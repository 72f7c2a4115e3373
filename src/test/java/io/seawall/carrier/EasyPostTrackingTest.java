package io.seawall.carrier;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.seawall.carrier.EasyPostReturnLabelsTest.answer;
import static io.seawall.carrier.EasyPostReturnLabelsTest.answerWith;
import static io.seawall.carrier.EasyPostReturnLabelsTest.body;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.seawall.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Tracking against a stand-in for EasyPost's Trackers API. The trackers in {@code carrier/easypost/}
 * follow EasyPost's published Tracker object (https://docs.easypost.com/docs/trackers); the signer,
 * the carrier's messages naming the buyer and the postal codes are there to prove they are dropped.
 */
class EasyPostTrackingTest {

  private static final String KEY = "EZAK_prod_0f1e2d3c4b5a";
  private static final String USPS_NUMBER = "9400111899223344556677";

  @RegisterExtension
  static WireMockExtension easyPost = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  private final CarrierTracking tracking = adapter(easyPost.baseUrl() + "/v2", Duration.ofSeconds(5), Map.of());

  @Test
  void registeringPostsTheTrackingCodeAndEasyPostsCarrierNameWithTheApiKeyAsBasicUser() {
    easyPost.stubFor(post("/v2/trackers").willReturn(answer(201, "tracker-out-for-delivery.json")));

    tracking.register("usps", USPS_NUMBER);

    easyPost.verify(postRequestedFor(urlEqualTo("/v2/trackers"))
        .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(UTF_8))))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(body("create-tracker-request.json"))));
  }

  @Test
  void aCarrierEasyPostHasNoNameForIsLeftToEasyPostToDetect() {
    easyPost.stubFor(post("/v2/trackers").willReturn(answer(201, "tracker-out-for-delivery.json")));

    tracking.register("yunexpress", USPS_NUMBER);

    easyPost.verify(postRequestedFor(urlEqualTo("/v2/trackers"))
        .withRequestBody(equalToJson("{\"tracker\": {\"tracking_code\": \"" + USPS_NUMBER + "\"}}")));
  }

  @Test
  void aConfiguredCarrierNameIsSentForItsSlug() {
    CarrierTracking configured = adapter(easyPost.baseUrl() + "/v2", Duration.ofSeconds(5), Map.of("dpd", "DPDUK"));
    easyPost.stubFor(post("/v2/trackers").willReturn(answer(201, "tracker-out-for-delivery.json")));

    configured.register("dpd", USPS_NUMBER);

    easyPost.verify(postRequestedFor(urlEqualTo("/v2/trackers"))
        .withRequestBody(equalToJson("{\"tracker\": {\"tracking_code\": \"" + USPS_NUMBER + "\", \"carrier\": \"DPDUK\"}}")));
  }

  @Test
  void aTrackerBecomesATrackingWithItsScansInTimeOrder() {
    easyPost.stubFor(post("/v2/trackers").willReturn(answer(201, "tracker-out-for-delivery.json")));

    Tracking parcel = tracking.register("usps", USPS_NUMBER);

    assertThat(parcel.carrierSlug()).isEqualTo("usps");
    assertThat(parcel.trackingNumber()).isEqualTo(USPS_NUMBER);
    assertThat(parcel.status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
    assertThat(parcel.subStatus()).isEqualTo("out_for_delivery");
    assertThat(parcel.lastEventTime()).isEqualTo(Instant.parse("2025-06-05T13:05:00Z"));
    assertThat(parcel.events()).containsExactly(
        new TrackingEvent(Instant.parse("2025-06-03T10:00:00Z"), TrackingStatus.INFO_RECEIVED, "label_created",
            "RANCHO DOMINGUEZ, CA", null),
        new TrackingEvent(Instant.parse("2025-06-04T02:30:00Z"), TrackingStatus.IN_TRANSIT, "arrived_at_facility",
            null, null),
        new TrackingEvent(Instant.parse("2025-06-05T13:05:00Z"), TrackingStatus.OUT_FOR_DELIVERY, "out_for_delivery",
            "SPRINGFIELD, IL, US", null));
  }

  @Test
  void theSignerTheCarriersWordsAndThePostalCodeAreNotKept() {
    easyPost.stubFor(post("/v2/trackers").willReturn(answer(201, "tracker-out-for-delivery.json")));

    Tracking parcel = tracking.register("usps", USPS_NUMBER);

    assertThat(parcel.toString()).doesNotContain("Jane Buyer", "Evergreen", "62704", "90221");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "unknown, PENDING",
      "pre_transit, INFO_RECEIVED",
      "in_transit, IN_TRANSIT",
      "out_for_delivery, OUT_FOR_DELIVERY",
      "available_for_pickup, AVAILABLE_FOR_PICKUP",
      "delivered, DELIVERED",
      "return_to_sender, EXCEPTION",
      "failure, EXCEPTION",
      "cancelled, EXCEPTION",
      "error, EXCEPTION"})
  void everyEasyPostStatusMapsToTheVocabularyAndKeepsItsDetail(String status, TrackingStatus expected) {
    easyPost.stubFor(post("/v2/trackers").willReturn(answerWith(201, body("tracker-status.json")
        .replace("STATUS_UNDER_TEST", status).replace("DETAIL_UNDER_TEST", status + "_detail"))));

    Tracking parcel = tracking.register("ups", "1Z999AA10123456784");

    assertThat(parcel.status()).isEqualTo(expected);
    assertThat(parcel.subStatus()).isEqualTo(status + "_detail");
    assertThat(parcel.events()).singleElement().satisfies(event -> {
      assertThat(event.status()).isEqualTo(expected);
      assertThat(event.subStatus()).isEqualTo(status + "_detail");
    });
  }

  @Test
  void aStatusSeawallDoesNotKnowIsUnavailableRatherThanGuessed() {
    easyPost.stubFor(post("/v2/trackers").willReturn(answerWith(201, body("tracker-status.json")
        .replace("STATUS_UNDER_TEST", "teleported").replace("DETAIL_UNDER_TEST", "beamed"))));

    assertThatThrownBy(() -> tracking.register("ups", "1Z999AA10123456784"))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("teleported");
  }

  @Test
  void readingListsTrackersByTrackingCodeAndCarrierAndAnswersTheNewest() {
    easyPost.stubFor(get(urlPathEqualTo("/v2/trackers")).willReturn(answer(200, "trackers-list.json")));

    Tracking parcel = tracking.read("usps", USPS_NUMBER);

    assertThat(parcel.status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
    easyPost.verify(getRequestedFor(urlPathEqualTo("/v2/trackers"))
        .withQueryParam("tracking_code", equalTo(USPS_NUMBER))
        .withQueryParam("carrier", equalTo("USPS"))
        .withHeader("Content-Type", absent()));
  }

  @Test
  void readingANumberNeverRegisteredIsRefused() {
    easyPost.stubFor(get(urlPathEqualTo("/v2/trackers")).willReturn(answer(200, "trackers-list-empty.json")));

    CarrierFailure.Refused refused =
        catchThrowableOfType(CarrierFailure.Refused.class, () -> tracking.read("usps", USPS_NUMBER));

    assertThat(refused.code()).isEqualTo("TRACKER_NOT_FOUND");
  }

  @Test
  void aNumberEasyPostCannotTrackIsRefusedWithItsCode() {
    easyPost.stubFor(post("/v2/trackers").willReturn(answerWith(422,
        "{\"error\": {\"code\": \"TRACKER.CREATE.ERROR\", \"message\": \"Unable to detect carrier.\", \"errors\": []}}")));

    CarrierFailure.Refused refused =
        catchThrowableOfType(CarrierFailure.Refused.class, () -> tracking.register("yunexpress", "YT0000000000000"));

    assertThat(refused.code()).isEqualTo("TRACKER.CREATE.ERROR");
    assertThat(refused.providerMessage()).isEqualTo("Unable to detect carrier.");
  }

  @Test
  void throttlingCarriesTheRetryAfterDuration() {
    easyPost.stubFor(post("/v2/trackers").willReturn(answer(429, "error-429-rate-limited.json").withHeader("Retry-After", "7")));

    CarrierFailure.Throttled throttled =
        catchThrowableOfType(CarrierFailure.Throttled.class, () -> tracking.register("usps", USPS_NUMBER));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void throttlingWithoutAHintLeavesTheWaitToTheCaller() {
    easyPost.stubFor(post("/v2/trackers").willReturn(answer(429, "error-429-rate-limited.json")));

    CarrierFailure.Throttled throttled =
        catchThrowableOfType(CarrierFailure.Throttled.class, () -> tracking.register("usps", USPS_NUMBER));

    assertThat(throttled.retryAfter()).isEmpty();
  }

  @Test
  void aServerErrorIsUnavailable() {
    easyPost.stubFor(get(urlPathEqualTo("/v2/trackers")).willReturn(answer(503, "error-500-internal.json")));

    assertThatThrownBy(() -> tracking.read("usps", USPS_NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("HTTP 503");
  }

  @Test
  void aGatewayPageInsteadOfEasyPostsEnvelopeIsStillUnavailable() {
    easyPost.stubFor(get(urlPathEqualTo("/v2/trackers")).willReturn(aResponse()
        .withStatus(502).withHeader("Content-Type", "text/html").withBody("<html>Bad Gateway</html>")));

    assertThatThrownBy(() -> tracking.read("usps", USPS_NUMBER)).isInstanceOf(CarrierFailure.Unavailable.class);
  }

  @Test
  void aRefusedConnectionIsUnavailable() {
    CarrierTracking unreachable = adapter(
        "http://127.0.0.1:" + Fixtures.closedPort() + "/v2", Duration.ofSeconds(5), Map.of());

    assertThatThrownBy(() -> unreachable.register("usps", USPS_NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasCauseInstanceOf(ResourceAccessException.class);
  }

  @Test
  void rejectedCredentialsAreUnauthorizedAndTheMessageNeverCarriesTheKey() {
    easyPost.stubFor(get(urlPathEqualTo("/v2/trackers")).willReturn(answerWith(403,
        body("error-401-unauthorized.json").replace("This api key", "The api key " + KEY))));

    CarrierFailure.Unauthorized unauthorized =
        catchThrowableOfType(CarrierFailure.Unauthorized.class, () -> tracking.read("usps", USPS_NUMBER));

    assertThat(unauthorized).hasMessageContaining("HTTP 403");
    assertThat(unauthorized.toString()).doesNotContain(KEY);
  }

  @Test
  void anAdapterWithoutAnApiKeyIsNotBuilt() {
    EasyPostSettings keyless = EasyPostReturnLabelsTest.settings(easyPost.baseUrl(), " ", Duration.ofSeconds(1));

    assertThatThrownBy(() -> EasyPostClient.create(keyless, RestClient.builder(), "seawall.carrier.adapter"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seawall.carrier.easypost.api-key")
        .hasMessageContaining("seawall.carrier.adapter=easypost");
  }

  @Test
  void theSettingsNeverPrintTheApiKey() {
    EasyPostSettings settings = EasyPostReturnLabelsTest.settings(easyPost.baseUrl(), KEY, Duration.ofSeconds(1));

    assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=***");
  }

  private static CarrierTracking adapter(String baseUrl, Duration readTimeout, Map<String, String> carrierNames) {
    EasyPostSettings settings = EasyPostReturnLabelsTest.settings(baseUrl, KEY, readTimeout);
    return new EasyPostTracking(EasyPostClient.create(settings, RestClient.builder(), "seawall.carrier.adapter"),
        carrierNames);
  }
}
