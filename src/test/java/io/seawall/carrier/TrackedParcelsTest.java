package io.seawall.carrier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.seawall.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/**
 * A parcel a flow asks about again and again is registered with the tracking provider once and
 * read afterwards, here against a stand-in for AfterShip and the real case store database.
 */
class TrackedParcelsTest {

  private static final String VERSION = "/tracking/2024-07";

  @RegisterExtension
  static WireMockExtension aftership = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TrackedParcels parcels;
  private String number;

  @BeforeEach
  void aParcelNobodyAskedAboutYet() {
    CarrierTracking afterShip = AfterShipTracking.create(
        new AfterShipSettings(aftership.baseUrl() + VERSION, "asak_test_tracked", Duration.ofSeconds(2),
            Duration.ofSeconds(5)),
        RestClient.builder(), Clock.systemUTC());
    parcels = new TrackedParcels(afterShip, EasyPostBooks.db(), Clock.systemUTC());
    number = "JD01460000" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
  }

  @Test
  void theFirstQuestionRegistersTheParcelAndLaterOnesOnlyReadIt() {
    aftership.stubFor(post(VERSION + "/trackings").willReturn(json(201, "tracking-delivered-201.json")));
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + number).willReturn(json(200, "tracking-in-transit-200.json")));

    Tracking first = parcels.current("dhl", number);
    Tracking second = parcels.current("dhl", number);
    parcels.current("dhl", number);

    assertThat(first.status()).isEqualTo(TrackingStatus.DELIVERED);
    assertThat(second.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
    aftership.verify(1, postRequestedFor(urlEqualTo(VERSION + "/trackings")));
    aftership.verify(2, getRequestedFor(urlEqualTo(VERSION + "/trackings/dhl/" + number)));
  }

  @Test
  void aParcelTheProviderForgotIsRegisteredAgain() {
    aftership.stubFor(post(VERSION + "/trackings").willReturn(json(201, "tracking-delivered-201.json")));
    parcels.current("dhl", number);
    aftership.stubFor(get(VERSION + "/trackings/dhl/" + number)
        .willReturn(json(404, "error-4004-tracking-does-not-exist.json")));

    Tracking again = parcels.current("dhl", number);

    assertThat(again.status()).isEqualTo(TrackingStatus.DELIVERED);
    aftership.verify(2, postRequestedFor(urlEqualTo(VERSION + "/trackings")));
  }

  private static ResponseDefinitionBuilder json(int status, String file) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(Fixtures.text("carrier/aftership/" + file));
  }
}
