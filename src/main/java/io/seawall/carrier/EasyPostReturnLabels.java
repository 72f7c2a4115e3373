package io.seawall.carrier;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ReturnLabels} on EasyPost's Shipments API with {@code is_return: true}
 * (https://docs.easypost.com/docs/shipments/returns): the shipment is created with the addresses of
 * the outbound parcel (to the buyer, from the warehouse site) and EasyPost swaps them on the label.
 * A quote rates a fresh shipment and answers its cheapest rate; buying buys that rate
 * ({@code POST /shipments/{id}/buy}); voiding asks for the postage back
 * ({@code POST /shipments/{id}/refund}). A label's id is its EasyPost shipment id.
 *
 * <p>EasyPost has no idempotency key, so repeated buys are made harmless by two facts: a shipment can
 * be bought only once, and the shipment each key stands for is written down here before it is
 * bought. A repeated step reads that shipment back and answers its label, or buys it if the earlier
 * attempt never did; it never creates a second shipment to buy. The order reference travels as the
 * shipment's {@code reference} and is printed on the label, so the warehouse, and anyone reading
 * EasyPost's dashboard, can match the parcel.
 *
 * <p>The buyer's address comes with the {@link ReturnLabelRequest} from the case store, for the call
 * only; a case without a street is rated where carriers price by country, and EasyPost refuses to
 * buy its label with a refusal naming the missing field.
 */
final class EasyPostReturnLabels implements ReturnLabels {

  private static final List<String> REFUND_ASKED = List.of("submitted", "refunded");

  private final EasyPostClient easyPost;
  private final EasyPostSettings settings;
  private final JdbcClient db;
  private final Clock clock;

  EasyPostReturnLabels(EasyPostClient easyPost, EasyPostSettings settings, JdbcClient db, Clock clock) {
    this.easyPost = easyPost;
    this.settings = settings;
    this.db = db;
    this.clock = clock;
  }

  @Override
  public LabelQuote quote(ReturnLabelRequest request) {
    Rate cheapest = cheapest(create(request));
    return new LabelQuote(cheapest.carrier(), cheapest.service(), cheapest.rate(), cheapest.currency());
  }

  @Override
  public ReturnLabel buy(ReturnLabelRequest request, String idempotencyKey) {
    Book book = bookOf(idempotencyKey).orElseGet(() -> open(idempotencyKey, request));
    if (book.label() != null) {
      return book.label();
    }
    Shipment shipment = book.shipmentId() == null
        ? shipmentFor(idempotencyKey, request)
        : easyPost.get("/shipments/{id}", Shipment.class, book.shipmentId());
    if (shipment.postageLabel() == null) {
      shipment = buy(shipment);
    }
    if (shipment.trackingCode() == null || shipment.selectedRate() == null) {
      throw new CarrierFailure.Unavailable("EasyPost bought shipment " + shipment.id()
          + " but has not given its tracking code yet", null);
    }
    db.sql("""
            update easypost_return_label
            set carrier = ?, tracking_number = ?, label_url = ?, cost = ?, currency = ?, bought_at = ?
            where idempotency_key = ?""")
        .params(shipment.selectedRate().carrier(), shipment.trackingCode(), shipment.postageLabel().url(),
            shipment.selectedRate().rate(), shipment.selectedRate().currency(), Timestamp.from(clock.instant()),
            idempotencyKey)
        .update();
    return bookOf(idempotencyKey).orElseThrow().label();
  }

  /** Asking twice is harmless: a refund already asked for or granted answers as done. */
  @Override
  public void voidLabel(String labelId) {
    Shipment refunded;
    try {
      refunded = easyPost.post("/shipments/{id}/refund", Shipment.class, labelId);
    } catch (CarrierFailure.Refused refused) {
      Shipment earlier = shipmentOr(labelId, refused);
      if (REFUND_ASKED.contains(earlier.refundStatus())) {
        return;
      }
      throw refused;
    }
    if (!REFUND_ASKED.contains(refunded.refundStatus())) {
      String status = refunded.refundStatus() == null ? "unknown" : refunded.refundStatus();
      throw new CarrierFailure.Refused("REFUND_" + status.toUpperCase(Locale.ROOT),
          "EasyPost will not refund label " + labelId + " (refund status " + refunded.refundStatus()
              + "); a scanned or expired label cannot be voided");
    }
  }

  private Shipment shipmentOr(String shipmentId, CarrierFailure.Refused refused) {
    try {
      return easyPost.get("/shipments/{id}", Shipment.class, shipmentId);
    } catch (CarrierFailure.Refused unknown) {
      throw refused;
    }
  }

  /** Creates the shipment and writes it down before anything is bought. */
  private Shipment shipmentFor(String idempotencyKey, ReturnLabelRequest request) {
    Shipment created = create(request);
    int written = db.sql("update easypost_return_label set shipment_id = ? where idempotency_key = ? and shipment_id is null")
        .params(created.id(), idempotencyKey)
        .update();
    if (written == 0) {
      // A concurrent attempt wrote its shipment first; buy that one, and leave ours unbought (free).
      return easyPost.get("/shipments/{id}", Shipment.class, bookOf(idempotencyKey).orElseThrow().shipmentId());
    }
    return created;
  }

  private Shipment buy(Shipment shipment) {
    Rate cheapest = cheapest(shipment);
    try {
      return easyPost.post("/shipments/{id}/buy", new Buy(new ChosenRate(cheapest.id())), Shipment.class, shipment.id());
    } catch (CarrierFailure.Refused refused) {
      // EasyPost sells a shipment once: if a concurrent attempt bought it, its label is the answer.
      Shipment now = easyPost.get("/shipments/{id}", Shipment.class, shipment.id());
      if (now.postageLabel() == null) {
        throw refused;
      }
      return now;
    }
  }

  /** The buyer as EasyPost's to_address: EasyPost swaps the two addresses on a return label. */
  private static Address buyer(ReturnLabelRequest.Sender sender) {
    return new Address(sender.name(), null, sender.line1(), sender.line2(), sender.city(), sender.region(),
        sender.postalCode(), sender.country(), sender.phone(), null);
  }

  private Shipment create(ReturnLabelRequest request) {
    EasyPostSettings.Address site = settings.returnAddresses().get(request.toSite());
    if (site == null) {
      throw new CarrierFailure.Refused("RETURN_ADDRESS_NOT_CONFIGURED", "No return address for site "
          + request.toSite() + "; set seawall.carrier.easypost.return-addresses." + request.toSite() + ".*");
    }
    EasyPostSettings.ReturnParcel parcel = settings.returnParcel();
    NewShipment shipment = new NewShipment(
        buyer(request.sender()),
        new Address(site.name(), site.company(), site.street1(), site.street2(), site.city(), site.state(), site.zip(),
            site.country(), site.phone(), site.email()),
        new Parcel(parcel.length(), parcel.width(), parcel.height(), parcel.weight()),
        true,
        request.reference(),
        settings.carrierAccounts().isEmpty() ? null : settings.carrierAccounts(),
        new Options("PDF", request.reference()));
    return easyPost.post("/shipments", new CreateShipment(shipment), Shipment.class);
  }

  /**
   * The cheapest of the rates in the shipment's currency (EasyPost's {@code options.currency}, USD
   * unless the account says otherwise): rates in other currencies cannot be compared without a
   * rate of exchange, which Seawall does not guess.
   */
  private static Rate cheapest(Shipment shipment) {
    String currency = shipment.options() == null || shipment.options().currency() == null
        ? "USD" : shipment.options().currency();
    return (shipment.rates() == null ? List.<Rate>of() : shipment.rates()).stream()
        .filter(rate -> rate.rate() != null && currency.equals(rate.currency()))
        .min(Comparator.comparing(Rate::rate))
        .orElseThrow(() -> new CarrierFailure.Refused("NO_RATES", "EasyPost found no " + currency
            + " rate for shipment " + shipment.id() + describe(shipment.messages())));
  }

  /** The carriers' own reasons for giving no rate (the buyer's street is never among what was sent). */
  private static String describe(List<Message> messages) {
    return messages == null || messages.isEmpty() ? "" : messages.stream()
        .map(message -> message.carrier() + ": " + message.message())
        .collect(joining("; ", " (", ")"));
  }

  private Book open(String idempotencyKey, ReturnLabelRequest request) {
    try {
      db.sql("insert into easypost_return_label (idempotency_key, reference, first_tried_at) values (?, ?, ?)")
          .params(idempotencyKey, request.reference(), Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException concurrent) {
      // Another attempt opened it first; carry on from its book.
    }
    return bookOf(idempotencyKey).orElseThrow();
  }

  private Optional<Book> bookOf(String idempotencyKey) {
    return db.sql("""
            select shipment_id, carrier, tracking_number, label_url, cost, currency, bought_at
            from easypost_return_label where idempotency_key = ?""")
        .param(idempotencyKey)
        .query((rs, n) -> new Book(rs.getString("shipment_id"), rs.getTimestamp("bought_at") == null
            ? null
            : new ReturnLabel(rs.getString("shipment_id"), rs.getString("carrier"), rs.getString("tracking_number"),
                rs.getString("label_url"), rs.getBigDecimal("cost"), rs.getString("currency"))))
        .optional();
  }

  /** What one idempotency key stands for: its shipment once created, its label once bought. */
  private record Book(String shipmentId, ReturnLabel label) {}

  record CreateShipment(NewShipment shipment) {}

  record NewShipment(
      Address toAddress, Address fromAddress, Parcel parcel, Boolean isReturn, String reference,
      List<String> carrierAccounts, Options options) {}

  record Address(
      String name, String company, String street1, String street2, String city, String state, String zip,
      String country, String phone, String email) {}

  record Parcel(BigDecimal length, BigDecimal width, BigDecimal height, BigDecimal weight) {}

  /** {@code print_custom_1} puts the order reference on the label where the carrier supports it. */
  record Options(String labelFormat, @JsonProperty("print_custom_1") String printCustom1) {}

  record Buy(ChosenRate rate) {}

  record ChosenRate(String id) {}

  record Shipment(
      String id, String trackingCode, String refundStatus, ShipmentOptions options, List<Rate> rates,
      Rate selectedRate, PostageLabel postageLabel, List<Message> messages) {}

  record ShipmentOptions(String currency) {}

  record Rate(String id, String carrier, String service, BigDecimal rate, String currency) {}

  record PostageLabel(String labelUrl, String labelPdfUrl) {

    /** The PDF Seawall asks for; the PNG EasyPost always makes if a carrier gives no PDF. */
    String url() {
      return labelPdfUrl != null ? labelPdfUrl : labelUrl;
    }
  }

  record Message(String carrier, String message) {}
}
