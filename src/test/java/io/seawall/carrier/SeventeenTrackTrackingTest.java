package io.seawall.carrier;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The 17TRACK adapter against a stand-in for 17TRACK's Tracking API v2.2. The bodies in
 * {@code carrier/17track/} follow 17TRACK's documented shapes (the {code, data: {accepted,
 * rejected}} envelope, {@code track_info} with {@code latest_status} and the providers' events, the
 * {@code data.errors} of a failed call, the error codes of its error table); the second provider,
 * the events without a sub-status or with only {@code time_raw}, and the names and streets in
 * carriers' descriptions are added to prove hand-overs, fallbacks and privacy.
 */
class SeventeenTrackTrackingTest {

  private static final String KEY = "17tk_test_5F0C8A1E2B3D4C6E";
  private static final String VERSION = "/track/v2.2";
  private static final String NUMBER = "RR123456789CN";
  private static final String REGISTER = VERSION + "/register";
  private static final String GET_TRACK_INFO = VERSION + "/gettrackinfo";

  @RegisterExtension
  static WireMockExtension seventeenTrack = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  private final CarrierTracking tracking = adapter(seventeenTrack.baseUrl() + VERSION, Duration.ofSeconds(5), Map.of());

  @Test
  void registeringPostsTheNumberWithTheTokenAndLeavesTheCarrierTo17TrackToDetect() {
    seventeenTrack.stubFor(post(REGISTER).willReturn(answer(200, "register-accepted.json")));

    tracking.register("china-post", NUMBER);

    seventeenTrack.verify(postRequestedFor(urlEqualTo(REGISTER))
        .withHeader("17token", equalTo(KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(body("request-number.json"))));
  }

  @Test
  void aConfiguredCarrierCodeGoesWithTheNumberToRegisterAndToRead() {
    CarrierTracking withCodes = adapter(seventeenTrack.baseUrl() + VERSION, Duration.ofSeconds(5), Map.of("dhl", 100001));
    seventeenTrack.stubFor(post(REGISTER).willReturn(answerWith(200,
        body("register-rejected-18019901-already-registered.json").replace(NUMBER, "1234567890"))));
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answerWith(200,
        body("gettrackinfo-delivered.json").replace(NUMBER, "1234567890"))));

    withCodes.register("dhl", "1234567890");

    seventeenTrack.verify(postRequestedFor(urlEqualTo(REGISTER))
        .withRequestBody(equalToJson(body("request-number-with-carrier.json"))));
    seventeenTrack.verify(postRequestedFor(urlEqualTo(GET_TRACK_INFO))
        .withHeader("17token", equalTo(KEY))
        .withRequestBody(equalToJson(body("request-number-with-carrier.json"))));
  }

  @Test
  void aNumberJustAcceptedIsPendingUntil17TrackHasAskedTheCarrier() {
    seventeenTrack.stubFor(post(REGISTER).willReturn(answer(200, "register-accepted.json")));

    Tracking registered = tracking.register("china-post", NUMBER);

    assertThat(registered).isEqualTo(new Tracking("china-post", NUMBER, TrackingStatus.PENDING, null, null, List.of()));
    seventeenTrack.verify(0, postRequestedFor(urlEqualTo(GET_TRACK_INFO)));
  }

  @Test
  void readingPostsTheNumberToGetTrackInfoWithTheToken() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answer(200, "gettrackinfo-delivered.json")));

    tracking.read("china-post", NUMBER);

    seventeenTrack.verify(postRequestedFor(urlEqualTo(GET_TRACK_INFO))
        .withHeader("17token", equalTo(KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(body("request-number.json"))));
  }

  @Test
  void aDeliveredParcelCarriesEveryProvidersEventsInTimeOrder() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answer(200, "gettrackinfo-delivered.json")));

    Tracking delivered = tracking.read("china-post", NUMBER);

    assertThat(delivered.carrierSlug()).isEqualTo("china-post");
    assertThat(delivered.trackingNumber()).isEqualTo(NUMBER);
    assertThat(delivered.status()).isEqualTo(TrackingStatus.DELIVERED);
    assertThat(delivered.subStatus()).isEqualTo("Delivered_Other");
    assertThat(delivered.lastEventTime()).isEqualTo(Instant.parse("2024-07-29T20:47:00Z"));
    assertThat(delivered.events()).containsExactly(
        // time_iso when time_utc is missing
        new TrackingEvent(Instant.parse("2024-07-18T01:30:00Z"), TrackingStatus.INFO_RECEIVED,
            "InfoReceived", "SHENZHEN, GD, CN", null),
        new TrackingEvent(Instant.parse("2024-07-20T06:05:00Z"), TrackingStatus.IN_TRANSIT,
            "InTransit_Departure", "SHENZHEN, GD, CN", null),
        // no sub-status: the milestone stage tells
        new TrackingEvent(Instant.parse("2024-07-24T22:15:00Z"), TrackingStatus.IN_TRANSIT,
            null, "LOS ANGELES, CA, US", null),
        // neither sub-status, stage nor address: a scan on the way
        new TrackingEvent(Instant.parse("2024-07-25T03:00:00Z"), TrackingStatus.IN_TRANSIT, null, null, null),
        new TrackingEvent(Instant.parse("2024-07-29T15:10:00Z"), TrackingStatus.OUT_FOR_DELIVERY,
            "OutForDelivery_Other", "LOS ANGELES, CA, US", null),
        // only the carrier's local time_raw, with its offset
        new TrackingEvent(Instant.parse("2024-07-29T20:47:00Z"), TrackingStatus.DELIVERED,
            "Delivered_Other", "LOS ANGELES, CA, US", null));
  }

  @Test
  void theRecipientsNameStreetAndPostalCodeAreNotKept() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answer(200, "gettrackinfo-delivered.json")));

    Tracking delivered = tracking.read("china-post", NUMBER);

    assertThat(delivered.toString())
        .doesNotContainIgnoringCase("Jane Roe")
        .doesNotContainIgnoringCase("Li Lei")
        .doesNotContain("ELM ST", "90017", "518000", "Left with");
  }

  @Test
  void aRawTimeWithoutAnOffsetIsReadAsUtc() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answerWith(200,
        body("gettrackinfo-delivered.json").replace("\"timezone\": \"-07:00\"", "\"timezone\": null"))));

    assertThat(tracking.read("china-post", NUMBER).events())
        .filteredOn(event -> event.status() == TrackingStatus.DELIVERED)
        .singleElement().extracting(TrackingEvent::time).isEqualTo(Instant.parse("2024-07-29T13:47:00Z"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "NotFound, PENDING, NotFound_Other",
      "InfoReceived, INFO_RECEIVED, InfoReceived",
      "InTransit, IN_TRANSIT, InTransit_Arrival",
      "Expired, EXPIRED, Expired_Other",
      "AvailableForPickup, AVAILABLE_FOR_PICKUP, AvailableForPickup_Other",
      "OutForDelivery, OUT_FOR_DELIVERY, OutForDelivery_Other",
      "DeliveryFailure, ATTEMPT_FAILED, DeliveryFailure_NoBody",
      "Delivered, DELIVERED, Delivered_Other",
      "Exception, EXCEPTION, Exception_Returning"})
  void every17TrackMainStatusMapsToTheVocabularyAndKeepsItsSubStatus(
      String mainStatus, TrackingStatus status, String subStatus) {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answerWith(200, body("gettrackinfo-status.json")
        .replace("SUB_STATUS_UNDER_TEST", subStatus).replace("STATUS_UNDER_TEST", mainStatus))));

    Tracking read = tracking.read("china-post", NUMBER);

    assertThat(read.status()).isEqualTo(status);
    assertThat(read.subStatus()).isEqualTo(subStatus);
    assertThat(read.events()).singleElement().satisfies(event -> {
      assertThat(event.status()).isEqualTo(status);
      assertThat(event.subStatus()).isEqualTo(subStatus);
    });
  }

  @Test
  void aStatusSeawallDoesNotKnowIsUnavailableRatherThanGuessed() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answerWith(200, body("gettrackinfo-status.json")
        .replace("SUB_STATUS_UNDER_TEST", "Teleported_Other").replace("STATUS_UNDER_TEST", "Teleported"))));

    assertThatThrownBy(() -> tracking.read("china-post", NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("Teleported");
  }

  @Test
  void registeringANumberAlreadyRegisteredAnswersWhat17TrackKnowsOfIt() {
    seventeenTrack.stubFor(post(REGISTER).willReturn(answer(200, "register-rejected-18019901-already-registered.json")));
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answer(200, "gettrackinfo-delivered.json")));

    Tracking existing = tracking.register("china-post", NUMBER);

    assertThat(existing.status()).isEqualTo(TrackingStatus.DELIVERED);
    assertThat(existing.events()).hasSize(6);
    seventeenTrack.verify(1, postRequestedFor(urlEqualTo(REGISTER)));
    seventeenTrack.verify(1, postRequestedFor(urlEqualTo(GET_TRACK_INFO)));
  }

  @Test
  void aRejectedNumberIsRefusedWithTheProviderCodeAndNotReadAgain() {
    seventeenTrack.stubFor(post(REGISTER).willReturn(answer(200, "register-rejected-18019903-carrier-not-detected.json")));

    CarrierFailure.Refused refused =
        catchThrowableOfType(CarrierFailure.Refused.class, () -> tracking.register("china-post", NUMBER));

    assertThat(refused.code()).isEqualTo("-18019903");
    assertThat(refused.providerMessage()).isEqualTo("Carrier cannot be detected.");
    seventeenTrack.verify(0, postRequestedFor(urlEqualTo(GET_TRACK_INFO)));
  }

  @Test
  void readingANumberNeverRegisteredIsRefusedWithTheProviderCode() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answer(200, "gettrackinfo-rejected-18019902-not-registered.json")));

    CarrierFailure.Refused refused =
        catchThrowableOfType(CarrierFailure.Refused.class, () -> tracking.read("china-post", NUMBER));

    assertThat(refused.code()).isEqualTo("-18019902");
  }

  @Test
  void aNumberWithoutTrackingInformationYetIsPendingNotRefused() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answerWith(200, body(
        "gettrackinfo-rejected-18019902-not-registered.json").replace("-18019902", "-18019909")
        .replace("does not register, please register first.", "has no tracking information yet."))));

    Tracking pending = tracking.read("china-post", NUMBER);

    assertThat(pending.status()).isEqualTo(TrackingStatus.PENDING);
    assertThat(pending.events()).isEmpty();
  }

  @Test
  void http429IsThrottledWithTheRetryAfterWhenGiven() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO)
        .willReturn(answer(429, "error-429-too-many-requests.json").withHeader("Retry-After", "7")));

    CarrierFailure.Throttled throttled =
        catchThrowableOfType(CarrierFailure.Throttled.class, () -> tracking.read("china-post", NUMBER));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void http429WithoutAHintLeavesTheWaitToTheCaller() {
    seventeenTrack.stubFor(post(REGISTER).willReturn(answer(429, "error-429-too-many-requests.json")));

    CarrierFailure.Throttled throttled =
        catchThrowableOfType(CarrierFailure.Throttled.class, () -> tracking.register("china-post", NUMBER));

    assertThat(throttled.retryAfter()).isEmpty();
    assertThat(throttled).hasMessageContaining("HTTP 429");
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {-18019907, -18019908})
  void aDailyLimitOrAUsedUpQuotaIsThrottled(int code) {
    seventeenTrack.stubFor(post(REGISTER).willReturn(answerWith(200, body("error-code.json")
        .replace("CODE_UNDER_TEST", String.valueOf(code)))));

    assertThatThrownBy(() -> tracking.register("china-post", NUMBER))
        .isInstanceOf(CarrierFailure.Throttled.class)
        .hasMessageContaining(String.valueOf(code));
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {-18019907, -18019908})
  void aNumberRejectedForTheLimitOrQuotaIsThrottledToo(int code) {
    seventeenTrack.stubFor(post(REGISTER).willReturn(answerWith(200, body("register-rejected-code.json")
        .replace("CODE_UNDER_TEST", String.valueOf(code)))));

    assertThatThrownBy(() -> tracking.register("china-post", NUMBER)).isInstanceOf(CarrierFailure.Throttled.class);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503, 504})
  void aServerErrorIsUnavailable(int status) {
    seventeenTrack.stubFor(post(REGISTER).willReturn(answer(status, "error-18010003-internal.json")));

    assertThatThrownBy(() -> tracking.register("china-post", NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("HTTP " + status);
  }

  @Test
  void anInternalErrorCodeInASuccessfulAnswerIsUnavailable() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answer(200, "error-18010003-internal.json")));

    assertThatThrownBy(() -> tracking.read("china-post", NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("-18010003");
  }

  @Test
  void aGatewayPageInsteadOf17TracksEnvelopeIsStillUnavailable() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(aResponse()
        .withStatus(503).withHeader("Content-Type", "text/html").withBody("<html>Service Unavailable</html>")));

    assertThatThrownBy(() -> tracking.read("china-post", NUMBER)).isInstanceOf(CarrierFailure.Unavailable.class);
  }

  @Test
  void aSuccessWithoutTheNumberIsUnavailable() {
    seventeenTrack.stubFor(post(GET_TRACK_INFO)
        .willReturn(answerWith(200, "{\"code\": 0, \"data\": {\"accepted\": [], \"rejected\": []}}")));

    assertThatThrownBy(() -> tracking.read("china-post", NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("without the tracking number");
  }

  @Test
  void aReadTimeoutIsUnavailable() {
    CarrierTracking impatient = adapter(seventeenTrack.baseUrl() + VERSION, Duration.ofMillis(300), Map.of());
    seventeenTrack.stubFor(post(GET_TRACK_INFO)
        .willReturn(answer(200, "gettrackinfo-delivered.json").withFixedDelay(3_000)));

    assertThatThrownBy(() -> impatient.read("china-post", NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasCauseInstanceOf(ResourceAccessException.class);
  }

  @Test
  void aRefusedConnectionIsUnavailable() {
    CarrierTracking unreachable = adapter(
        "http://127.0.0.1:" + Fixtures.closedPort() + VERSION, Duration.ofSeconds(5), Map.of());

    assertThatThrownBy(() -> unreachable.register("china-post", NUMBER))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasCauseInstanceOf(ResourceAccessException.class);
  }

  @Test
  void http401IsUnauthorizedNamingTheSettingAndNeverTheKey() {
    // Even if 17TRACK echoed the key, Seawall's failure must not repeat it.
    seventeenTrack.stubFor(post(GET_TRACK_INFO).willReturn(answerWith(401,
        body("error-18010002-invalid-key.json").replace("Invalid security key.", "Invalid security key " + KEY + "."))));

    CarrierFailure.Unauthorized unauthorized =
        catchThrowableOfType(CarrierFailure.Unauthorized.class, () -> tracking.read("china-post", NUMBER));

    assertThat(unauthorized).hasMessageContaining("HTTP 401").hasMessageContaining("seawall.carrier.seventeen-track.api-key");
    assertThat(unauthorized.toString()).doesNotContain(KEY);
  }

  @ParameterizedTest(name = "code {0}")
  @ValueSource(ints = {-18010001, -18010002, -18010004, -18010005})
  void aCredentialsCodeInASuccessfulAnswerIsUnauthorizedAndNeverCarriesTheKey(int code) {
    seventeenTrack.stubFor(post(REGISTER).willReturn(answerWith(200, body("error-code.json")
        .replace("CODE_UNDER_TEST", String.valueOf(code)).replace("Message under test.", "Key " + KEY + " refused."))));

    CarrierFailure.Unauthorized unauthorized =
        catchThrowableOfType(CarrierFailure.Unauthorized.class, () -> tracking.register("china-post", NUMBER));

    assertThat(unauthorized).hasMessageContaining(String.valueOf(code))
        .hasMessageContaining("seawall.carrier.seventeen-track.api-key");
    assertThat(unauthorized.toString()).doesNotContain(KEY);
  }

  @Test
  void anAdapterWithoutAnApiKeyIsNotBuilt() {
    SeventeenTrackSettings keyless = new SeventeenTrackSettings(
        seventeenTrack.baseUrl(), " ", Duration.ofSeconds(1), Duration.ofSeconds(1), null);

    assertThatThrownBy(() -> SeventeenTrackTracking.create(keyless, RestClient.builder()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seawall.carrier.seventeen-track.api-key");
  }

  @Test
  void theSettingsNeverPrintTheApiKey() {
    SeventeenTrackSettings settings = new SeventeenTrackSettings(
        seventeenTrack.baseUrl(), KEY, Duration.ofSeconds(1), Duration.ofSeconds(1), Map.of("dhl", 100001));

    assertThat(settings.toString()).doesNotContain(KEY).contains("apiKey=***");
  }

  private static CarrierTracking adapter(String baseUrl, Duration readTimeout, Map<String, Integer> carrierCodes) {
    SeventeenTrackSettings settings = new SeventeenTrackSettings(baseUrl, KEY, Duration.ofSeconds(2), readTimeout, carrierCodes);
    return SeventeenTrackTracking.create(settings, RestClient.builder());
  }

  private static ResponseDefinitionBuilder answer(int status, String file) {
    return answerWith(status, body(file));
  }

  private static ResponseDefinitionBuilder answerWith(int status, String json) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
  }

  private static String body(String file) {
    return Fixtures.text("carrier/17track/" + file);
  }
}
