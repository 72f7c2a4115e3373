package io.seawall.intake;

import io.seawall.cases.Channel;
import io.seawall.cases.OpenCaseRequest;
import io.seawall.cases.ShipmentStatus;
import io.seawall.marketplace.MarketOrder;
import io.seawall.marketplace.MarketplaceConnection;
import io.seawall.marketplace.MarketplaceFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The case a marketplace's return request opens. The request names neither prices nor the buyer,
 * so the order is read from the marketplace: its prices, buyer and parcels. Where the marketplace
 * cannot be asked (or knows no such order), the case starts from the shop's defaults with items at
 * zero value, which the resolution-path decision gives to an agent before anything moves.
 */
@Component
class CaseFromReturnRequest {

  private static final Logger log = LoggerFactory.getLogger(CaseFromReturnRequest.class);
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,40}");
  private static final String UNCLASSIFIED = "UNCLASSIFIED";

  private final MarketplaceConnection marketplace;
  private final BuyerLanguage language;

  CaseFromReturnRequest(MarketplaceConnection marketplace, BuyerLanguage language) {
    this.marketplace = marketplace;
    this.language = language;
  }

  OpenCaseRequest openRequest(InboundEvent.ReturnRequested r) {
    return orderOf(r).map(order -> fromOrder(r, order)).orElseGet(() -> fromDefaults(r));
  }

  private Optional<MarketOrder> orderOf(InboundEvent.ReturnRequested r) {
    try {
      return marketplace.order(r.marketplace().name(), r.shop(), r.orderReference());
    } catch (MarketplaceFailure.Unsupported cannot) {
      log.info("Return request {} opens a case from the shop's defaults: {}", r.returnId(), cannot.getMessage());
      return Optional.empty();
    }
  }

  private OpenCaseRequest fromOrder(InboundEvent.ReturnRequested r, MarketOrder order) {
    IntakeSettings.Shop shop = r.shopDefaults();
    MarketOrder.Recipient to = order.recipient();
    String country = to != null && to.country() != null ? to.country() : shop.country();
    String buyerLanguage = language.of(r.buyerNote())
        .or(() -> Optional.ofNullable(to == null ? null : to.language()).map(CaseFromReturnRequest::languageOf))
        .orElse(shop.language());
    List<OpenCaseRequest.Item> items = returnedLines(r, order).stream()
        .map(l -> new OpenCaseRequest.Item(l.sku(), l.quantity(), l.unitPrice(), order.currency(),
            categoryOf(l.category())))
        .toList();
    List<OpenCaseRequest.ShipmentDetails> shipments = order.parcels().stream()
        .filter(p -> p.carrier() != null && p.trackingNumber() != null)
        .map(p -> new OpenCaseRequest.ShipmentDetails(p.carrier(), p.trackingNumber(),
            p.deliveredAt() == null ? ShipmentStatus.IN_TRANSIT : ShipmentStatus.DELIVERED, p.deliveredAt()))
        .toList();
    OpenCaseRequest.BuyerDetails buyer = new OpenCaseRequest.BuyerDetails(
        to != null && to.name() != null ? to.name() : r.marketplace() + " buyer",
        to == null ? null : to.email(),
        to != null && to.phone() != null && PHONE.matcher(to.phone()).matches() ? to.phone() : null,
        to == null ? null : new OpenCaseRequest.Address(to.line1(), to.line2(), to.city(), to.region(), to.postalCode()),
        country, buyerLanguage, shop.timeZone());
    return new OpenCaseRequest(r.marketplace(), r.shop(), r.orderReference(), Channel.MARKETPLACE_MESSAGE, buyer,
        reason(r), items, shipments, null);
  }

  private OpenCaseRequest fromDefaults(InboundEvent.ReturnRequested r) {
    IntakeSettings.Shop shop = r.shopDefaults();
    String buyerLanguage = language.of(r.buyerNote()).orElse(shop.language());
    List<OpenCaseRequest.Item> items = r.items().stream()
        .map(i -> new OpenCaseRequest.Item(i.sku(), i.quantity(), BigDecimal.ZERO, shop.currency(), UNCLASSIFIED))
        .toList();
    return new OpenCaseRequest(r.marketplace(), r.shop(), r.orderReference(), Channel.MARKETPLACE_MESSAGE,
        new OpenCaseRequest.BuyerDetails(
            r.marketplace() + " buyer", null, null, null, shop.country(), buyerLanguage, shop.timeZone()),
        reason(r), items, null, null);
  }

  /** The order's lines the buyer sends back: those the request names, else all of them. */
  private static List<MarketOrder.Line> returnedLines(InboundEvent.ReturnRequested r, MarketOrder order) {
    List<MarketOrder.Line> named = r.items().stream()
        .flatMap(item -> order.lines().stream()
            .filter(line -> line.sku() != null && line.sku().equals(item.sku()))
            .findFirst()
            .map(line -> new MarketOrder.Line(line.sku(), item.quantity(), line.unitPrice(), line.category()))
            .stream())
        .toList();
    return named.isEmpty() ? order.lines() : named;
  }

  private static OpenCaseRequest.Reason reason(InboundEvent.ReturnRequested r) {
    return new OpenCaseRequest.Reason(r.reason(), r.buyerNote().isBlank() ? null : r.buyerNote());
  }

  /** "T-Shirts" becomes T_SHIRTS, the case's category code; anything unusable is UNCLASSIFIED. */
  static String categoryOf(String productType) {
    if (productType == null) {
      return UNCLASSIFIED;
    }
    String code = productType.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    return code.matches("[A-Z][A-Z0-9_]{1,63}") ? code : UNCLASSIFIED;
  }

  /** A marketplace locale ("de-DE", "en") as the case's language tag; odd values are left out. */
  private static String languageOf(String locale) {
    Locale parsed = Locale.forLanguageTag(locale.replace('_', '-'));
    return parsed.getLanguage().isEmpty() ? null : parsed.toLanguageTag();
  }
}
