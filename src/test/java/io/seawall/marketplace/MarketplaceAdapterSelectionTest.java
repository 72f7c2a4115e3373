package io.seawall.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Which marketplace answers is configuration: {@code seawall.marketplace.adapter}, and under
 * {@code live} the shops configured per provider.
 */
class MarketplaceAdapterSelectionTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
      .withBean(Clock.class, Clock::systemUTC)
      // Never reached in these tests: the sandbox is only constructed.
      .withBean(JdbcClient.class, () -> JdbcClient.create(new SimpleDriverDataSource()))
      .withUserConfiguration(LiveMarketplaceConfiguration.class, SandboxMarketplace.class);

  @Test
  void theSandboxAnswersWhenNoAdapterIsConfigured() {
    context.run(started -> assertThat(started).getBean(MarketplaceConnection.class)
        .isInstanceOf(SandboxMarketplace.class));
  }

  @Test
  void liveRoutesEachMarketplaceWithShopsToItsAdapterAndTheRestToTheSandbox() {
    context.withPropertyValues(
            "seawall.marketplace.adapter=live",
            "seawall.marketplace.shopify.shops.acme-eu.domain=acme-eu.myshopify.com",
            "seawall.marketplace.shopify.shops.acme-eu.access-token=shpat_configured")
        .run(started -> {
          RoutedMarketplace routed = (RoutedMarketplace) started.getBean(MarketplaceConnection.class);
          assertThat(routed.adapterFor("SHOPIFY")).isInstanceOf(ShopifyMarketplace.class);
          assertThat(routed.adapterFor("TIKTOK_SHOP")).isInstanceOf(SandboxMarketplace.class);
          assertThat(routed.adapterFor("SHOPEE")).isInstanceOf(SandboxMarketplace.class);
          assertThat(routed.adapterFor("EBAY")).isInstanceOf(SandboxMarketplace.class);
          assertThat(started.getBean(ShopifySettings.class).apiVersion()).isEqualTo("2026-01");
        });
  }

  @Test
  void liveSendsTikTokShopAndShopeeOrdersToTheirAdaptersOnceTheirShopsAreConfigured() {
    context.withPropertyValues(
            "seawall.marketplace.adapter=live",
            "seawall.marketplace.tiktok.app-key=key",
            "seawall.marketplace.tiktok.app-secret=secret",
            "seawall.marketplace.tiktok.refund-reason=reason",
            "seawall.marketplace.tiktok.shops.acme-uk.shop-cipher=ROW_cipher",
            "seawall.marketplace.tiktok.shops.acme-uk.access-token=token",
            "seawall.marketplace.shopee.partner-id=2001887",
            "seawall.marketplace.shopee.partner-key=key",
            "seawall.marketplace.shopee.shops.acme-sg.shop-id=600000",
            "seawall.marketplace.shopee.shops.acme-sg.access-token=token")
        .run(started -> {
          RoutedMarketplace routed = (RoutedMarketplace) started.getBean(MarketplaceConnection.class);
          assertThat(routed.adapterFor("TIKTOK_SHOP")).isInstanceOf(TikTokShopMarketplace.class);
          assertThat(routed.adapterFor("SHOPEE")).isInstanceOf(ShopeeMarketplace.class);
          assertThat(routed.adapterFor("SHOPIFY")).isInstanceOf(SandboxMarketplace.class);
        });
  }

  @Test
  void liveSendsAmazonRefundsToSellerCentralWithoutACall() {
    context.withPropertyValues("seawall.marketplace.adapter=live")
        .run(started -> assertThatThrownBy(() -> started.getBean(MarketplaceConnection.class).refund(
            new RefundCommand("case:refund", "AMAZON", "acme-de", "302-1234567-1234567", BigDecimal.TEN, "EUR")))
            .isInstanceOf(MarketplaceFailure.Unsupported.class)
            .hasMessage("Amazon has no refund API for seller-fulfilled orders; refund in Seller Central"));
  }

  @Test
  void tiktokShopsWithoutTheAppSecretStopTheStartWithTheSettingToFix() {
    context.withPropertyValues(
            "seawall.marketplace.adapter=live",
            "seawall.marketplace.tiktok.app-key=key",
            "seawall.marketplace.tiktok.shops.acme-uk.shop-cipher=ROW_cipher",
            "seawall.marketplace.tiktok.shops.acme-uk.access-token=token")
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("seawall.marketplace.tiktok.app-key, .app-secret"));
  }
}
