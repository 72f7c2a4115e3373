package io.seawall.marketplace;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
 * </ul>
 *
 * Requests are signed as Shopee documents
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

  /** Not read yet: the case keeps what the marketplace's message said and an agent checks the order. */
  @Override
  public Optional<MarketOrder> order(String marketplace, String shop, String orderReference) {
    throw new MarketplaceFailure.Unsupported("Seawall does not read Shopee orders yet; check the order in the seller centre");
  }
}
