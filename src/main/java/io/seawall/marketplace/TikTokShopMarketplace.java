package io.seawall.marketplace;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
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
 *   <li>Withdraw: TikTok has no call to withdraw an approved return, only the buyer can cancel:
 *       {@link MarketplaceFailure.Unsupported}.
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
  /** States a return reaches only after the seller (or TikTok on the seller's behalf) approved it. */
  private static final List<String> APPROVED = List.of(
      "AWAITING_BUYER_SHIP", "BUYER_SHIPPED_ITEM", "RETURN_OR_REFUND_REQUEST_SUCCESS", "RETURN_OR_REFUND_REQUEST_COMPLETE");

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
    ObjectNode search = json.createObjectNode();
    search.putArray("order_ids").add(command.orderReference());
    List<JsonNode> returns = JsonBodies.nodes(call(command.shop(), "/returns/search", Map.of("page_size", "50"), search, refused)
        .path("return_orders")).toList();
    Optional<JsonNode> approved = returns.stream()
        .filter(r -> APPROVED.contains(r.path("return_status").asText())).findFirst();
    if (approved.isPresent()) {
      return new ReturnAuthorisation(approved.get().path("return_id").asText(), true);
    }
    String returnId = returns.stream()
        .filter(r -> PENDING.equals(r.path("return_status").asText()))
        .map(r -> r.path("return_id").asText())
        .findFirst()
        .orElseThrow(() -> new ReturnRefused("The buyer has not asked TikTok Shop to return order "
            + command.orderReference() + "; TikTok lets only the buyer open a return"));
    call(command.shop(), "/returns/" + returnId + "/approve", Map.of("idempotency_key", command.idempotencyKey()),
        json.createObjectNode().put("decision", "APPROVE_RETURN"), refused);
    return new ReturnAuthorisation(returnId, false);
  }

  @Override
  public void cancelReturn(String marketplace, String shop, String returnId) {
    throw new MarketplaceFailure.Unsupported("TikTok Shop has no API to withdraw an approved return; "
        + "only the buyer can cancel it, so ask the buyer or close it in Seller Center");
  }

  private JsonNode call(String shopName, String action, Map<String, String> query, ObjectNode body,
      Function<String, RuntimeException> refusal) {
    TikTokShopSettings.Shop shop = shop(shopName);
    String path = "/return_refund/" + settings.apiVersion() + action;
    SortedMap<String, String> params = new TreeMap<>(query);
    params.put("app_key", settings.appKey());
    params.put("timestamp", String.valueOf(clock.instant().getEpochSecond()));
    params.put("shop_cipher", shop.shopCipher());
    byte[] payload = JsonBodies.write(json, body);
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(settings.baseUrl()).path(path);
    params.forEach(uri::queryParam);
    uri.queryParam("sign", sign(settings.appSecret(), path, params, new String(payload, UTF_8)));
    HttpAnswer answer = HttpAnswer.of(http.post()
        .uri(uri.encode().build().toUri())
        .header("x-tts-access-token", shop.accessToken())
        .body(payload), PROVIDER);
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

  /** Not read yet: the case keeps what the marketplace's message said and an agent checks the order. */
  @Override
  public Optional<MarketOrder> order(String marketplace, String shop, String orderReference) {
    throw new MarketplaceFailure.Unsupported("Seawall does not read TikTok Shop orders yet; check the order in the seller centre");
  }
}
