package io.seawall.carrier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.InstantSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which adapter answers is configuration: {@code seawall.carrier.adapter}. */
class CarrierAdapterSelectionTest {

  @RegisterExtension
  static WireMockExtension aftership = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  @RegisterExtension
  static WireMockExtension seventeenTrack = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
      .withBean(Clock.class, Clock::systemUTC)
      .withBean("engineTime", InstantSource.class, InstantSource::system)
      .withUserConfiguration(AfterShipConfiguration.class, SeventeenTrackConfiguration.class, SandboxCarrierTracking.class);

  @Test
  void theSandboxTracksWhenNoAdapterIsConfigured() {
    context.run(started -> assertThat(started).getBean(CarrierTracking.class)
        .isInstanceOf(SandboxCarrierTracking.class));
  }

  @Test
  void theSandboxTracksWhenChosen() {
    context.withPropertyValues("seawall.carrier.adapter=sandbox")
        .run(started -> assertThat(started).getBean(CarrierTracking.class)
            .isInstanceOf(SandboxCarrierTracking.class));
  }

  @Test
  void afterShipTracksWhenChosenWithTheConfiguredAddressAndKey() {
    aftership.stubFor(get("/tracking/2024-07/trackings/dhl/00340434161094042557")
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"meta\": {\"code\": 4004, \"message\": \"Tracking does not exist.\"}, \"data\": {}}")));

    context.withPropertyValues(
            "seawall.carrier.adapter=aftership",
            "seawall.carrier.aftership.base-url=" + aftership.baseUrl() + "/tracking/2024-07",
            "seawall.carrier.aftership.api-key=configured-key",
            "seawall.carrier.aftership.read-timeout=3s")
        .run(started -> {
          assertThat(started).getBean(CarrierTracking.class).isInstanceOf(AfterShipTracking.class);
          assertThat(started.getBean(AfterShipSettings.class).readTimeout()).isEqualTo(Duration.ofSeconds(3));
          CarrierFailure.Refused refused = catchThrowableOfType(CarrierFailure.Refused.class,
              () -> started.getBean(CarrierTracking.class).read("dhl", "00340434161094042557"));
          assertThat(refused.code()).isEqualTo("4004");
          aftership.verify(getRequestedFor(urlEqualTo("/tracking/2024-07/trackings/dhl/00340434161094042557"))
              .withHeader("as-api-key", equalTo("configured-key")));
        });
  }

  @Test
  void afterShipDefaultsToItsPublicApiVersion2024_07() {
    context.withPropertyValues("seawall.carrier.adapter=aftership", "seawall.carrier.aftership.api-key=k")
        .run(started -> assertThat(started.getBean(AfterShipSettings.class)).satisfies(settings -> {
          assertThat(settings.baseUrl()).isEqualTo("https://api.aftership.com/tracking/2024-07");
          assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        }));
  }

  @Test
  void afterShipWithoutAnApiKeyStopsTheStartWithTheSettingToFix() {
    context.withPropertyValues("seawall.carrier.adapter=aftership")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("seawall.carrier.aftership.api-key"));
  }

  @Test
  void seventeenTrackTracksWhenChosenWithTheConfiguredAddressKeyAndCarrierCodes() {
    seventeenTrack.stubFor(post("/track/v2.2/gettrackinfo")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"code\": 0, \"data\": {\"accepted\": [], \"rejected\": [{\"number\": \"1234567890\", "
                + "\"error\": {\"code\": -18019902, \"message\": \"Not registered.\"}}]}}")));

    context.withPropertyValues(
            "seawall.carrier.adapter=17track",
            "seawall.carrier.seventeen-track.base-url=" + seventeenTrack.baseUrl() + "/track/v2.2",
            "seawall.carrier.seventeen-track.api-key=configured-key",
            "seawall.carrier.seventeen-track.read-timeout=3s",
            "seawall.carrier.seventeen-track.carrier-codes.dhl-express=100001")
        .run(started -> {
          assertThat(started).getBean(CarrierTracking.class).isInstanceOf(SeventeenTrackTracking.class);
          assertThat(started.getBean(SeventeenTrackSettings.class).readTimeout()).isEqualTo(Duration.ofSeconds(3));
          CarrierFailure.Refused refused = catchThrowableOfType(CarrierFailure.Refused.class,
              () -> started.getBean(CarrierTracking.class).read("dhl-express", "1234567890"));
          assertThat(refused.code()).isEqualTo("-18019902");
          seventeenTrack.verify(postRequestedFor(urlEqualTo("/track/v2.2/gettrackinfo"))
              .withHeader("17token", equalTo("configured-key"))
              .withRequestBody(equalToJson("[{\"number\": \"1234567890\", \"carrier\": 100001}]")));
        });
  }

  @Test
  void seventeenTrackDefaultsToItsPublicApiVersion2_2AndDetectsCarriers() {
    context.withPropertyValues("seawall.carrier.adapter=17track", "seawall.carrier.seventeen-track.api-key=k")
        .run(started -> assertThat(started.getBean(SeventeenTrackSettings.class)).satisfies(settings -> {
          assertThat(settings.baseUrl()).isEqualTo("https://api.17track.net/track/v2.2");
          assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
          assertThat(settings.carrierCodes()).isEmpty();
        }));
  }

  @Test
  void seventeenTrackWithoutAnApiKeyStopsTheStartWithTheSettingToFix() {
    context.withPropertyValues("seawall.carrier.adapter=17track")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("seawall.carrier.seventeen-track.api-key"));
  }
}
