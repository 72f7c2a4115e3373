package io.seawall.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.seawall.intake.ProviderWebhooks.digits;
import static io.seawall.intake.ProviderWebhooks.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.seawall.Fixtures;
import io.seawall.SeawallTest;
import io.seawall.cases.CaseReferences;
import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.cases.ReferenceKind;
import io.seawall.cases.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A Shopify return request names neither prices nor the buyer: with the shop live, Seawall reads the
 * order from Shopify (a stand-in answering as Shopify's Admin GraphQL API does) and the case starts
 * from the real order, its lines, its buyer and its delivered parcel.
 */
@SeawallTest
class ShopifyReturnRequestOrderTest {

  private static final String SHOP = "seawall-demo.myshopify.com";
  private static final String GRAPHQL = "/admin/api/2026-01/graphql.json";

  @RegisterExtension
  static WireMockExtension shopify = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void liveShopify(DynamicPropertyRegistry registry) {
    registry.add("seawall.marketplace.adapter", () -> "live");
    registry.add("seawall.marketplace.shopify.shops.[" + SHOP + "].domain", shopify::baseUrl);
    registry.add("seawall.marketplace.shopify.shops.[" + SHOP + "].access-token", () -> "shpat_test_order");
  }

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired CaseReferences references;

  @Test
  void aReturnRequestOpensItsCaseFromTheOrderShopifyHolds() throws Exception {
    shopify.stubFor(post(urlEqualTo(GRAPHQL)).withRequestBody(containing("SeawallMarketOrder"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(fixture("market-order-200.json"))));
    String orderId = digits();
    String returnId = digits();

    http.perform(ProviderWebhooks.shopify(UUID.randomUUID().toString(), "returns/request",
            payload("shopify/returns-request.json", Map.of("returnId", returnId, "orderId", orderId))))
        .andExpect(status().isOk());

    UUID caseId = await().atMost(Duration.ofSeconds(30)).until(
        () -> references.caseOf(ReferenceKind.RETURN_AUTHORISATION, returnId).orElse(null), id -> id != null);
    CaseView opened = cases.find(caseId);
    assertThat(opened.orderReference()).isEqualTo(orderId);
    assertThat(opened.currency()).isEqualTo("EUR");
    assertThat(opened.orderValue()).isEqualByComparingTo(new BigDecimal("39.90"));
    assertThat(opened.items()).extracting(CaseView.ItemView::sku).containsExactly("KTL-220-BLK", "FLT-CARB-2PK");
    assertThat(opened.items()).extracting(CaseView.ItemView::category).containsExactly("KETTLES", "FILTERS");
    assertThat(opened.buyer().name()).isEqualTo("Inès Moreau");
    assertThat(opened.buyer().country()).isEqualTo("FR");
    assertThat(opened.shipments()).singleElement().satisfies(parcel -> {
      assertThat(parcel.trackingNumber()).isEqualTo("6A12345678901");
      assertThat(parcel.status()).isEqualTo(ShipmentStatus.DELIVERED);
    });
    shopify.verify(postRequestedFor(urlEqualTo(GRAPHQL))
        .withHeader("X-Shopify-Access-Token", equalTo("shpat_test_order"))
        .withRequestBody(matchingJsonPath("$.variables.query", equalTo("id:" + orderId))));
  }

  private static String fixture(String name) {
    return Fixtures.text("marketplace/shopify/" + name);
  }
}
