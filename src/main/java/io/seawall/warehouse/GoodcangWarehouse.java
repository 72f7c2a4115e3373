package io.seawall.warehouse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seawall.warehouse.OutboundOrder.Stage;
import io.seawall.warehouse.ReturnArrival.Inspection;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * {@link OverseasWarehouse} on Goodcang's open API (RESTful V1, {@code https://oms.goodcang.net/public_open}).
 * Every call is a JSON {@code POST} carrying the account's {@code app-key} and {@code app-token}
 * headers; Goodcang documents no request signature for this API. Answers come in Goodcang's V1
 * envelope {@code {"ask": "Success"|"Failure", "message", "Error": {"errCode", "errMessage"}, ...}}.
 *
 * <p>Sources (Goodcang's pages at https://open.goodcang.com/docs_api/... need a login; their text was
 * read from public copies): order/create_order ("the order number and reference are unique; once
 * an order is discarded its reference may be used again"), order/get_order_by_code (order_status
 * C/W/D/H/N/P/X), return_order/search (asro_status 0/1/4/5/6/7, sellable/unsellable/destruction
 * quantities), and for order/get_order_by_ref_code, order/cancel_order, return_order/create and
 * inventory/get_product_inventory the request and answer fields used by the open-source
 * EalenXie/sdk-all goodcang-sdk. Not found published, so assumed: the error codes for a repeated
 * reference, missing stock or a bad address, and how Goodcang signals rate limits (HTTP 429 is
 * assumed). The adapter therefore decides from what it can read back rather than from error codes:
 * an order already under the reference is answered as is, missing stock is read from the
 * inventory, and an address refusal is recognised by the field Goodcang names in its message.
 */
final class GoodcangWarehouse implements OverseasWarehouse {

  private static final String PROVIDER = "Goodcang";
  private static final String CREDENTIALS = "seawall.warehouse.goodcang.app-key and app-token";

  /** Goodcang's field names (English and Chinese), in the order they are looked for, and Seawall's. */
  private static final List<Map.Entry<String, String>> ADDRESS_FIELDS = List.of(
      Map.entry("zipcode", "postalCode"), Map.entry("邮编", "postalCode"),
      Map.entry("country", "country"), Map.entry("国家", "country"),
      Map.entry("province", "region"), Map.entry("省", "region"),
      Map.entry("city", "city"), Map.entry("城市", "city"),
      Map.entry("address", "line1"), Map.entry("地址", "line1"),
      Map.entry("phone", "phone"), Map.entry("电话", "phone"),
      Map.entry("name", "name"), Map.entry("收件人", "name"));

  /** Goodcang's return service 1 is "return with inspection" (2 would destroy the goods). */
  private static final int RETURN_INSPECTION = 1;

  private final RestClient http;
  private final GoodcangSettings settings;
  // Its own mapper: Goodcang's wire format must not move with the application's JSON settings.
  private final ObjectMapper json = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private GoodcangWarehouse(RestClient http, GoodcangSettings settings) {
    this.http = http;
    this.settings = settings;
  }

  static GoodcangWarehouse create(GoodcangSettings settings, RestClient.Builder http) {
    if (blank(settings.appKey()) || blank(settings.appToken())) {
      throw new IllegalStateException("seawall.warehouse.goodcang.app-key and app-token are required for Goodcang");
    }
    return new GoodcangWarehouse(
        http.baseUrl(settings.baseUrl())
            .requestFactory(ProviderAnswer.requests(settings.connectTimeout(), settings.readTimeout()))
            .defaultHeader("app-key", settings.appKey())
            .defaultHeader("app-token", settings.appToken())
            .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
            .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
            .build(),
        settings);
  }

  @Override
  public OutboundOrder placeOutbound(OutboundRequest request) {
    GoodcangSettings.Site site = siteOf(request.site());
    // reference_no is Goodcang's unique key: an order already under it is the one placed before.
    Optional<Order> earlier = orderByReference(request.reference());
    if (earlier.isPresent()) {
      return outboundOf(request.site(), earlier.get());
    }
    OutboundRequest.ShipTo to = request.shipTo();
    if (blank(to.line1()) && blank(to.line2())) {
      throw new OutboundRefused.AddressInvalid("line1");
    }
    if (blank(to.postalCode())) {
      throw new OutboundRefused.AddressInvalid("postalCode");
    }
    JsonNode answer = post("/order/create_order", new CreateOrder(
        request.reference(), site.shippingMethod(), site.warehouseCode(), to.country(), to.region(), to.city(),
        to.line1(), to.line2(), to.postalCode(), to.name(), to.phone(), 1,
        request.lines().stream().map(l -> new OrderItem(l.sku(), l.quantity())).toList()));
    // The published example puts order_code beside "ask"; the field table puts it under "data".
    String orderCode = answer.path("order_code").asText(answer.path("data").path("order_code").asText(""));
    if (succeeded(answer) && !orderCode.isBlank()) {
      return new OutboundOrder(request.reference(), request.site(), orderCode, Stage.ACCEPTED, null, null);
    }
    // A concurrent attempt may have won the reference between the look-up and the create.
    Optional<Order> placed = orderByReference(request.reference());
    if (placed.isPresent()) {
      return outboundOf(request.site(), placed.get());
    }
    throw refusal(request, site, answer);
  }

  @Override
  public OutboundOrder outbound(String site, String reference) {
    siteOf(site);
    return orderByReference(reference).map(order -> outboundOf(site, order))
        .orElseThrow(() -> new IllegalArgumentException("Goodcang has no outbound order " + reference));
  }

  @Override
  public void cancelOutbound(String site, String reference) {
    OutboundOrder order = outbound(site, reference);
    if (order.stage() == Stage.CANCELLED) {
      return;
    }
    if (order.stage() == Stage.SHIPPED) {
      throw new IllegalStateException("Outbound order " + reference + " has shipped and can no longer be cancelled");
    }
    JsonNode answer = post("/order/cancel_order",
        new CancelOrder(order.warehouseOrderId(), "Cancelled by the seller's after-sales case"));
    // cancel_status 2 is "cancelled"; other values are an interception Goodcang is still working
    // on, which outbound() shows as it progresses.
    if (!succeeded(answer) && outbound(site, reference).stage() != Stage.CANCELLED) {
      throw new IllegalStateException("Goodcang did not cancel outbound order " + reference + ": " + errorOf(answer));
    }
  }

  @Override
  public void expectReturn(ReturnNotice notice) {
    GoodcangSettings.Site site = siteOf(notice.site());
    if (returnByReference(notice.returnReference()).isPresent()) {
      return;
    }
    JsonNode answer = post("/return_order/create", new CreateReturn(
        notice.returnReference(), site.warehouseCode(), notice.trackingNumber(), RETURN_INSPECTION,
        notice.lines().stream().map(l -> new ReturnProduct(l.sku(), l.quantity())).toList()));
    if (!succeeded(answer) && returnByReference(notice.returnReference()).isEmpty()) {
      throw new IllegalStateException("Goodcang did not take return " + notice.returnReference() + ": " + errorOf(answer));
    }
  }

  @Override
  public ReturnArrival returnArrival(String site, String returnReference) {
    siteOf(site);
    ReturnOrder returned = returnByReference(returnReference)
        .orElseThrow(() -> new IllegalArgumentException("Goodcang expects no return " + returnReference));
    String status = returned.asroStatus() == null ? "" : returned.asroStatus();
    return switch (status) {
      case "0", "1" -> new ReturnArrival(returnReference, ReturnArrival.Stage.EXPECTED, null, null);
      case "4", "7" -> new ReturnArrival(returnReference, ReturnArrival.Stage.RECEIVED, null, "received, being inspected");
      case "5" -> inspected(returnReference, returned);
      case "6" -> throw new IllegalStateException("Goodcang discarded return order " + returnReference);
      default -> throw new WarehouseFailure.Unavailable(
          "Goodcang answered a return status Seawall does not know: " + status, null);
    };
  }

  /** All sellable: PASS; some sellable: PARTIAL; nothing sellable: FAIL. */
  private static ReturnArrival inspected(String returnReference, ReturnOrder returned) {
    List<ReturnedProduct> products = returned.productDetail() == null ? List.of() : returned.productDetail();
    int sellable = products.stream().mapToInt(p -> nonNegative(p.sellableQty())).sum();
    int unsellable = products.stream().mapToInt(p -> nonNegative(p.unsellableQty())).sum();
    int destroyed = products.stream().mapToInt(p -> nonNegative(p.destructionQty())).sum();
    Inspection verdict = sellable == 0 ? Inspection.FAIL
        : unsellable + destroyed == 0 ? Inspection.PASS : Inspection.PARTIAL;
    return new ReturnArrival(returnReference, ReturnArrival.Stage.INSPECTED, verdict,
        "sellable " + sellable + ", unsellable " + unsellable + ", destroyed " + destroyed);
  }

  private OutboundRefused refusal(OutboundRequest request, GoodcangSettings.Site site, JsonNode answer) {
    Map<String, Integer> sellable = sellable(site, request.lines());
    for (OutboundRequest.Line line : request.lines()) {
      if (sellable.getOrDefault(line.sku(), 0) < line.quantity()) {
        return new OutboundRefused.OutOfStock(request.site(), line.sku());
      }
    }
    String error = ProviderAnswer.withoutPersonalData(errorOf(answer), request.shipTo());
    String lowered = error.toLowerCase();
    return ADDRESS_FIELDS.stream().filter(field -> lowered.contains(field.getKey())).findFirst()
        .<OutboundRefused>map(field -> new OutboundRefused.AddressInvalid(field.getValue()))
        .orElseGet(() -> new OutboundRefused.Rejected("Goodcang refused outbound order " + request.reference()
            + ": " + error));
  }

  private Map<String, Integer> sellable(GoodcangSettings.Site site, List<OutboundRequest.Line> lines) {
    JsonNode answer = post("/inventory/get_product_inventory", new InventoryQuery(1, 100,
        lines.stream().map(OutboundRequest.Line::sku).toList(), site.warehouseCode()));
    if (!succeeded(answer) || !answer.path("data").isArray()) {
      return Map.of();
    }
    return List.of(read(answer.path("data"), Inventory[].class)).stream()
        .filter(i -> i.productSku() != null)
        .collect(Collectors.toMap(Inventory::productSku, i -> nonNegative(i.sellable()), Integer::sum));
  }

  private Optional<Order> orderByReference(String reference) {
    JsonNode answer = post("/order/get_order_by_ref_code", new ByReference(reference));
    // Goodcang answers "Failure" for a reference it does not know.
    if (!succeeded(answer) || !answer.path("data").isObject()) {
      return Optional.empty();
    }
    return Optional.of(read(answer.path("data"), Order.class));
  }

  private Optional<ReturnOrder> returnByReference(String returnReference) {
    JsonNode answer = post("/return_order/search", new ByReference(returnReference));
    if (!succeeded(answer) || !answer.path("data").isArray() || answer.path("data").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(read(answer.path("data").get(0), ReturnOrder.class));
  }

  private OutboundOrder outboundOf(String site, Order order) {
    Stage stage = switch (order.orderStatus() == null ? "" : order.orderStatus()) {
      // N (exception) and P (problem) wait for the seller at Goodcang: not moving, which the
      // dispatch SLA catches and hands to an agent.
      case "C", "H", "N", "P" -> Stage.ACCEPTED;
      case "W" -> Stage.PICKING;
      case "D" -> Stage.SHIPPED;
      case "X" -> Stage.CANCELLED;
      default -> throw new WarehouseFailure.Unavailable(
          "Goodcang answered an order status Seawall does not know: " + order.orderStatus(), null);
    };
    boolean tracked = stage == Stage.SHIPPED && !blank(order.trackingNo());
    return new OutboundOrder(order.referenceNo(), site, order.orderCode(), stage,
        tracked ? order.shippingMethod() : null, tracked ? order.trackingNo() : null);
  }

  private GoodcangSettings.Site siteOf(String code) {
    return settings.site(code).orElseThrow(() -> new OutboundRefused.Rejected(
        "Site " + code + " has no Goodcang warehouse in seawall.warehouse.goodcang.sites"));
  }

  private JsonNode post(String path, Object body) {
    ProviderAnswer answer = ProviderAnswer.of(http.post().uri(path).body(write(body)), PROVIDER, CREDENTIALS);
    try {
      JsonNode read = json.readTree(answer.body());
      if (read == null || !read.has("ask")) {
        throw new WarehouseFailure.Unavailable("Goodcang answered a body without its envelope", null);
      }
      return read;
    } catch (IOException unreadable) {
      throw new WarehouseFailure.Unavailable("Goodcang answered a body Seawall cannot read", unreadable);
    }
  }

  private static boolean succeeded(JsonNode answer) {
    return "Success".equalsIgnoreCase(answer.path("ask").asText());
  }

  private static String errorOf(JsonNode answer) {
    JsonNode error = answer.path("Error");
    String code = error.path("errCode").asText("");
    String message = error.path("errMessage").asText(answer.path("message").asText(""));
    return code.isEmpty() ? message : code + " " + message;
  }

  private <T> T read(JsonNode node, Class<T> type) {
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException unreadable) {
      throw new WarehouseFailure.Unavailable("Goodcang answered data Seawall cannot read", unreadable);
    }
  }

  private byte[] write(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static int nonNegative(Integer quantity) {
    return quantity == null ? 0 : Math.max(quantity, 0);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  record CreateOrder(
      String referenceNo, String shippingMethod, String warehouseCode, String countryCode, String province,
      String city, String address1, String address2, String zipcode, String name, String phone, int verify,
      List<OrderItem> items) {

    @Override
    public String toString() {
      return "CreateOrder[" + referenceNo + ", personal data withheld]";
    }
  }

  record OrderItem(String productSku, int quantity) {}

  record ByReference(String referenceNo) {}

  record CancelOrder(String orderCode, String reason) {}

  record CreateReturn(
      String refNo, String warehouseCode, String trackingNo, int serviceType, List<ReturnProduct> productList) {}

  record ReturnProduct(String productSku, int num) {}

  record InventoryQuery(
      int page, @JsonProperty("pageSize") int pageSize, List<String> productSkuArr, String warehouseCode) {}

  record Inventory(String productSku, Integer sellable) {}

  record Order(
      String orderCode, String referenceNo, String orderStatus, String shippingMethod, String trackingNo) {}

  record ReturnOrder(String asroCode, String referenceNo, String asroStatus, List<ReturnedProduct> productDetail) {}

  record ReturnedProduct(String productSku, Integer sellableQty, Integer unsellableQty, Integer destructionQty) {}
}
