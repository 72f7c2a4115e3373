package io.seawall.carrier;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.seawall.carrier.EasyPostReturnLabelsTest.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * EasyPost answers each carrier port it is chosen for ({@code seawall.carrier.labels},
 * {@code seawall.carrier.adapter}, {@code seawall.carrier.claims}), each chosen on its own.
 */
class EasyPostAdapterSelectionTest {

  @RegisterExtension
  static WireMockExtension easyPost = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
      .withBean(Clock.class, Clock::systemUTC)
      .withBean("engineTime", InstantSource.class, InstantSource::system)
      .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
      .withUserConfiguration(EasyPostConfiguration.class, AfterShipConfiguration.class, SandboxCarrierTracking.class,
          SandboxReturnLabels.class, SandboxCarrierClaims.class);

  @Test
  void theSandboxesAnswerWhenEasyPostIsNotChosen() {
    context.run(started -> {
      assertThat(started).getBean(ReturnLabels.class).isInstanceOf(SandboxReturnLabels.class);
      assertThat(started).getBean(CarrierTracking.class).isInstanceOf(SandboxCarrierTracking.class);
      assertThat(started).getBean(CarrierClaims.class).isInstanceOf(SandboxCarrierClaims.class);
    });
  }

  @Test
  void easyPostAnswersEveryPortItIsChosenFor() {
    context.withPropertyValues(
            "seawall.carrier.labels=easypost",
            "seawall.carrier.adapter=easypost",
            "seawall.carrier.claims=easypost",
            "seawall.carrier.easypost.api-key=configured-key")
        .run(started -> {
          assertThat(started).getBean(ReturnLabels.class).isInstanceOf(EasyPostReturnLabels.class);
          assertThat(started).getBean(CarrierTracking.class).isInstanceOf(EasyPostTracking.class);
          assertThat(started).getBean(CarrierClaims.class).isInstanceOf(EasyPostClaims.class);
        });
  }

  @Test
  void eachPortIsChosenOnItsOwn() {
    context.withPropertyValues("seawall.carrier.labels=easypost", "seawall.carrier.easypost.api-key=k")
        .run(started -> {
          assertThat(started).getBean(ReturnLabels.class).isInstanceOf(EasyPostReturnLabels.class);
          assertThat(started).getBean(CarrierTracking.class).isInstanceOf(SandboxCarrierTracking.class);
          assertThat(started).getBean(CarrierClaims.class).isInstanceOf(SandboxCarrierClaims.class);
        });
  }

  @Test
  void easyPostTracksAtTheConfiguredAddressWithTheConfiguredKey() {
    easyPost.stubFor(get(urlPathEqualTo("/v2/trackers")).willReturn(answer(200, "trackers-list.json")));

    context.withPropertyValues(
            "seawall.carrier.adapter=easypost",
            "seawall.carrier.easypost.base-url=" + easyPost.baseUrl() + "/v2",
            "seawall.carrier.easypost.api-key=configured-key",
            "seawall.carrier.easypost.carrier-names.hermes-de=Hermes")
        .run(started -> {
          started.getBean(CarrierTracking.class).read("hermes-de", "9400111899223344556677");
          easyPost.verify(getRequestedFor(urlPathEqualTo("/v2/trackers"))
              .withBasicAuth(new BasicCredentials("configured-key", ""))
              .withQueryParam("carrier", equalTo("Hermes")));
        });
  }

  @Test
  void returnAddressesBindByTheSitesCode() {
    context.withPropertyValues(
            "seawall.carrier.labels=easypost",
            "seawall.carrier.easypost.api-key=k",
            "seawall.carrier.easypost.return-addresses.GC-DE-FRA.company=Goodcang DE",
            "seawall.carrier.easypost.return-addresses.GC-DE-FRA.street1=Am Flughafen 12",
            "seawall.carrier.easypost.return-addresses.GC-DE-FRA.city=Frankfurt am Main",
            "seawall.carrier.easypost.return-addresses.GC-DE-FRA.zip=60549",
            "seawall.carrier.easypost.return-addresses.GC-DE-FRA.country=DE")
        .run(started -> assertThat(started.getBean(EasyPostSettings.class).returnAddresses().get("GC-DE-FRA"))
            .isNotNull()
            .extracting(EasyPostSettings.Address::city).isEqualTo("Frankfurt am Main"));
  }

  @Test
  void anIncompleteReturnAddressStopsTheStartNamingTheSite() {
    context.withPropertyValues(
            "seawall.carrier.labels=easypost",
            "seawall.carrier.easypost.api-key=k",
            "seawall.carrier.easypost.return-addresses.GC-UK-LON.company=Goodcang UK",
            "seawall.carrier.easypost.return-addresses.GC-UK-LON.country=GB")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("seawall.carrier.easypost.return-addresses.GC-UK-LON"));
  }

  @Test
  void easyPostWithoutAnApiKeyStopsTheStartWithTheSettingToFix() {
    context.withPropertyValues("seawall.carrier.claims=easypost")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("seawall.carrier.easypost.api-key")
            .hasMessageContaining("seawall.carrier.claims=easypost"));
  }

  @Test
  void easyPostDefaultsToItsPublicApiAndATypicalReturnParcel() {
    context.withPropertyValues("seawall.carrier.adapter=easypost", "seawall.carrier.easypost.api-key=k")
        .run(started -> assertThat(started.getBean(EasyPostSettings.class)).satisfies(settings -> {
          assertThat(settings.baseUrl()).isEqualTo("https://api.easypost.com/v2");
          assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
          assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
          assertThat(settings.returnParcel().weight()).isEqualByComparingTo(new BigDecimal("32"));
          assertThat(settings.carrierAccounts()).isEmpty();
        }));
  }
}
