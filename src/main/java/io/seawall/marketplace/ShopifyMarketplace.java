package io.seawall.marketplace;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * {@link MarketplaceConnection} on Shopify's Admin GraphQL API, version 2026-01 by default
 * (https://shopify.dev/docs/api/admin-graphql/2026-01).
 *
 * <ul>
 *   <li>Refund: {@code refundCreate} with {@code @idempotent(key:)}, which Shopify added for
 *       refunds in 2026-01 and makes mandatory from 2026-04
 *       (https://shopify.dev/changelog/adding-idempotency-for-inventory-adjustments-and-refund-mutations,
 *       https://shopify.dev/docs/api/usage/idempotent-requests). A repeated key answers the first
 *       refund. The money goes back through the order's settled SALE or CAPTURE transaction.
 *   <li>Return: when the buyer asked in Shopify, the order has a {@code REQUESTED} return and
 *       {@code returnApproveRequest} opens it
 *       (https://shopify.dev/docs/api/admin-graphql/2026-01/mutations/returnApproveRequest). When
 *       Seawall opened the case itself (mail, chat, another channel) there is nothing to approve,
 *       so {@code returnCreate} opens one for the fulfilled items
 *       (https://shopify.dev/docs/api/admin-graphql/2026-01/mutations/returnCreate). Neither takes
 *       an idempotency key: an {@code OPEN} return already on the order is the earlier answer.
 *   <li>Withdraw: {@code returnCancel}
 *       (https://shopify.dev/docs/api/admin-graphql/2026-01/mutations/returnCancel).
 *   <li>Order: the {@code orders} query with the order's lines, shipping address and fulfillments
 *       (https://shopify.dev/docs/api/admin-graphql/2026-01/objects/Order).
 * </ul>
 *
 * Throttling comes as HTTP 429 or as a GraphQL error with code {@code THROTTLED} and the bucket's
 * state in {@code extensions.cost}
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits). Refunds and returns read
 * only ids, states and amounts; the buyer's name and address are asked for only when the order
 * itself is read, and go into the {@link MarketOrder} and nowhere else (no log, no message).
 */
final class ShopifyMarketplace implements MarketplaceConnection {

  private static final String PROVIDER = "Shopify";

  private static final String ORDER = """
      query SeawallOrder($query: String!) {
        orders(first: 1, query: $query) {
          nodes {
            id
            presentmentCurrencyCode
            transactions(first: 50) { id kind status gateway }
            returns(first: 20) { nodes { id status } }
            fulfillments(first: 20) {
              fulfillmentLineItems(first: 100) { nodes { id quantity } }
            }
          }
        }
      }""";

  /**
   * Prices are the presentment money: the currency the buyer paid in, which is what a refund is
   * made in ({@code refund} checks the command against {@code presentmentCurrencyCode}); the shop
   * money is only the merchant's conversion. The unit price is after all discounts, line and order
   * level, because that is what the buyer paid for each unit
   * (https://shopify.dev/docs/api/admin-graphql/2026-01/objects/LineItem). {@code currentQuantity}
   * leaves out units already refunded or removed by an edit: the case cannot refund those again.
   * Tracking and delivery are per fulfillment
   * (https://shopify.dev/docs/api/admin-graphql/2026-01/objects/Fulfillment).
   */
  private static final String MARKET_ORDER = """
      query SeawallMarketOrder($query: String!) {
        orders(first: 1, query: $query) {
          nodes {
            presentmentCurrencyCode
            email
            customerLocale
            shippingAddress { name address1 address2 city provinceCode zip countryCodeV2 phone }
            lineItems(first: 100) {
              nodes {
                sku
                currentQuantity
                discountedUnitPriceAfterAllDiscountsSet { presentmentMoney { amount currencyCode } }
                product { productType }
              }
              pageInfo { hasNextPage }
            }
            fulfillments(first: 20) {
              status
              deliveredAt
              trackingInfo(first: 10) { company number }
            }
          }
        }
      }""";

  /** Fulfillments whose parcel never left: their tracking numbers lead nowhere. */
  private static final List<String> UNSHIPPED = List.of("CANCELLED", "ERROR", "FAILURE");

  private static final String REFUND_CREATE = """
      mutation SeawallRefund($input: RefundInput!, $idempotencyKey: String!) {
        refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
          refund { id totalRefundedSet { presentmentMoney { amount currencyCode } } }
          userErrors { field message }
        }
      }""";

  private static final String RETURN_APPROVE = """
      mutation SeawallApproveReturn($input: ReturnApproveRequestInput!) {
        returnApproveRequest(input: $input) {
          return { id status }
          userErrors { field message }
        }
      }""";

  private static final String RETURN_DECLINE = """
      mutation SeawallDeclineReturn($input: ReturnDeclineRequestInput!) {
        returnDeclineRequest(input: $input) {
          return { id status }
          userErrors { field message }
        }
      }""";

  private static final String RETURN_CREATE = """
      mutation SeawallCreateReturn($returnInput: ReturnInput!) {
        returnCreate(returnInput: $returnInput) {
          return { id status }
          userErrors { field message }
        }
      }""";

  private static final String RETURN_CANCEL = """
      mutation SeawallCancelReturn($id: ID!) {
        returnCancel(id: $id) {
          return { id status }
          userErrors { field message }
        }
      }""";

  private final ShopifySettings settings;
  private final RestClient http;
  // Its own mapper: Shopify's wire format must not move with the application's JSON settings.
  private final ObjectMapper json = JsonMapper.builder().build();

  private ShopifyMarketplace(ShopifySettings settings, RestClient http) {
    this.settings = settings;
    this.http = http;
  }

  static ShopifyMarketplace create(ShopifySettings settings, RestClient.Builder http) {
    settings.shops().forEach((name, shop) -> {
      if (shop == null || blank(shop.domain()) || blank(shop.accessToken())) {
        throw new IllegalStateException("seawall.marketplace.shopify.shops." + name
            + ".domain and .access-token are required");
      }
    });
    return new ShopifyMarketplace(settings, http
        .requestFactory(HttpAnswer.requests(settings.connectTimeout(), settings.readTimeout()))
        .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
        .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
        .build());
  }

  @Override
  public RefundReceipt refund(RefundCommand command) {
    ShopifySettings.Shop shop = shop(command.shop());
    JsonNode order = order(shop, ORDER, command.orderReference()).orElseThrow(() ->
        new RefundRefused("Shopify has no order " + command.orderReference() + " in " + command.shop()));
    if (!command.currency().equals(order.path("presentmentCurrencyCode").asText())) {
      throw new RefundRefused("Order " + command.orderReference() + " was paid in "
          + order.path("presentmentCurrencyCode").asText() + ", not " + command.currency());
    }
    JsonNode payment = JsonBodies.nodes(order.path("transactions"))
        .filter(t -> "SUCCESS".equals(t.path("status").asText()))
        .filter(t -> List.of("SALE", "CAPTURE").contains(t.path("kind").asText()))
        .findFirst()
        .orElseThrow(() -> new RefundRefused("Order " + command.orderReference() + " has no settled payment to refund"));

    ObjectNode variables = json.createObjectNode().put("idempotencyKey", command.idempotencyKey());
    ObjectNode input = variables.putObject("input")
        .put("orderId", order.path("id").asText())
        .put("notify", true)
        .put("note", "Refunded by the seller's after-sales case");
    input.putArray("transactions").addObject()
        .put("orderId", order.path("id").asText())
        .put("parentId", payment.path("id").asText())
        .put("gateway", payment.path("gateway").asText())
        .put("kind", "REFUND")
        .put("amount", command.amount().toPlainString());

    JsonNode created = graphql(shop, REFUND_CREATE, variables).path("refundCreate");
    refusal(created).ifPresent(reason -> {
      throw new RefundRefused("Shopify refused the refund of order " + command.orderReference() + ": " + reason);
    });
    JsonNode refund = created.path("refund");
    JsonNode money = refund.path("totalRefundedSet").path("presentmentMoney");
    if (refund.path("id").asText().isEmpty()) {
      throw new MarketplaceFailure.Unavailable("Shopify answered refundCreate without a refund", null);
    }
    // Shopify answers a repeated key with the first refund and does not say that it did.
    return new RefundReceipt(refund.path("id").asText(),
        money.hasNonNull("amount") ? new BigDecimal(money.path("amount").asText()) : command.amount(),
        money.hasNonNull("currencyCode") ? money.path("currencyCode").asText() : command.currency(),
        false);
  }

  @Override
  public ReturnAuthorisation authoriseReturn(AuthoriseReturnCommand command) {
    ShopifySettings.Shop shop = shop(command.shop());
    JsonNode order = order(shop, ORDER, command.orderReference()).orElseThrow(() ->
        new ReturnRefused("Shopify has no order " + command.orderReference() + " in " + command.shop()));
    List<JsonNode> returns = JsonBodies.nodes(order.path("returns").path("nodes")).toList();
    Optional<JsonNode> open = withStatus(returns, "OPEN");
    if (open.isPresent()) {
      return new ReturnAuthorisation(open.get().path("id").asText(), true);
    }
    Optional<JsonNode> requested = withStatus(returns, "REQUESTED");
    if (requested.isPresent()) {
      ObjectNode variables = json.createObjectNode();
      variables.putObject("input").put("id", requested.get().path("id").asText());
      return authorised(graphql(shop, RETURN_APPROVE, variables).path("returnApproveRequest"), command);
    }
    return authorised(graphql(shop, RETURN_CREATE, returnInput(order, command)).path("returnCreate"), command);
  }

  /**
   * Declines the buyer's requested return. Shopify keeps no idempotency key for this mutation; a
   * declined return and no requested one is the earlier decline. An open (approved) return can no
   * longer be declined.
   */
  @Override
  public ReturnDecline declineReturn(DeclineReturnCommand command) {
    ShopifySettings.Shop shop = shop(command.shop());
    JsonNode order = order(shop, ORDER, command.orderReference()).orElseThrow(() ->
        new ReturnRefused("Shopify has no order " + command.orderReference() + " in " + command.shop()));
    List<JsonNode> returns = JsonBodies.nodes(order.path("returns").path("nodes")).toList();
    Optional<JsonNode> requested = withStatus(returns, "REQUESTED");
    if (requested.isEmpty()) {
      Optional<JsonNode> declined = withStatus(returns, "DECLINED");
      if (declined.isPresent()) {
        return new ReturnDecline.Declined(declined.get().path("id").asText());
      }
      withStatus(returns, "OPEN").ifPresent(open -> {
        throw new ReturnRefused("Shopify already approved return " + open.path("id").asText() + " of order "
            + command.orderReference());
      });
      return new ReturnDecline.NothingToDecline(
          "the buyer has no return request for order " + command.orderReference() + " in Shopify");
    }
    ObjectNode variables = json.createObjectNode();
    variables.putObject("input")
        .put("id", requested.get().path("id").asText())
        .put("declineReason", switch (command.reason()) {
          case RETURN_PERIOD_ENDED -> "RETURN_PERIOD_ENDED";
          case EXCLUDED_ITEM -> "FINAL_SALE";
          case OTHER -> "OTHER";
        });
    JsonNode declined = graphql(shop, RETURN_DECLINE, variables).path("returnDeclineRequest");
    refusal(declined).ifPresent(reason -> {
      throw new ReturnRefused("Shopify refused to decline the return of order " + command.orderReference() + ": "
          + reason);
    });
    return new ReturnDecline.Declined(requested.get().path("id").asText());
  }

  private static Optional<JsonNode> withStatus(List<JsonNode> returns, String status) {
    return returns.stream().filter(r -> status.equals(r.path("status").asText())).findFirst();
  }

  @Override
  public void cancelReturn(String marketplace, String shop, String returnId) {
    JsonNode cancelled = graphql(shop(shop), RETURN_CANCEL, json.createObjectNode().put("id", returnId))
        .path("returnCancel");
    refusal(cancelled).ifPresent(reason -> {
      throw new ReturnRefused("Shopify refused to cancel return " + returnId + ": " + reason);
    });
  }

  /** Every fulfilled item goes back: the case speaks for the order, not for single lines. */
  private ObjectNode returnInput(JsonNode order, AuthoriseReturnCommand command) {
    ObjectNode variables = json.createObjectNode();
    ObjectNode input = variables.putObject("returnInput")
        .put("orderId", order.path("id").asText())
        .put("notifyCustomer", false);
    var lines = input.putArray("returnLineItems");
    JsonBodies.nodes(order.path("fulfillments"))
        .flatMap(f -> JsonBodies.nodes(f.path("fulfillmentLineItems").path("nodes")))
        .filter(line -> line.path("quantity").asInt() > 0)
        .forEach(line -> lines.addObject()
            .put("fulfillmentLineItemId", line.path("id").asText())
            .put("quantity", line.path("quantity").asInt())
            .put("returnReason", "OTHER")
            .put("returnReasonNote", "Authorised by the seller's after-sales case"));
    if (lines.isEmpty()) {
      throw new ReturnRefused("Order " + command.orderReference() + " has nothing fulfilled to return");
    }
    return variables;
  }

  private ReturnAuthorisation authorised(JsonNode payload, AuthoriseReturnCommand command) {
    refusal(payload).ifPresent(reason -> {
      throw new ReturnRefused("Shopify refused the return of order " + command.orderReference() + ": " + reason);
    });
    String id = payload.path("return").path("id").asText();
    if (id.isEmpty()) {
      throw new MarketplaceFailure.Unavailable("Shopify answered without a return", null);
    }
    return new ReturnAuthorisation(id, false);
  }

  /**
   * An order by its Shopify id (a GID, or the bare number Shopify's webhooks carry, as in a
   * returns/request's {@code order.id}) or by its name as the buyer sees it, e.g. {@code #1001}.
   */
  private Optional<JsonNode> order(ShopifySettings.Shop shop, String document, String reference) {
    String query = reference.startsWith("gid://shopify/Order/")
        ? "id:" + reference.substring("gid://shopify/Order/".length())
        : reference.matches("\\d{6,}")
            ? "id:" + reference
            : "name:\"" + reference.replace("\"", "") + "\"";
    JsonNode found = graphql(shop, document, json.createObjectNode().put("query", query))
        .path("orders").path("nodes");
    return found.isArray() && !found.isEmpty() ? Optional.of(found.get(0)) : Optional.empty();
  }

  private JsonNode graphql(ShopifySettings.Shop shop, String document, ObjectNode variables) {
    ObjectNode request = json.createObjectNode().put("query", document);
    request.set("variables", variables);
    HttpAnswer answer = HttpAnswer.of(http.post()
        .uri(shop.graphqlUrl(settings.apiVersion()))
        .header("X-Shopify-Access-Token", shop.accessToken())
        .body(JsonBodies.write(json, request)), PROVIDER);
    answer.throwTechnicalFailure(PROVIDER, "seawall.marketplace.shopify");
    if (!answer.status().is2xxSuccessful()) {
      // 402 (store frozen), 404 (no such store), 423 (store locked): nothing a retry of this
      // order's step fixes, yet not the order's fault either.
      throw new MarketplaceFailure.Unavailable("Shopify answered HTTP " + answer.code(), null);
    }
    JsonNode body = JsonBodies.read(json, answer.body(), "Shopify");
    JsonNode errors = body.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      throw failureOf(errors, body.path("extensions").path("cost"));
    }
    if (!body.path("data").isObject()) {
      throw new MarketplaceFailure.Unavailable("Shopify answered without data", null);
    }
    return body.path("data");
  }

  private static MarketplaceFailure failureOf(JsonNode errors, JsonNode cost) {
    List<String> codes = JsonBodies.nodes(errors).map(e -> e.path("extensions").path("code").asText()).toList();
    String messages = JsonBodies.nodes(errors).map(e -> e.path("message").asText()).collect(joining("; "));
    if (codes.contains("THROTTLED")) {
      return new MarketplaceFailure.Throttled("Shopify throttles Seawall: " + messages, untilRestored(cost));
    }
    if (codes.contains("ACCESS_DENIED")) {
      return new MarketplaceFailure.Unauthorized("Shopify denied Seawall's access token: " + messages);
    }
    return new MarketplaceFailure.Unavailable("Shopify answered errors: " + messages, null);
  }

  /** How long the bucket takes to hold the query's cost again, from the answer's cost report. */
  private static Duration untilRestored(JsonNode cost) {
    double requested = cost.path("requestedQueryCost").asDouble(0);
    double available = cost.path("throttleStatus").path("currentlyAvailable").asDouble(0);
    double restoreRate = cost.path("throttleStatus").path("restoreRate").asDouble(0);
    if (restoreRate <= 0 || requested <= 0) {
      return null;
    }
    return Duration.ofSeconds(Math.max(1, (long) Math.ceil((requested - available) / restoreRate)));
  }

  private static Optional<String> refusal(JsonNode payload) {
    JsonNode userErrors = payload.path("userErrors");
    if (!userErrors.isArray() || userErrors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(JsonBodies.nodes(userErrors).map(e -> e.path("message").asText()).collect(joining("; ")));
  }

  private ShopifySettings.Shop shop(String name) {
    ShopifySettings.Shop shop = settings.shops().get(name);
    if (shop == null) {
      throw new MarketplaceFailure.Unauthorized("Seawall has no Shopify credentials for shop " + name
          + "; configure seawall.marketplace.shopify.shops." + name);
    }
    return shop;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public Optional<MarketOrder> order(String marketplace, String shop, String orderReference) {
    return order(shop(shop), MARKET_ORDER, orderReference).map(order -> marketOrder(orderReference, order));
  }

  private static MarketOrder marketOrder(String orderReference, JsonNode order) {
    JsonNode lineItems = order.path("lineItems");
    if (lineItems.path("pageInfo").path("hasNextPage").asBoolean()) {
      // A partial order would understate its value; an agent reads this one in the Shopify admin.
      throw new MarketplaceFailure.Unsupported("Order " + orderReference + " has more than 100 lines");
    }
    List<MarketOrder.Line> lines = JsonBodies.nodes(lineItems.path("nodes"))
        .filter(line -> line.path("currentQuantity").asInt() > 0)
        .map(line -> new MarketOrder.Line(text(line, "sku"), line.path("currentQuantity").asInt(),
            new BigDecimal(line.path("discountedUnitPriceAfterAllDiscountsSet").path("presentmentMoney")
                .path("amount").asText()),
            text(line.path("product"), "productType")))
        .toList();
    JsonNode address = order.path("shippingAddress");
    MarketOrder.Recipient recipient = new MarketOrder.Recipient(text(address, "name"), text(order, "email"),
        text(address, "phone"), text(address, "address1"), text(address, "address2"), text(address, "city"),
        text(address, "provinceCode"), text(address, "zip"), text(address, "countryCodeV2"),
        text(order, "customerLocale"));
    List<MarketOrder.Parcel> parcels = JsonBodies.nodes(order.path("fulfillments"))
        .filter(f -> !UNSHIPPED.contains(f.path("status").asText()))
        .flatMap(ShopifyMarketplace::parcels)
        .toList();
    return new MarketOrder(orderReference, order.path("presentmentCurrencyCode").asText(), lines, recipient, parcels);
  }

  /**
   * One parcel per tracking number; a fulfillment without any (local delivery, an untracked letter)
   * is still one parcel that went out.
   */
  private static Stream<MarketOrder.Parcel> parcels(JsonNode fulfillment) {
    String delivered = text(fulfillment, "deliveredAt");
    Instant deliveredAt = delivered == null ? null : Instant.parse(delivered);
    List<JsonNode> tracking = JsonBodies.nodes(fulfillment.path("trackingInfo")).toList();
    if (tracking.isEmpty()) {
      return Stream.of(new MarketOrder.Parcel(null, null, deliveredAt));
    }
    return tracking.stream()
        .map(t -> new MarketOrder.Parcel(text(t, "company"), text(t, "number"), deliveredAt));
  }

  /** The field's text, or null when Shopify left it out or sent null. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }
}
