package io.seawall.marketplace;

import static io.seawall.marketplace.JsonBodies.shown;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@link MarketplaceConnection} on TikTok Shop's Partner API, Return and Refund 202309
 * (https://partner.tiktokshop.com/docv2/page/650b2001bace3e02b76db38a).
 *
 * <ul>
 *   <li>Refund: Create Return with {@code return_type=REFUND}
 *       ({@code POST /return_refund/202309/returns}), the seller-initiated refund; TikTok answers
 *       a repeated {@code idempotency_key} with the first return.
 *   <li>Return: the buyer asks in TikTok Shop; Seawall finds the request by order (Search Returns)
 *       and approves it ({@code POST /return_refund/202309/returns/{return_id}/approve},
 *       {@code decision=APPROVE_RETURN}) with the same key. A return TikTok already approved is
 *       the earlier answer. Sellers cannot open a return for the buyer, so without a request the
 *       answer is {@link ReturnRefused}.
 *   <li>Decline: the pending request is rejected
 *       ({@code POST /return_refund/202309/returns/{return_id}/reject}) with the shop's configured
 *       reject reason (one of Get Reject Reasons' names) and the same kind of key.
 *   <li>Withdraw: TikTok has no call to withdraw an approved return, only the buyer can cancel:
 *       {@link MarketplaceFailure.Unsupported}.
 *   <li>Order: Get Order Detail of the Order API 202309 ({@code GET /order/202309/orders?ids=},
 *       https://partner.tiktokshop.com/docv2/page/650aa8ccc16ffe02b8f167a0): its units, the
 *       recipient address, the buyer's (relay) e-mail and the packages.
 * </ul>
 *
 * Every request is signed as TikTok documents (https://partner.tiktokshop.com/doc/page/274638):
 * the query parameters except {@code sign} and {@code access_token}, sorted by name and joined as
 * {@code name + value}, after the path and before the JSON body, wrapped in the app secret, then
 * HMAC-SHA256 keyed with the app secret, in lower-case hex. The seller's token travels in
 * {@code x-tts-access-token}. Answers carry {@code code} (0 is success; 105xxx token and 106xxx
 * signature problems are configuration), {@code message} and {@code data}.
 */
final class TikTokShopMarketplace implements MarketplaceConnection {

  private static final String PROVIDER = "TikTok Shop";
  private static final String PENDING = "RETURN_OR_REFUND_REQUEST_PENDING";
  private static final String REJECTED = "RETURN_OR_REFUND_REQUEST_REJECT";
  /** States a return reaches only after the seller (or TikTok on the seller's behalf) approved it. */
  private static final List<String> APPROVED = List.of(
      "AWAITING_BUYER_SHIP", "BUYER_SHIPPED_ITEM", "RETURN_OR_REFUND_REQUEST_SUCCESS", "RETURN_OR_REFUND_REQUEST_COMPLETE");
  /** The district levels that are the city, as {@code address_level_name} names them (lower case). */
  private static final Set<String> CITY_LEVELS = Set.of("city", "post town");

  private final TikTokShopSettings settings;
  private final RestClient http;
  private final Clock clock;
  // Its own mapper: TikTok's wire format must not move with the application's JSON settings.
  private final ObjectMapper json = JsonMapper.builder().build();

  private TikTokShopMarketplace(TikTokShopSettings settings, RestClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  static TikTokShopMarketplace create(TikTokShopSettings settings, RestClient.Builder http, Clock clock) {
    if (blank(settings.appKey()) || blank(settings.appSecret()) || blank(settings.refundReason())) {
      throw new IllegalStateException("seawall.marketplace.tiktok.app-key, .app-secret and .refund-reason are"
          + " required when TikTok Shop shops are configured");
    }
    settings.shops().forEach((name, shop) -> {
      if (shop == null || blank(shop.shopCipher()) || blank(shop.accessToken())) {
        throw new IllegalStateException("seawall.marketplace.tiktok.shops." + name
            + ".shop-cipher and .access-token are required");
      }
    });
    return new TikTokShopMarketplace(settings, http
        .requestFactory(HttpAnswer.requests(settings.connectTimeout(), settings.readTimeout()))
        .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
        .build(), clock);
  }

  @Override
  public RefundReceipt refund(RefundCommand command) {
    ObjectNode body = json.createObjectNode()
        .put("order_id", command.orderReference())
        .put("return_type", "REFUND")
        .put("return_reason", settings.refundReason())
        .put("refund_total", command.amount().toPlainString())
        .put("currency", command.currency());
    JsonNode data = call(command.shop(), "/returns", Map.of("idempotency_key", command.idempotencyKey()), body,
        reason -> new RefundRefused("TikTok Shop refused the refund of order " + command.orderReference() + ": "
            + reason));
    String returnId = data.path("return_id").asText();
    if (returnId.isEmpty()) {
      throw new MarketplaceFailure.Unavailable("TikTok Shop answered Create Return without a return_id", null);
    }
    // TikTok answers a repeated key with the first return and does not say that it did.
    return new RefundReceipt(returnId, command.amount(), command.currency(), false);
  }

  @Override
  public ReturnAuthorisation authoriseReturn(AuthoriseReturnCommand command) {
    Function<String, RuntimeException> refused = reason ->
        new ReturnRefused("TikTok Shop refused the return of order " + command.orderReference() + ": " + reason);
    List<JsonNode> returns = returnsOf(command.shop(), command.orderReference(), refused);
    Optional<JsonNode> approved = withStatus(returns, APPROVED);
    if (approved.isPresent()) {
      return new ReturnAuthorisation(approved.get().path("return_id").asText(), true);
    }
    String returnId = withStatus(returns, List.of(PENDING))
        .map(r -> r.path("return_id").asText())
        .orElseThrow(() -> new ReturnRefused("The buyer has not asked TikTok Shop to return order "
            + command.orderReference() + "; TikTok lets only the buyer open a return"));
    call(command.shop(), "/returns/" + returnId + "/approve", Map.of("idempotency_key", command.idempotencyKey()),
        json.createObjectNode().put("decision", "APPROVE_RETURN"), refused);
    return new ReturnAuthorisation(returnId, false);
  }

  /**
   * Rejects the buyer's pending request with the shop's configured reject reason: a refund-only
   * request as {@code REJECT_REFUND}, a return as {@code REJECT_RETURN}. A request TikTok already
   * rejected is the earlier answer; one it approved (TikTok approves on the seller's behalf when
   * the seller is too slow) can no longer be declined.
   */
  @Override
  public ReturnDecline declineReturn(DeclineReturnCommand command) {
    if (blank(settings.rejectReason())) {
      throw new MarketplaceFailure.Unsupported("Seawall has no TikTok Shop reject reason"
          + " (seawall.marketplace.tiktok.reject-reason); reject the return of order " + command.orderReference()
          + " in Seller Center");
    }
    Function<String, RuntimeException> refused = reason -> new ReturnRefused(
        "TikTok Shop refused to decline the return of order " + command.orderReference() + ": " + reason);
    List<JsonNode> returns = returnsOf(command.shop(), command.orderReference(), refused);
    Optional<JsonNode> pending = withStatus(returns, List.of(PENDING));
    if (pending.isEmpty()) {
      Optional<JsonNode> rejected = withStatus(returns, List.of(REJECTED));
      if (rejected.isPresent()) {
        return new ReturnDecline.Declined(rejected.get().path("return_id").asText());
      }
      withStatus(returns, APPROVED).ifPresent(approved -> {
        throw new ReturnRefused("TikTok Shop already approved return " + approved.path("return_id").asText()
            + " of order " + command.orderReference());
      });
      return new ReturnDecline.NothingToDecline(
          "the buyer has no return request for order " + command.orderReference() + " in TikTok Shop");
    }
    String returnId = pending.get().path("return_id").asText();
    ObjectNode body = json.createObjectNode()
        .put("decision", "REFUND".equals(pending.get().path("return_type").asText()) ? "REJECT_REFUND" : "REJECT_RETURN")
        .put("reject_reason", settings.rejectReason())
        .put("comment", switch (command.reason()) {
          case RETURN_PERIOD_ENDED -> "The return window had passed.";
          case EXCLUDED_ITEM -> "This item cannot be returned.";
          case OTHER -> "The request does not meet the shop's return conditions.";
        });
    call(command.shop(), "/returns/" + returnId + "/reject", Map.of("idempotency_key", command.idempotencyKey()), body,
        refused);
    return new ReturnDecline.Declined(returnId);
  }

  @Override
  public void cancelReturn(String marketplace, String shop, String returnId) {
    throw new MarketplaceFailure.Unsupported("TikTok Shop has no API to withdraw an approved return; "
        + "only the buyer can cancel it, so ask the buyer or close it in Seller Center");
  }

  /** The order's return requests, whatever their state (Search Returns). */
  private List<JsonNode> returnsOf(String shop, String orderReference, Function<String, RuntimeException> refused) {
    ObjectNode search = json.createObjectNode();
    search.putArray("order_ids").add(orderReference);
    return JsonBodies.nodes(call(shop, "/returns/search", Map.of("page_size", "50"), search, refused)
        .path("return_orders")).toList();
  }

  private static Optional<JsonNode> withStatus(List<JsonNode> returns, List<String> statuses) {
    return returns.stream().filter(r -> statuses.contains(r.path("return_status").asText())).findFirst();
  }

  /** A Return and Refund call: a POST whose JSON body is signed with the query. */
  private JsonNode call(String shopName, String action, Map<String, String> query, ObjectNode body,
      Function<String, RuntimeException> refusal) {
    return send(shopName, HttpMethod.POST, "/return_refund/" + settings.apiVersion() + action, query,
        JsonBodies.write(json, body), refusal);
  }

  /** Any Partner API call, signed; {@code payload} is null for a GET, which TikTok signs without a body. */
  private JsonNode send(String shopName, HttpMethod method, String path, Map<String, String> query, byte[] payload,
      Function<String, RuntimeException> refusal) {
    TikTokShopSettings.Shop shop = shop(shopName);
    SortedMap<String, String> params = new TreeMap<>(query);
    params.put("app_key", settings.appKey());
    params.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
    params.put("shop_cipher", shop.shopCipher());
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(settings.baseUrl()).path(path);
    params.forEach(uri::queryParam);
    String body = payload == null ? "" : new String(payload, UTF_8);
    uri.queryParam("sign", sign(settings.appSecret(), path, params, body));
    RestClient.RequestBodySpec request = http.method(method)
        .uri(uri.encode().build().toUri())
        .header("x-tts-access-token", shop.accessToken());
    HttpAnswer answer = HttpAnswer.of(payload == null ? request : request.body(payload), PROVIDER);
    answer.throwTechnicalFailure(PROVIDER, "seawall.marketplace.tiktok");
    JsonNode reply = JsonBodies.read(json, answer.body(), "TikTok Shop");
    String code = reply.path("code").asText("");
    if (answer.status().is2xxSuccessful() && "0".equals(code)) {
      return reply.path("data");
    }
    if (code.startsWith("105") || code.startsWith("106")) {
      throw new MarketplaceFailure.Unauthorized("TikTok Shop rejected Seawall's credentials (code " + code + ": "
          + reply.path("message").asText() + "); check seawall.marketplace.tiktok");
    }
    if (code.isEmpty()) {
      throw new MarketplaceFailure.Unavailable("TikTok Shop answered HTTP " + answer.code() + " without a code", null);
    }
    throw refusal.apply(code + " " + reply.path("message").asText());
  }

  /** TikTok's documented signature; package-visible so tests can hold Seawall to the same algorithm. */
  static String sign(String secret, String path, SortedMap<String, String> params, String body) {
    StringBuilder signed = new StringBuilder(secret).append(path);
    params.forEach((name, value) -> {
      if (!name.equals("sign") && !name.equals("access_token")) {
        signed.append(name).append(value);
      }
    });
    signed.append(body).append(secret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.toString().getBytes(UTF_8)));
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
    }
  }

  private TikTokShopSettings.Shop shop(String name) {
    TikTokShopSettings.Shop shop = settings.shops().get(name);
    if (shop == null) {
      throw new MarketplaceFailure.Unauthorized("Seawall has no TikTok Shop credentials for shop " + name
          + "; configure seawall.marketplace.tiktok.shops." + name);
    }
    return shop;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public Optional<MarketOrder> order(String marketplace, String shop, String orderReference) {
    JsonNode data = send(shop, HttpMethod.GET, "/order/" + settings.apiVersion() + "/orders",
        Map.of("ids", orderReference), null,
        reason -> new MarketplaceFailure.Unavailable(
            "TikTok Shop did not give order " + orderReference + ": " + reason, null));
    return JsonBodies.nodes(data.path("orders"))
        .filter(order -> orderReference.equals(order.path("id").asText()))
        .findFirst()
        .map(order -> marketOrder(orderReference, order));
  }

  /**
   * TikTok lists every unit as its own line item; units of one SKU at one price become one line
   * with their quantity (a SKU sold at two prices stays two lines, so each keeps the price paid).
   * {@code sale_price} is the unit's price after seller and platform discounts, what the buyer paid
   * for it. Cancelled units were never sold. TikTok's order names no product category.
   */
  private static MarketOrder marketOrder(String orderReference, JsonNode order) {
    List<JsonNode> units = JsonBodies.nodes(order.path("line_items"))
        .filter(unit -> !"CANCELLED".equals(unit.path("display_status").asText()))
        .toList();
    Map<Unit, Long> quantities = units.stream().collect(Collectors.groupingBy(
        unit -> new Unit(Optional.ofNullable(shown(unit, "seller_sku")).orElse(shown(unit, "sku_id")),
            new BigDecimal(unit.path("sale_price").asText())),
        LinkedHashMap::new, Collectors.counting()));
    List<MarketOrder.Line> lines = quantities.entrySet().stream()
        .map(e -> new MarketOrder.Line(e.getKey().sku(), e.getValue().intValue(), e.getKey().salePrice(), null))
        .toList();
    String currency = Optional.ofNullable(shown(order.path("payment"), "currency"))
        .orElseGet(() -> units.isEmpty() ? null : shown(units.getFirst(), "currency"));
    return new MarketOrder(orderReference, currency, lines, recipient(order), parcels(order));
  }

  private record Unit(String sku, BigDecimal salePrice) {}

  /**
   * The address lines 3 and 4 (Brazil) join line 2. District levels are named per market: the
   * first level under the country (L1) is the region, and the level TikTok calls "City" (the US)
   * or "Post town" (the UK) is the city.
   */
  private static MarketOrder.Recipient recipient(JsonNode order) {
    JsonNode address = order.path("recipient_address");
    List<JsonNode> districts = JsonBodies.nodes(address.path("district_info")).toList();
    String line2 = Stream.of("address_line2", "address_line3", "address_line4")
        .map(field -> shown(address, field))
        .filter(Objects::nonNull)
        .collect(Collectors.joining(", "));
    return new MarketOrder.Recipient(shown(address, "name"), shown(order, "buyer_email"),
        shown(address, "phone_number"), shown(address, "address_line1"), line2.isEmpty() ? null : line2,
        district(districts, d -> CITY_LEVELS.contains(
            d.path("address_level_name").asText().toLowerCase(Locale.ROOT))),
        district(districts, d -> "L1".equals(d.path("address_level").asText())),
        shown(address, "postal_code"), shown(address, "region_code"), null);
  }

  private static String district(List<JsonNode> districts, Predicate<JsonNode> level) {
    return districts.stream().filter(level).map(d -> shown(d, "address_name")).filter(Objects::nonNull)
        .findFirst().orElse(null);
  }

  /**
   * One parcel per package that has a tracking number (a package gets one when it ships). TikTok
   * gives the delivery time per order ({@code delivery_time}, when the order became DELIVERED), so
   * a package it reports delivered ({@code package_status} COMPLETED) takes that time. A CANCELLED
   * package (never sent, or lost or damaged on the way) is left out, as Shopify's cancelled
   * fulfillments are.
   */
  private static List<MarketOrder.Parcel> parcels(JsonNode order) {
    long deliveredAt = order.path("delivery_time").asLong(0);
    Map<String, List<JsonNode>> packages = JsonBodies.nodes(order.path("line_items"))
        .filter(unit -> shown(unit, "package_id") != null)
        .filter(unit -> !"CANCELLED".equals(unit.path("package_status").asText()))
        .collect(Collectors.groupingBy(unit -> shown(unit, "package_id"), LinkedHashMap::new, Collectors.toList()));
    return packages.values().stream()
        .flatMap(units -> units.stream().filter(unit -> shown(unit, "tracking_number") != null).findFirst().stream())
        .map(unit -> new MarketOrder.Parcel(shown(unit, "shipping_provider_name"), shown(unit, "tracking_number"),
            "COMPLETED".equals(unit.path("package_status").asText()) && deliveredAt > 0
                ? Instant.ofEpochSecond(deliveredAt) : null))
        .toList();
  }
}
