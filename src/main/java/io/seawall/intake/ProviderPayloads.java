package io.seawall.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seawall.cases.Channel;
import io.seawall.cases.Marketplace;
import io.seawall.cases.ReasonCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;

/**
 * Reads each provider's documented payload: first what identifies a delivery (so a repeat is
 * recognised before anything else), later, when it is processed, what it says. Only the fields
 * Seawall needs are read.
 */
@Component
class ProviderPayloads {

  private static final Set<String> INSPECTION_RESULTS = Set.of("PASS", "PARTIAL", "FAIL");

  // Its own mapper: the providers' wire formats must not move with the application's JSON settings.
  private final ObjectMapper json = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private final IntakeSettings settings;
  private final InboundEventMapper mapper;

  ProviderPayloads(IntakeSettings settings, InboundEventMapper mapper) {
    this.settings = settings;
    this.mapper = mapper;
  }

  JsonNode parse(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        throw new IntakeProblem.Malformed("body", "must be a JSON object");
      }
      return node;
    } catch (IOException notJson) {
      // The parser's own message quotes the body, which may hold personal data.
      throw new IntakeProblem.Malformed("body", "is not valid JSON");
    }
  }

  Delivery identify(Provider provider, byte[] raw, JsonNode body, Signatures.Headers headers) {
    return switch (provider) {
      // Shopify repeats X-Shopify-Webhook-Id on every retry of a delivery.
      case SHOPIFY -> new Delivery(
          headers.get("X-Shopify-Webhook-Id")
              .orElseThrow(() -> new IntakeProblem.Malformed("X-Shopify-Webhook-Id", "header is required")),
          headers.get("X-Shopify-Topic").orElse(null),
          headers.get("X-Shopify-Shop-Domain").orElse(null));
      // Shopee's push carries no id of its own; a retried push is the same body.
      case SHOPEE -> new Delivery(
          InboxEvent.sha256(new String(raw, StandardCharsets.UTF_8)), "push " + text(body, "code"), text(body, "shop_id"));
      case TIKTOK_SHOP -> new Delivery(
          required(body, "tts_notification_id"), "type " + text(body, "type"), text(body, "shop_id"));
      case AFTERSHIP -> new Delivery(required(body, "event_id"), text(body, "event"), null);
      case EASYPOST -> new Delivery(required(body, "id"), text(body, "description"), null);
      case WAREHOUSE -> new Delivery(
          required(body, "event_id"), required(body, "event_type"), headers.get("X-Warehouse-Code").orElse(null));
      case WHATSAPP -> whatsAppDelivery(raw, body);
      case MAIL -> throw new IllegalArgumentException("mail is identified by its Message-ID");
    };
  }

  InboundEvent read(InboxEvent event) {
    JsonNode body = parse(event.payload().getBytes(StandardCharsets.UTF_8));
    return switch (event.provider()) {
      case SHOPIFY -> shopifyReturn(event, body);
      case SHOPEE -> shopeeReturn(event, body);
      case TIKTOK_SHOP -> tikTokReturn(event, body);
      case AFTERSHIP -> "tracking_update".equals(event.topic())
          ? afterShipScan(body)
          : new InboundEvent.NothingToDo("AfterShip event " + event.topic() + " moves no case");
      case EASYPOST -> event.topic() != null && event.topic().startsWith("tracker.")
          ? easyPostScan(body)
          : new InboundEvent.NothingToDo("EasyPost event " + event.topic() + " moves no case");
      case WAREHOUSE -> warehouse(event, body);
      case WHATSAPP -> whatsAppMessages(body);
      case MAIL -> body.hasNonNull("bounce_of")
          ? new InboundEvent.MessageNotDelivered("e-mail", text(body, "bounce_of"),
              "the buyer's mail server returned it" + (body.hasNonNull("bounce_status")
                  ? " (status " + text(body, "bounce_status") + ")" : ""))
          : new InboundEvent.BuyerWrote(Channel.EMAIL, event.sourceKey(), text(body, "from"),
              text(body, "subject"), text(body, "text"));
    };
  }

  /**
   * AfterShip's tracking_update webhook {event_id, event, msg, ts}: msg is the tracking, as the
   * Tracking API returns it (https://www.aftership.com/docs/tracking/2025-01/webhook/webhook-specifications).
   */
  private InboundEvent afterShipScan(JsonNode body) {
    AfterShipTracking tracking = as(body.path("msg"), AfterShipTracking.class);
    present(tracking.trackingNumber(), "msg.tracking_number");
    present(tracking.slug(), "msg.slug");
    present(tracking.tag(), "msg.tag");
    return mapper.parcelScanned(tracking);
  }

  /**
   * EasyPost's Event {id, description: tracker.updated, result: Tracker}
   * (https://docs.easypost.com/guides/webhooks-guide, https://docs.easypost.com/docs/trackers).
   */
  private InboundEvent easyPostScan(JsonNode body) {
    EasyPostTracker tracker = as(body.path("result"), EasyPostTracker.class);
    present(tracker.trackingCode(), "result.tracking_code");
    present(tracker.carrier(), "result.carrier");
    present(tracker.status(), "result.status");
    return mapper.parcelScanned(tracker);
  }

  /**
   * Shopify's returns/request webhook: the REST representation of the Return (id, status, order.id,
   * return_line_items with quantity, return_reason and customer_note). It names neither the buyer
   * nor prices; the case takes the shop's defaults and the order's id as its reference.
   */
  private InboundEvent shopifyReturn(InboxEvent event, JsonNode body) {
    if (!"returns/request".equals(event.topic())) {
      return new InboundEvent.NothingToDo("Shopify topic " + event.topic() + " is not followed");
    }
    List<InboundEvent.ReturnedItem> items = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    ReasonCode reason = null;
    for (JsonNode line : body.path("return_line_items")) {
      String lineItem = line.path("fulfillment_line_item").path("line_item").path("id").asText(line.path("id").asText());
      items.add(new InboundEvent.ReturnedItem("SHOPIFY-LINE-" + lineItem, Math.max(1, line.path("quantity").asInt(1))));
      if (reason == null) {
        reason = shopifyReason(line.path("return_reason").asText(""));
      }
      String note = line.path("customer_note").asText("");
      if (!note.isBlank()) {
        notes.add(note);
      }
    }
    if (items.isEmpty()) {
      throw new IntakeProblem.Malformed("return_line_items", "must name at least one item");
    }
    return new InboundEvent.ReturnRequested(
        Marketplace.SHOPIFY, event.account(), shopOf(settings.shopify().shops(), event.account(), "shop domain"),
        required(body.path("order"), "id", "order.id"), required(body, "id"), text(body, "status"), reason,
        String.join("\n", notes), items);
  }

  private static ReasonCode shopifyReason(String reason) {
    return switch (reason) {
      case "DEFECTIVE" -> ReasonCode.DEFECTIVE;
      case "SIZE_TOO_LARGE", "SIZE_TOO_SMALL" -> ReasonCode.WRONG_SIZE;
      case "WRONG_ITEM" -> ReasonCode.WRONG_ITEM;
      case "COLOR", "STYLE", "UNWANTED" -> ReasonCode.CHANGED_MIND;
      // OTHER and UNKNOWN: the buyer's note says more; an agent reads it.
      default -> ReasonCode.NOT_AS_DESCRIBED;
    };
  }

  /**
   * Shopee's push envelope {code, shop_id, timestamp, data}; a return push is one whose data names a
   * return_sn, read with the field names of v2.returns.get_return_detail (return_sn, order_sn,
   * status, reason, text_reason, item[].item_sku and amount).
   */
  private InboundEvent shopeeReturn(InboxEvent event, JsonNode body) {
    JsonNode data = body.path("data");
    if (!data.hasNonNull("return_sn")) {
      return new InboundEvent.NothingToDo("Shopee " + event.topic() + " concerns no return");
    }
    String shopId = required(body, "shop_id");
    List<InboundEvent.ReturnedItem> items = new ArrayList<>();
    for (JsonNode item : data.path("item")) {
      items.add(new InboundEvent.ReturnedItem(
          item.path("item_sku").asText("SHOPEE-ITEM-" + item.path("item_id").asText()),
          Math.max(1, item.path("amount").asInt(1))));
    }
    if (items.isEmpty()) {
      items.add(new InboundEvent.ReturnedItem("SHOPEE-ORDER-ITEMS", 1));
    }
    IntakeSettings.Shop shop = shopOf(settings.shopee().shops(), shopId, "shop_id");
    return new InboundEvent.ReturnRequested(
        Marketplace.SHOPEE, shop.name() == null ? shopId : shop.name(), shop,
        required(data, "order_sn", "data.order_sn"), required(data, "return_sn", "data.return_sn"),
        text(data, "status"), shopeeReason(data.path("reason").asText("")), data.path("text_reason").asText(""),
        items);
  }

  private static ReasonCode shopeeReason(String reason) {
    return switch (reason) {
      case "NOT_RECEIPT" -> ReasonCode.NOT_RECEIVED;
      case "WRONG_ITEM" -> ReasonCode.WRONG_ITEM;
      case "ITEM_DAMAGED", "PHYSICAL_DMG" -> ReasonCode.DAMAGED;
      case "FUNCTIONAL_DMG", "ITEM_WRONGDAMAGED" -> ReasonCode.DEFECTIVE;
      case "ITEM_MISSING" -> ReasonCode.MISSING_PARTS;
      case "CHANGE_MIND" -> ReasonCode.CHANGED_MIND;
      default -> ReasonCode.NOT_AS_DESCRIBED;
    };
  }

  /**
   * TikTok Shop's webhook envelope {type, tts_notification_id, shop_id, timestamp, data}; type 12 is
   * the return status change, whose data names order_id, return_id, return_type and return_status
   * but neither items nor reason: the case gets one unspecified item and an agent's reading.
   */
  private InboundEvent tikTokReturn(InboxEvent event, JsonNode body) {
    if (body.path("type").asInt() != 12) {
      return new InboundEvent.NothingToDo("TikTok Shop webhook " + event.topic() + " concerns no return");
    }
    JsonNode data = body.path("data");
    String shopId = required(body, "shop_id");
    IntakeSettings.Shop shop = shopOf(settings.tiktokShop().shops(), shopId, "shop_id");
    return new InboundEvent.ReturnRequested(
        Marketplace.TIKTOK_SHOP, shop.name() == null ? shopId : shop.name(), shop,
        required(data, "order_id", "data.order_id"), required(data, "return_id", "data.return_id"),
        text(data, "return_status"), ReasonCode.NOT_AS_DESCRIBED, "",
        List.of(new InboundEvent.ReturnedItem("TIKTOK-ORDER-ITEMS", 1)));
  }

  /**
   * Seawall's warehouse event, modelled on the callbacks of Goodcang's and 4PX's open platforms
   * (an event id, an event type and the business object), documented in README "Intake".
   */
  private InboundEvent warehouse(InboxEvent event, JsonNode body) {
    return switch (event.topic()) {
      case "RETURN_RECEIVED" -> {
        WarehouseReturn received = as(body.path("return"), WarehouseReturn.class);
        present(received.rmaNumber(), "return.rma_number");
        if (!INSPECTION_RESULTS.contains(String.valueOf(received.inspectionResult()))) {
          throw new IntakeProblem.Malformed("return.inspection_result", "must be one of " + INSPECTION_RESULTS);
        }
        yield mapper.returnReceived(received);
      }
      case "OUTBOUND_SHIPPED" -> {
        WarehouseOutbound shipped = as(body.path("outbound"), WarehouseOutbound.class);
        present(shipped.orderReference(), "outbound.order_reference");
        present(shipped.trackingNumber(), "outbound.tracking_number");
        present(shipped.carrier(), "outbound.carrier");
        yield mapper.outboundShipped(shipped);
      }
      default -> new InboundEvent.NothingToDo("warehouse event " + event.topic() + " moves no case");
    };
  }

  /** A WhatsApp delivery is known by its first message's wamid; status-only deliveries by content. */
  private Delivery whatsAppDelivery(byte[] raw, JsonNode body) {
    List<JsonNode> messages = whatsAppMessageNodes(body);
    String id = messages.isEmpty()
        ? "statuses:" + InboxEvent.sha256(new String(raw, StandardCharsets.UTF_8))
        : required(messages.get(0), "id", "entry[].changes[].value.messages[].id");
    return new Delivery(id, messages.isEmpty() ? "statuses" : "messages", null);
  }

  /**
   * WhatsApp Cloud API messages webhook: entry[].changes[].value.messages[] with from (the buyer's
   * number), id (wamid), type and text.body; and .statuses[] about messages Seawall sent, of which
   * only "failed" (with errors[].code and title) moves a case: sent, delivered and read do not.
   */
  private InboundEvent whatsAppMessages(JsonNode body) {
    List<InboundEvent> events = new ArrayList<>();
    for (JsonNode message : whatsAppMessageNodes(body)) {
      String type = message.path("type").asText("");
      String text = "text".equals(type) ? message.path("text").path("body").asText("") : "(" + type + " message)";
      events.add(new InboundEvent.BuyerWrote(Channel.WHATSAPP, "whatsapp:" + required(message, "id", "messages[].id"),
          required(message, "from", "messages[].from"), null, text));
    }
    for (JsonNode status : whatsAppNodes(body, "statuses")) {
      if ("failed".equals(status.path("status").asText())) {
        JsonNode error = status.path("errors").path(0);
        events.add(new InboundEvent.MessageNotDelivered("WhatsApp", required(status, "id", "statuses[].id"),
            "WhatsApp error " + error.path("code").asText("?") + " (" + error.path("title").asText("no reason given")
                + ")"));
      }
    }
    return events.isEmpty()
        ? new InboundEvent.NothingToDo("WhatsApp delivery without messages or failed statuses")
        : new InboundEvent.Several(events);
  }

  private static List<JsonNode> whatsAppMessageNodes(JsonNode body) {
    return whatsAppNodes(body, "messages");
  }

  private static List<JsonNode> whatsAppNodes(JsonNode body, String kind) {
    return StreamSupport.stream(body.path("entry").spliterator(), false)
        .flatMap(entry -> StreamSupport.stream(entry.path("changes").spliterator(), false))
        .flatMap(change -> StreamSupport.stream(change.path("value").path(kind).spliterator(), false))
        .toList();
  }

  private static IntakeSettings.Shop shopOf(Map<String, IntakeSettings.Shop> shops, String id, String field) {
    IntakeSettings.Shop shop = shops.get(id);
    if (shop == null) {
      throw new IntakeProblem.UnknownReference("no shop configured for " + field + " " + id);
    }
    return shop;
  }

  private <T> T as(JsonNode node, Class<T> type) {
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException wrongShape) {
      throw new IntakeProblem.Malformed(type.getSimpleName(), "does not have the documented shape");
    }
  }

  private static void present(String value, String path) {
    if (value == null || value.isBlank()) {
      throw new IntakeProblem.Malformed(path, "is required");
    }
  }

  private static String required(JsonNode node, String field) {
    return required(node, field, field);
  }

  private static String required(JsonNode node, String field, String path) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
      throw new IntakeProblem.Malformed(path, "is required");
    }
    return value.asText();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  record AfterShipTracking(String trackingNumber, String slug, String tag, String subtag) {}

  record EasyPostTracker(String trackingCode, String carrier, String status, String statusDetail) {}

  record WarehouseReturn(String rmaNumber, String inspectionResult, String inspectionNote) {}

  record WarehouseOutbound(String orderReference, String trackingNumber, String carrier) {}
}
