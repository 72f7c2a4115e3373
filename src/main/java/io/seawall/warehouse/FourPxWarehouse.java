package io.seawall.warehouse;

import static java.nio.charset.StandardCharsets.UTF_8;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.DigestUtils;
import org.springframework.web.client.RestClient;

/**
 * {@link OverseasWarehouse} on the 4PX open platform: every call is a JSON {@code POST} to
 * {@code /router/api/service} with the API method, {@code app_key}, {@code v}, {@code timestamp}
 * (milliseconds), {@code format=json} and {@code sign} in the query string, where {@code sign} is
 * the lower-case hex MD5 of {@code "app_key" + key + "format" + "json" + "method" + method +
 * "timestamp" + timestamp + "v" + v + body + secret} over the exact body sent. Answers come in
 * 4PX's envelope {@code {"result": "1"|"0", "msg", "errors": [{"error_code", "error_msg"}], "data"}}.
 *
 * <p>Outbound orders are FB4 fulfilment "outbound consignments" ({@code fu.wms.outbound.create},
 * {@code .getlist}, {@code .cancel}) keyed by Seawall's reference as {@code ref_no}; returns are GRS
 * return forecasts ({@code re.grs.rma.create}, {@code re.grs.rmainfo.get}, {@code .list}), which
 * 4PX only finds again by its own {@code rma_no}, so Seawall keeps that number.
 *
 * <p>Sources: 4PX's API pages (http://open.4px.com/apiInfo/apiDetail?itemId=1&mainId=111 create,
 * 112 cancel, 113 list; itemId=4&mainId=148 rma create, 139 rma get, 138 rma list) render in the
 * browser and were read through the open-source clients that follow them: EalenXie/sdk-all fop-sdk
 * (signature, envelope, field names) and ipking/express-4px-php-sdk (required fields, error codes
 * such as AVALIABLE_STOCK_IS_NOT_ENOUGH, ERR_OUTBOUND_CONSIGNMENT_SHIPPED, 12001, 22001). Not found
 * published, so assumed: the gateway's codes for a bad signature or key and for rate limiting
 * (HTTP 401/403 and 429 are assumed; GRS's documented 1001-1003 "system busy/error" are read as
 * unavailable), the error for a repeated {@code ref_no} (the adapter looks the reference up
 * instead), and what GRS's {@code is_normal} flag means (read as "counted as forecast, no damage").
 */
final class FourPxWarehouse implements OverseasWarehouse {

  private static final String PROVIDER = "4PX";
  private static final String CREDENTIALS = "seawall.warehouse.4px.app-key and app-secret";
  private static final String VERSION = "1.0.0";
  private static final Set<String> SYSTEM_ERRORS = Set.of("1001", "1002", "1003");
  private static final String OUT_OF_STOCK = "AVALIABLE_STOCK_IS_NOT_ENOUGH";
  private static final String SHIPPED = "ERR_OUTBOUND_CONSIGNMENT_SHIPPED";
  private static final String CANCELLED_BEFORE = "ERR_OUTBOUND_CONSIGNMENT_REPEAT_CANCEL";
  private static final String RETURN_TRACKING_FORECAST_BEFORE = "12001";
  private static final String RETURN_NOT_RECEIVED_YET = "22001";
  private static final String NO_SUCH_RETURN = "2002";

  /** Parts of 4PX's error codes that name an address field, and Seawall's name for it. */
  private static final List<Map.Entry<String, String>> ADDRESS_FIELDS = List.of(
      Map.entry("STREET", "line1"), Map.entry("POST_CODE", "postalCode"), Map.entry("POSTCODE", "postalCode"),
      Map.entry("CITY", "city"), Map.entry("STATE", "region"), Map.entry("COUNTRY", "country"),
      Map.entry("PHONE", "phone"), Map.entry("FIRST_NAME", "name"));

  private final RestClient http;
  private final FourPxSettings settings;
  private final ReturnOrderNumbers returnNumbers;
  private final Clock clock;
  // Its own mapper: 4PX's wire format must not move with the application's JSON settings.
  private final ObjectMapper json = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private FourPxWarehouse(RestClient http, FourPxSettings settings, ReturnOrderNumbers returnNumbers, Clock clock) {
    this.http = http;
    this.settings = settings;
    this.returnNumbers = returnNumbers;
    this.clock = clock;
  }

  static FourPxWarehouse create(
      FourPxSettings settings, RestClient.Builder http, ReturnOrderNumbers returnNumbers, Clock clock) {
    if (blank(settings.appKey()) || blank(settings.appSecret())) {
      throw new IllegalStateException("seawall.warehouse.4px.app-key and app-secret are required for 4PX");
    }
    return new FourPxWarehouse(
        http.baseUrl(settings.baseUrl())
            .requestFactory(ProviderAnswer.requests(settings.connectTimeout(), settings.readTimeout()))
            .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
            .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
            .build(),
        settings, returnNumbers, clock);
  }

  @Override
  public OutboundOrder placeOutbound(OutboundRequest request) {
    FourPxSettings.Site site = siteOf(request.site());
    Optional<Consignment> earlier = consignmentByReference(request.reference());
    if (earlier.isPresent()) {
      return outboundOf(request.site(), earlier.get());
    }
    OutboundRequest.ShipTo to = request.shipTo();
    if (blank(to.line1())) {
      throw new OutboundRefused.AddressInvalid("line1");
    }
    if (blank(to.postalCode())) {
      throw new OutboundRefused.AddressInvalid("postalCode");
    }
    String street = blank(to.line2()) ? to.line1() : to.line1() + ", " + to.line2();
    Answer answer = call("fu.wms.outbound.create", new CreateOutbound(
        request.reference(), site.warehouseCode(), "S", new LogisticsService(site.logisticsProductCode()),
        new Consignee(to.country(), to.region(), to.city(), to.postalCode(), street, to.name(), to.phone()),
        request.lines().stream().map(l -> new OutboundSku(l.sku(), l.quantity(), "G")).toList()));
    if (answer.succeeded()) {
      return new OutboundOrder(request.reference(), request.site(), answer.data().path("consignment_no").asText(null),
          Stage.ACCEPTED, null, null);
    }
    // A concurrent attempt may have won the reference between the look-up and the create.
    Optional<Consignment> placed = consignmentByReference(request.reference());
    if (placed.isPresent()) {
      return outboundOf(request.site(), placed.get());
    }
    throw refusal(request, answer);
  }

  @Override
  public OutboundOrder outbound(String site, String reference) {
    siteOf(site);
    return consignmentByReference(reference).map(c -> outboundOf(site, c))
        .orElseThrow(() -> new IllegalArgumentException("4PX has no outbound order " + reference));
  }

  @Override
  public void cancelOutbound(String site, String reference) {
    OutboundOrder order = outbound(site, reference);
    if (order.stage() == Stage.CANCELLED) {
      return;
    }
    Answer answer = call("fu.wms.outbound.cancel",
        new CancelOutbound(reference, "OT", "Cancelled by the seller's after-sales case"));
    if (answer.succeeded() || answer.hasError(CANCELLED_BEFORE)) {
      return;
    }
    if (order.stage() == Stage.SHIPPED || answer.hasError(SHIPPED)) {
      throw new IllegalStateException("Outbound order " + reference + " has shipped and can no longer be cancelled");
    }
    throw new IllegalStateException("4PX did not cancel outbound order " + reference + ": " + answer.error());
  }

  @Override
  public void expectReturn(ReturnNotice notice) {
    FourPxSettings.Site site = siteOf(notice.site());
    if (returnNumbers.recall(PROVIDER, notice.returnReference()).isPresent()) {
      return;
    }
    Answer answer = call("re.grs.rma.create", new CreateRma(
        settings.customerCode(), notice.returnReference(), site.returnWarehouseCode(), site.returnServiceCode(),
        notice.trackingNumber(), "N",
        notice.lines().stream().map(l -> new RmaSku(l.sku(), l.quantity())).toList()));
    if (answer.succeeded()) {
      // Documented as the rma_no itself; some accounts answer an object carrying it.
      String rmaNo = answer.data().isTextual() ? answer.data().asText() : answer.data().path("rma_no").asText(null);
      returnNumbers.remember(PROVIDER, notice.returnReference(), rmaNo);
      return;
    }
    if (answer.hasError(RETURN_TRACKING_FORECAST_BEFORE)) {
      // The parcel was announced before (an earlier attempt whose answer was lost): find its rma_no.
      Answer listed = call("re.grs.rmainfo.list", new RmaList(notice.trackingNumber(), 0, 10));
      JsonNode found = listed.data().path("list").path(0).path("rma_no");
      if (listed.succeeded() && found.isTextual()) {
        returnNumbers.remember(PROVIDER, notice.returnReference(), found.asText());
        return;
      }
    }
    throw new IllegalStateException("4PX did not take return " + notice.returnReference() + ": " + answer.error());
  }

  @Override
  public ReturnArrival returnArrival(String site, String returnReference) {
    siteOf(site);
    String rmaNo = returnNumbers.recall(PROVIDER, returnReference)
        .orElseThrow(() -> new IllegalArgumentException("4PX expects no return " + returnReference));
    Answer answer = call("re.grs.rmainfo.get", new RmaGet(rmaNo));
    if (answer.hasError(RETURN_NOT_RECEIVED_YET)) {
      return new ReturnArrival(returnReference, ReturnArrival.Stage.EXPECTED, null, null);
    }
    if (answer.hasError(NO_SUCH_RETURN)) {
      throw new IllegalArgumentException("4PX knows no return " + returnReference);
    }
    if (!answer.succeeded()) {
      throw new IllegalStateException("4PX did not answer for return " + returnReference + ": " + answer.error());
    }
    String status = answer.data().path("status").asText("");
    boolean normal = !"N".equalsIgnoreCase(answer.data().path("is_normal").asText("Y"));
    return switch (status) {
      case "WAIT_RECEIVER" -> new ReturnArrival(returnReference, ReturnArrival.Stage.EXPECTED, null, null);
      case "RECEIVER_COMPLETE", "WAIT_CHECK", "WAIT_PUT_AWAY", "FINISHING" ->
          new ReturnArrival(returnReference, ReturnArrival.Stage.RECEIVED, null, "received, being counted");
      case "PUT_AWAY_SUCCESS" -> new ReturnArrival(returnReference, ReturnArrival.Stage.INSPECTED,
          normal ? Inspection.PASS : Inspection.PARTIAL,
          normal ? "counted as announced; back to stock" : "back to stock with differences from the announcement");
      case "DESTROY_SUCCESS", "EXPIRE_DESTRUCTION" -> new ReturnArrival(returnReference,
          ReturnArrival.Stage.INSPECTED, Inspection.FAIL, "destroyed at the warehouse");
      case "CANCEL_SUCCESS" -> throw new IllegalStateException("4PX cancelled return forecast " + returnReference);
      default -> throw new WarehouseFailure.Unavailable(
          "4PX answered a return status Seawall does not know: " + status, null);
    };
  }

  private OutboundRefused refusal(OutboundRequest request, Answer answer) {
    String error = ProviderAnswer.withoutPersonalData(answer.error(), request.shipTo());
    if (answer.hasError(OUT_OF_STOCK)) {
      String sku = request.lines().stream().map(OutboundRequest.Line::sku).filter(error::contains).findFirst()
          .orElse(request.lines().getFirst().sku());
      return new OutboundRefused.OutOfStock(request.site(), sku);
    }
    for (String code : answer.errorCodes()) {
      Optional<String> field = ADDRESS_FIELDS.stream().filter(f -> code.contains(f.getKey())).map(Map.Entry::getValue)
          .findFirst();
      if (field.isPresent()) {
        return new OutboundRefused.AddressInvalid(field.get());
      }
    }
    return new OutboundRefused.Rejected("4PX refused outbound order " + request.reference() + ": " + error);
  }

  private Optional<Consignment> consignmentByReference(String reference) {
    Answer answer = call("fu.wms.outbound.getlist", new ListOutbound(reference, 1, 10));
    if (!answer.succeeded()) {
      throw new IllegalStateException("4PX did not list outbound order " + reference + ": " + answer.error());
    }
    for (JsonNode listed : answer.data().path("data")) {
      Consignment consignment = read(listed, Consignment.class);
      if (reference.equals(consignment.refNo())) {
        return Optional.of(consignment);
      }
    }
    return Optional.empty();
  }

  private OutboundOrder outboundOf(String site, Consignment consignment) {
    Stage stage = switch (consignment.status() == null ? "" : consignment.status()) {
      // E (exception: unpaid, billing, audit or stock) waits for the seller at 4PX: not moving,
      // which the dispatch SLA catches and hands to an agent.
      case "N", "E" -> Stage.ACCEPTED;
      case "S", "P" -> Stage.PICKING;
      case "C" -> Stage.SHIPPED;
      case "X", "D" -> Stage.CANCELLED;
      default -> throw new WarehouseFailure.Unavailable(
          "4PX answered a consignment status Seawall does not know: " + consignment.status(), null);
    };
    // shipping_no is the last-mile carrier's number; 4PX's own number stands in until it is known.
    String tracking = blank(consignment.shippingNo()) ? consignment.fourPxTrackingNo() : consignment.shippingNo();
    boolean tracked = stage == Stage.SHIPPED && !blank(tracking);
    return new OutboundOrder(consignment.refNo(), site, consignment.consignmentNo(), stage,
        tracked ? consignment.carrierCode() : null, tracked ? tracking : null);
  }

  private FourPxSettings.Site siteOf(String code) {
    return settings.site(code).orElseThrow(() -> new OutboundRefused.Rejected(
        "Site " + code + " has no 4PX warehouse in seawall.warehouse.4px.sites"));
  }

  private Answer call(String method, Object payload) {
    String body = write(payload);
    String timestamp = String.valueOf(clock.millis());
    String sign = DigestUtils.md5DigestAsHex(("app_key" + settings.appKey() + "format" + "json" + "method" + method
        + "timestamp" + timestamp + "v" + VERSION + body + settings.appSecret()).getBytes(UTF_8));
    ProviderAnswer answer = ProviderAnswer.of(http.post()
        .uri(uri -> {
          uri.path("/router/api/service")
              .queryParam("method", method)
              .queryParam("app_key", settings.appKey())
              .queryParam("v", VERSION)
              .queryParam("timestamp", timestamp)
              .queryParam("format", "json")
              .queryParam("sign", sign)
              .queryParam("language", "en");
          if (!blank(settings.accessToken())) {
            uri.queryParam("access_token", settings.accessToken());
          }
          return uri.build();
        })
        .body(body.getBytes(UTF_8)), PROVIDER, CREDENTIALS);
    Answer read = answerOf(answer.body());
    if (!read.succeeded() && read.errorCodes().stream().anyMatch(SYSTEM_ERRORS::contains)) {
      throw new WarehouseFailure.Unavailable("4PX failed on its side: " + read.error(), null);
    }
    return read;
  }

  private Answer answerOf(byte[] body) {
    try {
      JsonNode read = json.readTree(body);
      if (read == null || !read.has("result")) {
        throw new WarehouseFailure.Unavailable("4PX answered a body without its envelope", null);
      }
      return new Answer(read);
    } catch (IOException unreadable) {
      throw new WarehouseFailure.Unavailable("4PX answered a body Seawall cannot read", unreadable);
    }
  }

  private <T> T read(JsonNode node, Class<T> type) {
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException unreadable) {
      throw new WarehouseFailure.Unavailable("4PX answered data Seawall cannot read", unreadable);
    }
  }

  private String write(Object payload) {
    try {
      return json.writeValueAsString(payload);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** 4PX's envelope: {@code result} "1" is success; errors carry 4PX's own codes. */
  private record Answer(JsonNode envelope) {

    boolean succeeded() {
      return "1".equals(envelope.path("result").asText());
    }

    JsonNode data() {
      return envelope.path("data");
    }

    List<String> errorCodes() {
      return errors().stream().map(e -> e.path("error_code").asText("")).toList();
    }

    boolean hasError(String code) {
      return errorCodes().contains(code);
    }

    String error() {
      List<JsonNode> errors = errors();
      return errors.isEmpty() ? envelope.path("msg").asText("")
          : String.join("; ", errors.stream()
              .map(e -> e.path("error_code").asText("") + " " + e.path("error_msg").asText("")).toList());
    }

    private List<JsonNode> errors() {
      JsonNode errors = envelope.path("errors");
      if (errors.isObject()) {
        return List.of(errors);
      }
      List<JsonNode> listed = new ArrayList<>();
      errors.forEach(listed::add);
      return listed;
    }
  }

  record CreateOutbound(
      String refNo, String fromWarehouseCode, String consignmentType, LogisticsService logisticsServiceInfo,
      @JsonProperty("oconsignment_desc") Consignee consignee, @JsonProperty("oconsignment_sku") List<OutboundSku> skus) {

    @Override
    public String toString() {
      return "CreateOutbound[" + refNo + ", personal data withheld]";
    }
  }

  record LogisticsService(String logisticsProductCode) {}

  record Consignee(
      String country, String state, String city, String postCode, String street, String firstName, String phone) {

    @Override
    public String toString() {
      return "Consignee[personal data withheld]";
    }
  }

  record OutboundSku(String skuCode, int qty, String stockQuality) {}

  record ListOutbound(String refNo, int pageNo, int pageSize) {}

  record CancelOutbound(String refNo, String cancelType, String cancelRemark) {}

  record CreateRma(
      String userId, String refNo, String warehouseCode, String servicesProductCode, String receivedShippingNo,
      String packagePhotographService, @JsonProperty("lstsku") List<RmaSku> skus) {}

  record RmaSku(String skuCode, int planQty) {}

  record RmaGet(String rmaNo) {}

  record RmaList(String receivedShippingNo, int pageStart, int pageCount) {}

  record Consignment(
      String consignmentNo, String refNo, String status, String shippingNo,
      @JsonProperty("4px_tracking_no") String fourPxTrackingNo, String carrierCode) {}
}
