package io.seawall.warehouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Which warehouse answers is configuration: {@code seawall.warehouse.adapter} and each site's provider. */
class WarehouseAdapterSelectionTest {

  @RegisterExtension
  static WireMockExtension goodcang = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(WarehouseSites.class)
  static class Sites {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
      .withBean(Clock.class, Clock::systemUTC)
      .withBean(JdbcClient.class, () -> JdbcClient.create(new SimpleDriverDataSource()))
      .withUserConfiguration(Sites.class, WarehouseAccountsConfiguration.class);

  @Test
  void noRealAccountIsBuiltWhenTheSandboxIsChosen() {
    context.withPropertyValues("seawall.warehouse.adapter=sandbox")
        .run(started -> assertThat(started).doesNotHaveBean(OverseasWarehouse.class));
  }

  @Test
  void goodcangServesEverySiteWhenChosen() {
    context.withPropertyValues("seawall.warehouse.adapter=goodcang",
            "seawall.warehouse.goodcang.app-key=k", "seawall.warehouse.goodcang.app-token=t")
        .run(started -> assertThat(started).getBean(OverseasWarehouse.class).isInstanceOf(GoodcangWarehouse.class));
  }

  @Test
  void fourPxServesEverySiteWhenChosen() {
    context.withPropertyValues("seawall.warehouse.adapter=4px",
            "seawall.warehouse.4px.app-key=k", "seawall.warehouse.4px.app-secret=s")
        .run(started -> assertThat(started).getBean(OverseasWarehouse.class).isInstanceOf(FourPxWarehouse.class));
  }

  @Test
  void bySiteSendsASiteToTheAccountItsProviderNames() {
    goodcang.stubFor(post("/public_open/order/get_order_by_ref_code").willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ask\": \"Success\", \"message\": \"Success\", \"data\": {\"order_code\": \"G1-1\","
            + " \"reference_no\": \"R-1\", \"order_status\": \"W\"}}")));

    context.withPropertyValues("seawall.warehouse.adapter=by-site",
            "seawall.warehouse.sites[0].code=GC-DE-FRA", "seawall.warehouse.sites[0].provider=goodcang",
            "seawall.warehouse.sites[0].serves=DE",
            "seawall.warehouse.sites[1].code=4PX-US-LAX", "seawall.warehouse.sites[1].provider=4px",
            "seawall.warehouse.sites[1].serves=US",
            "seawall.warehouse.goodcang.base-url=" + goodcang.baseUrl() + "/public_open",
            "seawall.warehouse.goodcang.app-key=configured-key", "seawall.warehouse.goodcang.app-token=t",
            "seawall.warehouse.goodcang.sites[0].code=GC-DE-FRA",
            "seawall.warehouse.goodcang.sites[0].warehouse-code=DE",
            "seawall.warehouse.4px.app-key=k", "seawall.warehouse.4px.app-secret=s")
        .run(started -> {
          OverseasWarehouse routed = started.getBean(OverseasWarehouse.class);
          assertThat(routed).isInstanceOf(SiteRoutedWarehouse.class);
          assertThat(routed.outbound("GC-DE-FRA", "R-1").warehouseOrderId()).isEqualTo("G1-1");
          goodcang.verify(postRequestedFor(urlEqualTo("/public_open/order/get_order_by_ref_code"))
              .withHeader("app-key", equalTo("configured-key")));
        });
  }

  @Test
  void bySiteWithASiteNoAccountServesStopsTheStart() {
    context.withPropertyValues("seawall.warehouse.adapter=by-site",
            "seawall.warehouse.sites[0].code=GC-DE-FRA", "seawall.warehouse.sites[0].provider=sandbox",
            "seawall.warehouse.sites[0].serves=DE")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("GC-DE-FRA").hasMessageContaining("sandbox"));
  }

  @Test
  void goodcangWithoutCredentialsStopsTheStartWithTheSettingToFix() {
    context.withPropertyValues("seawall.warehouse.adapter=goodcang")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("seawall.warehouse.goodcang.app-key"));
  }
}
