package io.seawall.carrier;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.client.RestClient;

/**
 * Claims against a stand-in for EasyPost's Claims API. The claims in {@code carrier/easypost/}
 * follow EasyPost's published Claim object and its list (https://docs.easypost.com/docs/insurance/claims);
 * the missing-insurance answer follows the error EasyPost's own client tests record.
 */
class EasyPostClaimsTest {

  private static final String KEY = "EZTK_test_claims_9a8b7c";
  private static final String CLAIM = "clm_4f3e2d1c0b9a48e7a6b5c4d3e2f1a0b9";
  private static final ClaimRequest LOST = new ClaimRequest("USPS", "9434600208303110000042",
      ClaimRequest.Kind.LOSS, new BigDecimal("89.9"), "USD", "No scan for 21 days; carrier trace found nothing");

  @RegisterExtension
  static WireMockExtension easyPost = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  private final CarrierClaims claims = adapter(Duration.ofSeconds(5));
  private final String key = "case-" + UUID.randomUUID() + ":file-claim";

  @Test
  void filingPostsTheKindTrackingCodeAmountDescriptionAndTheSellersContactWithTheApiKeyAsBasicUser() {
    easyPost.stubFor(post("/v2/claims").willReturn(answer(201, "claim-submitted.json")));

    CarrierClaim claim = claims.file(LOST, key);

    assertThat(claim).isEqualTo(new CarrierClaim(CLAIM, CarrierClaim.Stage.SUBMITTED, null, "USD", null));
    easyPost.verify(postRequestedFor(urlEqualTo("/v2/claims"))
        .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(UTF_8))))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(body("create-claim-request.json"))));
  }

  @Test
  void filingAgainWithTheSameKeyReadsTheFirstClaimInsteadOfFilingAnother() {
    easyPost.stubFor(post("/v2/claims").willReturn(answer(201, "claim-submitted.json")));
    easyPost.stubFor(get("/v2/claims/" + CLAIM).willReturn(answer(200, "claim-submitted.json")));
    claims.file(LOST, key);

    CarrierClaim again = claims.file(LOST, key);

    assertThat(again.claimId()).isEqualTo(CLAIM);
    easyPost.verify(1, postRequestedFor(urlEqualTo("/v2/claims")));
  }

  @Test
  void aClaimWhoseAnswerWasLostIsFoundAmongTheClaimsFiledSinceAndNotFiledAgain() {
    easyPost.stubFor(post("/v2/claims").willReturn(answer(500, "error-500-internal.json")));
    assertThatThrownBy(() -> claims.file(LOST, key)).isInstanceOf(CarrierFailure.Unavailable.class);
    easyPost.stubFor(get(urlPathEqualTo("/v2/claims")).willReturn(answer(200, "claims-list-with-earlier-claim.json")));

    CarrierClaim found = claims.file(LOST, key);

    assertThat(found.claimId()).isEqualTo(CLAIM);
    easyPost.verify(1, postRequestedFor(urlEqualTo("/v2/claims")));
    easyPost.verify(getRequestedFor(urlPathEqualTo("/v2/claims"))
        .withQueryParam("type", equalTo("loss"))
        .withQueryParam("start_datetime", matching("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")));
  }

  @Test
  void aClaimThatWasNeverFiledIsFiledOnTheNextAttempt() {
    easyPost.stubFor(post("/v2/claims").inScenario("file").whenScenarioStateIs("Started")
        .willReturn(answer(503, "error-500-internal.json")).willSetStateTo("recovered"));
    easyPost.stubFor(post("/v2/claims").inScenario("file").whenScenarioStateIs("recovered")
        .willReturn(answer(201, "claim-submitted.json")));
    easyPost.stubFor(get(urlPathEqualTo("/v2/claims")).willReturn(answer(200, "claims-list-without-earlier-claim.json")));
    assertThatThrownBy(() -> claims.file(LOST, key)).isInstanceOf(CarrierFailure.Unavailable.class);

    CarrierClaim filed = claims.file(LOST, key);

    assertThat(filed.claimId()).isEqualTo(CLAIM);
    easyPost.verify(2, postRequestedFor(urlEqualTo("/v2/claims")));
  }

  @Test
  void aClaimInAnotherCurrencyIsRefusedWithoutAskingEasyPost() {
    ClaimRequest inEuros = new ClaimRequest("DHL", "00340434161094042557", ClaimRequest.Kind.DAMAGE,
        new BigDecimal("80.00"), "EUR", "Box crushed, item broken");

    CarrierFailure.Refused refused = catchThrowableOfType(CarrierFailure.Refused.class, () -> claims.file(inEuros, key));

    assertThat(refused.code()).isEqualTo("CURRENCY_NOT_SUPPORTED");
    easyPost.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aParcelEasyPostDidNotInsureIsRefusedWithEasyPostsReason() {
    easyPost.stubFor(post("/v2/claims").willReturn(answer(404, "error-404-no-insurance.json")));

    CarrierFailure.Refused refused = catchThrowableOfType(CarrierFailure.Refused.class, () -> claims.file(LOST, key));

    assertThat(refused.code()).isEqualTo("NOT_FOUND");
    assertThat(refused.providerMessage()).contains("No eligible insurance found with provided tracking code.");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "none", value = {
      "submitted, SUBMITTED, none, none",
      "in_review, IN_REVIEW, none, none",
      "needs_action, NEEDS_ACTION, none, Send proof of value",
      "approved, APPROVED, 89.90, none",
      "approved_partial, APPROVED, 60.00, approved in part: Send proof of value",
      "rejected, REJECTED, none, Send proof of value",
      "cancelled, CANCELLED, none, Send proof of value"})
  void everyClaimStatusMapsToAStageWithTheApprovedAmountAndEasyPostsWord(
      String status, CarrierClaim.Stage stage, BigDecimal approved, String note) {
    easyPost.stubFor(get("/v2/claims/" + CLAIM).willReturn(answerWith(200, body("claim-status.json")
        .replace("STATUS_UNDER_TEST", status)
        .replace("DETAIL_UNDER_TEST", "Send proof of value")
        .replace("APPROVED_UNDER_TEST", approved == null ? "null" : "\"" + approved.toPlainString() + "\""))));

    CarrierClaim claim = claims.read(CLAIM);

    assertThat(claim.stage()).isEqualTo(stage);
    assertThat(claim.approvedAmount()).isEqualTo(approved);
    assertThat(claim.currency()).isEqualTo("USD");
    assertThat(claim.note()).isEqualTo(note);
  }

  @Test
  void aClaimStatusSeawallDoesNotKnowIsUnavailableRatherThanGuessed() {
    easyPost.stubFor(get("/v2/claims/" + CLAIM).willReturn(answerWith(200, body("claim-status.json")
        .replace("STATUS_UNDER_TEST", "escalated").replace("DETAIL_UNDER_TEST", "x")
        .replace("APPROVED_UNDER_TEST", "null"))));

    assertThatThrownBy(() -> claims.read(CLAIM))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("escalated");
  }

  @Test
  void throttlingCarriesTheRetryAfterDuration() {
    easyPost.stubFor(get("/v2/claims/" + CLAIM).willReturn(answer(429, "error-429-rate-limited.json").withHeader("Retry-After", "30")));

    CarrierFailure.Throttled throttled = catchThrowableOfType(CarrierFailure.Throttled.class, () -> claims.read(CLAIM));

    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void aServerErrorIsUnavailable() {
    easyPost.stubFor(get("/v2/claims/" + CLAIM).willReturn(answer(502, "error-500-internal.json")));

    assertThatThrownBy(() -> claims.read(CLAIM))
        .isInstanceOf(CarrierFailure.Unavailable.class)
        .hasMessageContaining("HTTP 502");
  }

  @Test
  void rejectedCredentialsAreUnauthorizedAndTheMessageNeverCarriesTheKey() {
    easyPost.stubFor(post("/v2/claims").willReturn(answerWith(401,
        body("error-401-unauthorized.json").replace("This api key", "The api key " + KEY))));

    CarrierFailure.Unauthorized unauthorized =
        catchThrowableOfType(CarrierFailure.Unauthorized.class, () -> claims.file(LOST, key));

    assertThat(unauthorized).hasMessageContaining("HTTP 401");
    assertThat(unauthorized.toString()).doesNotContain(KEY);
  }

  private static CarrierClaims adapter(Duration readTimeout) {
    EasyPostSettings settings = EasyPostReturnLabelsTest.settings(easyPost.baseUrl() + "/v2", KEY, readTimeout);
    return new EasyPostClaims(EasyPostClient.create(settings, RestClient.builder(), "seawall.carrier.claims"),
        settings.claimContactEmail(), EasyPostBooks.db(), Clock.systemUTC());
  }
}
