package io.seawall.marketplace;

import static io.seawall.marketplace.JsonBodies.shown;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@link MarketplaceConnection} on Shopee Open Platform v2, Returns module
 * (https://open.shopee.com/documents/v2/v2.returns.get_return_list?module=102&type=1).
 *
 * <p>On Shopee every return and refund starts with the buyer's request, known by its
 * {@code return_sn}; Seawall finds it by the order's {@code order_sn} in Get Return List.
 *
 * <ul>
 *   <li>Refund: {@code POST /api/v2/returns/confirm} agrees to the buyer's request and refunds
 *       what the buyer asked (https://open.shopee.com/documents/v2/v2.returns.confirm?module=102&type=1).
 *       Shopee takes no idempotency key: a request already {@code ACCEPTED} is the earlier refund,
 *       and Shopee itself refuses to confirm twice. A smaller amount is an offer the seller makes in
 *       Seller Center, so it is refused here.
 *   <li>Return: a request waiting for the seller's answer to the buyer's proposal is accepted with
 *       {@code POST /api/v2/returns/accept_offer}
 *       (https://open.shopee.com/documents/v2/v2.returns.accept_offer?module=102&type=1); any
 *       other open request already lets the buyer send the parcel, so it is the authorisation.
 *   <li>Withdraw: Shopee has no call for it: {@link MarketplaceFailure.Unsupported}.
 *   <li>Order: {@code GET /api/v2/order/get_order_detail} with the items, the recipient address
 *       and the packages (https://open.shopee.com/documents/v2/v2.order.get_order_detail?module=94&type=1);
 *       each package that left, its tracking number from {@code v2.logistics.get_tracking_number}
 *       and, once delivered, its delivery time from {@code v2.logistics.get_tracking_info}.
 * </ul>
 *
 * Requests, GET and POST alike, are signed as Shopee documents
 * (https://open.shopee.com/documents?module=87&type=2&id=58&version=2): HMAC-SHA256 keyed with
 * the partner key over {@code partner_id + api path + timestamp + access_token + shop_id}, in
 * lower-case hex, sent as {@code sign} beside those values in the query.
 */
final class ShopeeMarketplace implements MarketplaceConnection {

  private static final String PROVIDER = "Shopee";
  private static final int MOST_PAGES = 10;
  private static final int PAGE_SIZE = 100;
  private static final Set<String> OPEN = Set.of("REQUESTED", "PROCESSING");
  /** Shopee's error codes for a wrong partner, key, token or shop: fixed in configuration. */
  private static final Set<String> CREDENTIALS = Set.of(
      "error_auth", "error_sign", "error_permission", "error_param_shop_id_not_found", "invalid_access_token",
      "invalid_acceess_token", "error_invalid_partner");
  /**
   * What Seawall reads of an order: the buyer's name and username are not asked for, the recipient
   * (who may be someone else) is.
   */
  private static final String ORDER_FIELDS = "item_list,recipient_address,package_list";
  /** Package states after the carrier took the parcel (delivered, failed or lost on the way). */
  private static final Set<String> SENT = Set.of(
      "LOGISTICS_PICKUP_DONE", "LOGISTICS_DELIVERY_DONE", "LOGISTICS_DELIVERY_FAILED", "LOGISTICS_LOST");
  private static final Pattern NOT_FOUND = Pattern.compile("(?i)not (be )?found|not exist|does not exist");

  private final ShopeeSettings settings;
  private final RestClient http;
  private final Clock clock;
  // Its own mapper: Shopee's wire format must not move with the application's JSON settings.
  private final ObjectMapper json = JsonMapper.builder().build();

  private ShopeeMarketplace(ShopeeSettings settings, RestClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  static ShopeeMarketplace create(ShopeeSettings settings, RestClient.Builder http, Clock clock) {
    if (settings.partnerId() == null || settings.partnerKey() == null || settings.partnerKey().isBlank()) {
      throw new IllegalStateException("seawall.marketplace.shopee.partner-id and .partner-key are required"
          + " when Shopee shops are configured");
    }
    settings.shops().forEach((name, shop) -> {
      if (shop == null || shop.shopId() == null || shop.accessToken() == null || shop.accessToken().isBlank()) {
        throw new IllegalStateException("seawall.marketplace.shopee.shops." + name
            + ".shop-id and .access-token are required");
      }
    });
    return new ShopeeMarketplace(settings, http
        .requestFactory(HttpAnswer.requests(settings.connectTimeout(), settings.readTimeout()))
        .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
        .build(), clock);
  }

  @Override
  public RefundReceipt refund(RefundCommand command) {
    Function<String, RuntimeException> refused = reason ->
        new RefundRefused("Shopee refused the refund of order " + command.orderReference() + ": " + reason);
    List<JsonNode> returns = returnsOf(command.shop(), command.orderReference(), refused);
    Optional<JsonNode> accepted = returns.stream().filter(r -> "ACCEPTED".equals(r.path("status").asText())).findFirst();
    if (accepted.isPresent()) {
      return receipt(accepted.get(), command, true);
    }
    JsonNode request = returns.stream().filter(r -> OPEN.contains(r.path("status").asText())).findFirst()
        .orElseThrow(() -> new RefundRefused("The buyer has no open return request on Shopee for order "
            + command.orderReference() + "; Shopee refunds only against the buyer's request"));
    BigDecimal asked = amountOf(request);
    if (asked != null && command.amount().compareTo(asked) < 0) {
      throw new RefundRefused("Shopee refunds what the buyer asked (" + asked.toPlainString() + " "
          + request.path("currency").asText() + "); a smaller refund is an offer to make in Seller Center");
    }
    post(command.shop(), "/api/v2/returns/confirm", request.path("return_sn").asText(), refused);
    return receipt(request, command, false);
  }

  @Override
  public ReturnAuthorisation authoriseReturn(AuthoriseReturnCommand command) {
    Function<String, RuntimeException> refused = reason ->
        new ReturnRefused("Shopee refused the return of order " + command.orderReference() + ": " + reason);
    List<JsonNode> returns = returnsOf(command.shop(), command.orderReference(), refused);
    JsonNode request = returns.stream()
        .filter(r -> OPEN.contains(r.path("status").asText()) || "ACCEPTED".equals(r.path("status").asText()))
        .findFirst()
        .orElseThrow(() -> new ReturnRefused("The buyer has not asked Shopee to return order "
            + command.orderReference() + "; Shopee lets only the buyer open a return"));
    String returnSn = request.path("return_sn").asText();
    boolean awaitsSeller = "REQUESTED".equals(request.path("status").asText())
        && "PENDING_RESPOND".equals(request.path("negotiation_status").asText());
    if (!awaitsSeller) {
      return new ReturnAuthorisation(returnSn, !"REQUESTED".equals(request.path("status").asText()));
    }
    post(command.shop(), "/api/v2/returns/accept_offer", returnSn, refused);
    return new ReturnAuthorisation(returnSn, false);
  }

  /**
   * Shopee has no plain decline: a seller who refuses a return disputes it (v2.returns.dispute)
   * with a reason, a contact address and photographs as evidence, which an agent gathers.
   */
  @Override
  public ReturnDecline declineReturn(DeclineReturnCommand command) {
    throw new MarketplaceFailure.Unsupported("Shopee declines a return only through a dispute with evidence;"
        + " dispute the return of order " + command.orderReference() + " in Seller Centre");
  }

  @Override
  public void cancelReturn(String marketplace, String shop, String returnId) {
    throw new MarketplaceFailure.Unsupported("Shopee has no API to withdraw a return; only the buyer can cancel"
        + " it, so ask the buyer or handle it in Seller Center");
  }

  private List<JsonNode> returnsOf(String shop, String orderSn, Function<String, RuntimeException> refused) {
    List<JsonNode> found = new ArrayList<>();
    for (int page = 0; page < MOST_PAGES; page++) {
      String path = "/api/v2/returns/get_return_list";
      UriComponentsBuilder uri = signed(shop, path).queryParam("page_no", page).queryParam("page_size", PAGE_SIZE);
      JsonNode response = interpret(HttpAnswer.of(http.get().uri(uri.encode().build().toUri()), PROVIDER), refused);
      JsonBodies.nodes(response.path("return"))
          .filter(r -> orderSn.equals(r.path("order_sn").asText()))
          .forEach(found::add);
      if (!response.path("more").asBoolean(false)) {
        break;
      }
    }
    return found;
  }

  private void post(String shop, String path, String returnSn, Function<String, RuntimeException> refused) {
    byte[] body = JsonBodies.write(json, json.createObjectNode().put("return_sn", returnSn));
    interpret(HttpAnswer.of(http.post().uri(signed(shop, path).encode().build().toUri()).body(body), PROVIDER), refused);
  }

  private UriComponentsBuilder signed(String shopName, String path) {
    ShopeeSettings.Shop shop = shop(shopName);
    long timestamp = clock.instant().getEpochSecond();
    return UriComponentsBuilder.fromUriString(settings.baseUrl()).path(path)
        .queryParam("partner_id", settings.partnerId())
        .queryParam("timestamp", timestamp)
        .queryParam("access_token", shop.accessToken())
        .queryParam("shop_id", shop.shopId())
        .queryParam("sign", sign(settings.partnerKey(),
            settings.partnerId() + path + timestamp + shop.accessToken() + shop.shopId()));
  }

  /** Shopee's documented signature; package-visible so tests can hold Seawall to the same algorithm. */
  static String sign(String partnerKey, String base) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(partnerKey.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(base.getBytes(UTF_8)));
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
    }
  }

  private JsonNode interpret(HttpAnswer answer, Function<String, RuntimeException> refused) {
    answer.throwTechnicalFailure(PROVIDER, "seawall.marketplace.shopee");
    JsonNode reply = readOrEmpty(answer.body());
    String error = reply.path("error").asText("");
    String message = reply.path("message").asText("");
    if (answer.status().is2xxSuccessful() && error.isEmpty()) {
      return reply.path("response");
    }
    if (CREDENTIALS.contains(error)) {
      throw new MarketplaceFailure.Unauthorized("Shopee rejected Seawall's credentials (" + error + ": " + message
          + "); check seawall.marketplace.shopee");
    }
    if (error.equals("error_server") || error.equals("error_busy") || error.equals("error_inner")) {
      throw new MarketplaceFailure.Unavailable("Shopee failed: " + error + " " + message, null);
    }
    if (error.isEmpty()) {
      throw new MarketplaceFailure.Unavailable("Shopee answered HTTP " + answer.code() + " without an error", null);
    }
    throw refused.apply(error + " " + message);
  }

  private static RefundReceipt receipt(JsonNode request, RefundCommand command, boolean repeated) {
    BigDecimal amount = amountOf(request);
    String currency = request.path("currency").asText();
    return new RefundReceipt(request.path("return_sn").asText(),
        amount == null ? command.amount() : amount, currency.isEmpty() ? command.currency() : currency, repeated);
  }

  private static BigDecimal amountOf(JsonNode request) {
    JsonNode amount = request.path("refund_amount");
    return amount.isNumber() || amount.isTextual() ? new BigDecimal(amount.asText()) : null;
  }

  private ShopeeSettings.Shop shop(String name) {
    ShopeeSettings.Shop shop = settings.shops().get(name);
    if (shop == null) {
      throw new MarketplaceFailure.Unauthorized("Seawall has no Shopee credentials for shop " + name
          + "; configure seawall.marketplace.shopee.shops." + name);
    }
    return shop;
  }

  /** A body that is not Shopee's (a proxy's error page) reads as empty, and the status decides. */
  private JsonNode readOrEmpty(byte[] body) {
    try {
      JsonNode read = json.readTree(body);
      return read == null ? json.createObjectNode() : read;
    } catch (IOException notShopees) {
      return json.createObjectNode();
    }
  }

  @Override
  public Optional<MarketOrder> order(String marketplace, String shop, String orderSn) {
    Function<String, RuntimeException> failed = reason ->
        new MarketplaceFailure.Unavailable("Shopee did not give order " + orderSn + ": " + reason, null);
    String path = "/api/v2/order/get_order_detail";
    HttpAnswer answer = HttpAnswer.of(http.get().uri(signed(shop, path)
        .queryParam("order_sn_list", orderSn)
        .queryParam("response_optional_fields", ORDER_FIELDS)
        .encode().build().toUri()), PROVIDER);
    if (unknownOrder(answer)) {
      return Optional.empty();
    }
    return JsonBodies.nodes(interpret(answer, failed).path("order_list"))
        .filter(order -> orderSn.equals(order.path("order_sn").asText()))
        .findFirst()
        .map(order -> marketOrder(shop, order, failed));
  }

  /**
   * Shopee names an order it does not know in {@code error}/{@code message} rather than by an empty
   * list; any other error is left to {@link #interpret}.
   */
  private boolean unknownOrder(HttpAnswer answer) {
    if (answer.code() == 429 || answer.status().is5xxServerError()) {
      return false;
    }
    JsonNode reply = readOrEmpty(answer.body());
    String error = reply.path("error").asText("");
    return !error.isEmpty() && !CREDENTIALS.contains(error)
        && (error.contains("not_found") || NOT_FOUND.matcher(reply.path("message").asText("")).find());
  }

  /**
   * {@code model_discounted_price} is what the buyer paid for one unit after the shop's and
   * Shopee's item discounts. Shopee does not break a bundle deal's discount down to its items (the
   * field is then 0 or the price before the deal), so such an order cannot be valued here and an
   * agent reads it in Seller Center. Shopee's order names no product category and no buyer e-mail,
   * and its address comes as one {@code full_address} with the city, state and postcode beside it.
   */
  private MarketOrder marketOrder(String shop, JsonNode order, Function<String, RuntimeException> failed) {
    String orderSn = order.path("order_sn").asText();
    List<JsonNode> items = JsonBodies.nodes(order.path("item_list")).toList();
    if (items.stream().anyMatch(item -> "bundle_deal".equals(item.path("promotion_type").asText()))) {
      throw new MarketplaceFailure.Unsupported("Order " + orderSn + " has bundle-deal items, whose price paid"
          + " Shopee does not give per item; check the order in Seller Center");
    }
    List<MarketOrder.Line> lines = items.stream()
        .map(item -> new MarketOrder.Line(
            Optional.ofNullable(shown(item, "model_sku")).orElse(shown(item, "item_sku")),
            item.path("model_quantity_purchased").asInt(),
            new BigDecimal(item.path("model_discounted_price").asText()), null))
        .toList();
    JsonNode address = order.path("recipient_address");
    MarketOrder.Recipient recipient = new MarketOrder.Recipient(shown(address, "name"), null,
        shown(address, "phone"), shown(address, "full_address"), null, shown(address, "city"), shown(address, "state"),
        shown(address, "zipcode"), shown(address, "region"), null);
    List<MarketOrder.Parcel> parcels = JsonBodies.nodes(order.path("package_list"))
        .filter(parcel -> SENT.contains(parcel.path("logistics_status").asText()))
        .map(parcel -> parcel(shop, orderSn, parcel, failed))
        .toList();
    return new MarketOrder(orderSn, order.path("currency").asText(), lines, recipient, parcels);
  }

  /**
   * A package that left carries its tracking number in Get Tracking Number, and one delivered has
   * its delivery time only among the events of Get Tracking Info: one more call per package,
   * two for a delivered one, and orders seldom have more than one.
   */
  private MarketOrder.Parcel parcel(String shop, String orderSn, JsonNode parcel,
      Function<String, RuntimeException> failed) {
    String packageNumber = parcel.path("package_number").asText();
    String tracking = shown(logistics(shop, "/api/v2/logistics/get_tracking_number", orderSn, packageNumber, failed),
        "tracking_number");
    Instant deliveredAt = !"LOGISTICS_DELIVERY_DONE".equals(parcel.path("logistics_status").asText()) ? null
        : JsonBodies.nodes(logistics(shop, "/api/v2/logistics/get_tracking_info", orderSn, packageNumber, failed)
                .path("tracking_info"))
            .filter(event -> "DELIVERED".equals(event.path("logistics_status").asText()))
            .map(event -> Instant.ofEpochSecond(event.path("update_time").asLong()))
            .max(Comparator.naturalOrder())
            .orElse(null);
    return new MarketOrder.Parcel(shown(parcel, "shipping_carrier"), tracking, deliveredAt);
  }

  private JsonNode logistics(String shop, String path, String orderSn, String packageNumber,
      Function<String, RuntimeException> failed) {
    UriComponentsBuilder uri = signed(shop, path)
        .queryParam("order_sn", orderSn)
        .queryParam("package_number", packageNumber);
    return interpret(HttpAnswer.of(http.get().uri(uri.encode().build().toUri()), PROVIDER), failed);
  }
}
