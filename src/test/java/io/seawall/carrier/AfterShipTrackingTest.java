package io.seawall.carrier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The AfterShip adapter against a stand-in for AfterShip's Tracking API 2024-07. The bodies in
 * {@code carrier/aftership/} follow AfterShip's published examples and schemas (tracking and
 * checkpoint fields as named in 2024-07, the meta envelope, the error codes); the earlier
 * checkpoints and the signature in a carrier message are added to prove ordering and privacy.
 */
class AfterShipTrackingTest {

  private static final String KEY = "asak_test_9f8e7d6c5b4a3210";
  private static final String VERSION = "/tracking/2024-07";
  private static final String FEDEX_NUMBER = "61293150000079650811";
  private static final String DHL_NUMBER = "00340434161094042557";
  private static final Instant NOW = Instant.parse("2024-07-31T12:00:00Z");

  @RegisterExtension
  static WireMockExtension aftership = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  private final CarrierTracking tracking = adapter(aftership.baseUrl() + VERSION, Duration.ofSeconds(5));

  @Test
  void registeringPostsTheSlugAndTrackingNumberWithTheApiKey() {
    aftership.stubFor(post(VERSION + "/trackings").willReturn(answer(201, "tracking-delivered-201.json")));

    tracking.register("fedex", FEDEX_NUMBER);

    aftership.verify(postRequestedFor(urlEqualTo(VERSION + "/trackings"))
        .withHeader("as-api-key", equalTo(KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(body("create-tracking-request.json"))));
  }

  @Test
  void aDeliveredParcelIsDeliveredWithItsCheckpointsInOrder() {
    aftership.stubFor(post(VERSION + "/trackings").willReturn(answer(201, "tracking-delivered-201.json")));

    Tracking delivered = tracking.register("fedex", FEDEX_NUMBER);

    assertThat(delivered.carrierSlug()).isEqualTo("fedex");
    assertThat(delivered.trackingNumber()).isEqualTo(FEDEX_NUMBER);
    assertThat(delivered.status()).isEqualTo(TrackingStatus.DELIVERED);
    assertThat(delivered.subStatus()).isEqualTo("Delivered_002");
    assertThat(delivered.lastEventTime()).isEqualTo(Instant.parse("2022-01-01T23:47:10Z"));
    assertThat(delivered.events()).containsExactly(
        new TrackingEvent(Instant.parse("2021-12-27T01:12:00Z"), TrackingStatus.INFO_RECEIVED,
            "InfoReceived_001", "Beijing, Beijing, China", "Info Received"),
        new TrackingEvent(Instant.parse("2021-12-28T07:00:00Z"), TrackingStatus.IN_TRANSIT,
            "InTransit_002", "Beijing, BJ, China", "Acceptance scan"),
        new TrackingEvent(Instant.parse("2022-01-01T12:02:00Z"), TrackingStatus.OUT_FOR_DELIVERY,
            "OutForDelivery_001", "New York, NY, United States", "Out for Delivery"),
        new TrackingEvent(Instant.parse("2022-01-01T23:47:10Z"), TrackingStatus.DELIVERED,
            "Delivered_002", "New York, NY, United States", "Picked up by customer"));
  }

  @Test
  void theBuyersNameAddressContactsAndSignatureAreNotKept() {
    aftership.stubFor(post(VERSION + "/trackings").willReturn(answer(201, "tracking-delivered-201.json")));

    Tracking delivered = tracking.register("fedex", FEDEX_NUMBER);

    assertThat(delivered.toString())
        .doesNotContainIgnoringCase("Steve Young")
        .doesNotContain("13th Street", "10011", "Lihong", "example@aftership.com", "+8613800138000");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Pending, PENDING",
      "InfoReceived, INFO_RECEIVED",
      "InTransit, IN_TRANSIT",
      "OutForDelivery, OUT_FOR_DELIVERY",
      "AvailableForPickup, AVAILABLE_FOR_PICKUP",
      "AttemptFail, ATTEMPT_FAILED",
      "Delivered, DELIVERED",
      "Exception, EXCEPTION",
      "Expired, EXPIRED"})
  void everyAfterShipTagMapsToTheVocabularyAndKeepsItsSubtag(String tag, TrackingStatus status) {
    aftership.stubFor(get(VERSION + "/trackings/fedex/" + FEDEX_NUMBER)
        .willReturn(answerWith(200, body("tracking-tagged-200.json").replace("TAG_UNDER_TEST", tag))));

    Tracking read = tracking.read("fedex", FEDEX_NUMBER);

    assertThat(read.status()).isEqualTo(status);
    assertThat(read.subStatus()).isEqualTo(tag + "_001");
    assertThat(read.events()).singleElement().satisfies(event -> {
      assertThat(event.status()).isEqualTo(status);
      assertThat(event.subStatus()).isEqualTo(tag + "_001");
    });
  }

  @Test
  void aTagSeawallDoesNotKnowIsUnavailableRatherThanGuessed() {
    aftership.stubFor(get(VERSION + "/trackings/fedex/" + FEDEX_NUMBER)
        .willReturn(answerWith(200, body("tracking-tagged-200.json").replace("TAG_UNDER_TEST", "Teleported"))));

    assertThatThrownBy(() -> tracking.read("fedex", FEDEX_NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("Teleported");
  }

  @Test
  void readingGetsTheTrackingByItsSlugAndNumberWithTheApiKey() {
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER).willReturn(answer(200, "tracking-in-transit-200.json")));

    Tracking inTransit = tracking.read("dhl", DHL_NUMBER);

    assertThat(inTransit.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
    assertThat(inTransit.subStatus()).isEqualTo("InTransit_007");
    assertThat(inTransit.lastEventTime()).isEqualTo(Instant.parse("2024-07-31T05:45:00Z"));
    aftership.verify(getRequestedFor(urlEqualTo(VERSION + "/trackings/dhl/" + DHL_NUMBER))
        .withHeader("as-api-key", equalTo(KEY))
        .withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void aCheckpointTimeWithoutOffsetIsReadAsUtcAndACountryCodeStandsInForItsName() {
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER).willReturn(answer(200, "tracking-in-transit-200.json")));

    TrackingEvent pickedUp = tracking.read("dhl", DHL_NUMBER).events().getFirst();

    assertThat(pickedUp.time()).isEqualTo(Instant.parse("2024-07-30T09:30:00Z"));
    assertThat(pickedUp.location()).isEqualTo("Shenzhen, Guangdong, CHN");
  }

  @Test
  void registeringANumberAlreadyRegisteredAnswersTheExistingTracking() {
    aftership.stubFor(post(VERSION + "/trackings").willReturn(answer(400, "error-4003-tracking-already-exists.json")));
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER).willReturn(answer(200, "tracking-in-transit-200.json")));

    Tracking existing = tracking.register("dhl", DHL_NUMBER);

    assertThat(existing.trackingNumber()).isEqualTo(DHL_NUMBER);
    assertThat(existing.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
    assertThat(existing.events()).hasSize(2);
    aftership.verify(1, postRequestedFor(urlEqualTo(VERSION + "/trackings")));
    aftership.verify(1, getRequestedFor(urlEqualTo(VERSION + "/trackings/dhl/" + DHL_NUMBER)));
  }

  @Test
  void anUnknownNumberIsRefusedWithTheProviderCode() {
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER)
        .willReturn(answer(404, "error-4004-tracking-does-not-exist.json")));

    CarrierFailure.Refused refused =
        catchThrowableOfType(CarrierFailure.Refused.class, () -> tracking.read("dhl", DHL_NUMBER));

    assertThat(refused.code()).isEqualTo("4004");
    assertThat(refused.providerMessage()).isEqualTo("Tracking does not exist.");
  }

  @Test
  void anInvalidSlugIsRefusedWithTheProviderCodeAndNotReadAgain() {
    aftership.stubFor(post(VERSION + "/trackings").willReturn(answer(400, "error-4010-invalid-slug.json")));

    CarrierFailure.Refused refused =
        catchThrowableOfType(CarrierFailure.Refused.class, () -> tracking.register("no-such-carrier", DHL_NUMBER));

    assertThat(refused.code()).isEqualTo("4010");
    assertThat(refused.providerMessage()).isEqualTo("The value of `slug` is invalid.");
    aftership.verify(0, getRequestedFor(urlEqualTo(VERSION + "/trackings/no-such-carrier/" + DHL_NUMBER)));
  }

  @Test
  void throttlingCarriesTheRetryAfterDuration() {
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER)
        .willReturn(answer(429, "error-429-too-many-requests.json").withHeader("Retry-After", "7")));

    CarrierFailure.Throttled throttled =
        catchThrowableOfType(CarrierFailure.Throttled.class, () -> tracking.read("dhl", DHL_NUMBER));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void throttlingWithoutRetryAfterWaitsUntilTheRateLimitResets() {
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER)
        .willReturn(answer(429, "error-429-too-many-requests.json")
            .withHeader("X-RateLimit-Limit", "5")
            .withHeader("X-RateLimit-Remaining", "0")
            .withHeader("X-RateLimit-Reset", String.valueOf(NOW.plusSeconds(3).getEpochSecond()))));

    CarrierFailure.Throttled throttled =
        catchThrowableOfType(CarrierFailure.Throttled.class, () -> tracking.read("dhl", DHL_NUMBER));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void throttlingWithoutAnyHintLeavesTheWaitToTheCaller() {
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER).willReturn(answer(429, "error-429-too-many-requests.json")));

    CarrierFailure.Throttled throttled =
        catchThrowableOfType(CarrierFailure.Throttled.class, () -> tracking.read("dhl", DHL_NUMBER));

    assertThat(throttled.retryAfter()).isEmpty();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503, 504})
  void aServerErrorIsUnavailable(int status) {
    aftership.stubFor(post(VERSION + "/trackings").willReturn(answer(status, "error-500-internal-error.json")));

    assertThatThrownBy(() -> tracking.register("dhl", DHL_NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("HTTP " + status);
  }

  @Test
  void aGatewayPageInsteadOfAfterShipsEnvelopeIsStillUnavailable() {
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER).willReturn(aResponse()
        .withStatus(503).withHeader("Content-Type", "text/html").withBody("<html>Service Unavailable</html>")));

    assertThatThrownBy(() -> tracking.read("dhl", DHL_NUMBER)).isInstanceOf(CarrierFailure.Unavailable.class);
  }

  @Test
  void aSuccessWithoutATrackingIsUnavailable() {
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER)
        .willReturn(answerWith(200, "{\"meta\": {\"code\": 200}, \"data\": {}}")));

    assertThatThrownBy(() -> tracking.read("dhl", DHL_NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("without a tracking");
  }

  @Test
  void aReadTimeoutIsUnavailable() {
    CarrierTracking impatient = adapter(aftership.baseUrl() + VERSION, Duration.ofMillis(300));
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER)
        .willReturn(answer(200, "tracking-in-transit-200.json").withFixedDelay(3_000)));

    assertThatThrownBy(() -> impatient.read("dhl", DHL_NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasCauseInstanceOf(ResourceAccessException.class);
  }

  @Test
  void aRefusedConnectionIsUnavailable() {
    CarrierTracking unreachable = adapter(
        "http://127.0.0.1:" + Fixtures.closedPort() + VERSION, Duration.ofSeconds(5));

    assertThatThrownBy(() -> unreachable.register("dhl", DHL_NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasCauseInstanceOf(ResourceAccessException.class);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {401, 403})
  void rejectedCredentialsAreUnauthorizedAndTheMessageNeverCarriesTheKey(int status) {
    // Even if AfterShip echoed the key, Seawall's failure must not repeat it.
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + DHL_NUMBER).willReturn(answerWith(status,
        body("error-401-invalid-api-key.json").replace("The API key is invalid.", "The API key " + KEY + " is invalid."))));

    CarrierFailure.Unauthorized unauthorized =
        catchThrowableOfType(CarrierFailure.Unauthorized.class, () -> tracking.read("dhl", DHL_NUMBER));

    assertThat(unauthorized).hasMessageContaining("HTTP " + status);
    assertThat(unauthorized.toString()).doesNotContain(KEY);
  }

  @Test
  void anAdapterWithoutAnApiKeyIsNotBuilt() {
    AfterShipSettings keyless = new AfterShipSettings(aftership.baseUrl(), " ", Duration.ofSeconds(1), Duration.ofSeconds(1));

    assertThatThrownBy(() -> AfterShipTracking.create(keyless, RestClient.builder(), Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seawall.carrier.aftership.api-key");
  }

  @Test
  void theSettingsNeverPrintTheApiKey() {
    AfterShipSettings settings = new AfterShipSettings(aftership.baseUrl(), KEY, Duration.ofSeconds(1), Duration.ofSeconds(1));

    assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=***");
  }

  private static CarrierTracking adapter(String baseUrl, Duration readTimeout) {
    AfterShipSettings settings = new AfterShipSettings(baseUrl, KEY, Duration.ofSeconds(2), readTimeout);
    return AfterShipTracking.create(settings, RestClient.builder(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ResponseDefinitionBuilder answer(int status, String file) {
    return answerWith(status, body(file));
  }

  private static ResponseDefinitionBuilder answerWith(int status, String json) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
  }

  private static String body(String file) {
    return Fixtures.text("carrier/aftership/" + file);
  }
}
