package io.seawall.resolution;

import io.seawall.carrier.LabelQuote;
import io.seawall.carrier.ParcelWatch;
import io.seawall.carrier.ReturnLabel;
import io.seawall.carrier.ReturnLabelRequest;
import io.seawall.carrier.ReturnLabels;
import io.seawall.cases.CaseFacts;
import io.seawall.cases.CaseReferences;
import io.seawall.cases.Cases;
import io.seawall.cases.DeliveryFacts;
import io.seawall.cases.ReferenceKind;
import io.seawall.cases.TimelineKind;
import io.seawall.cases.UsdReferenceRates;
import io.seawall.engine.EngineTime;
import io.seawall.marketplace.AuthoriseReturnCommand;
import io.seawall.marketplace.DeclineReturnCommand;
import io.seawall.marketplace.MarketplaceConnection;
import io.seawall.marketplace.MarketplaceFailure;
import io.seawall.marketplace.ReturnAuthorisation;
import io.seawall.marketplace.ReturnDecline;
import io.seawall.marketplace.ReturnRefused;
import io.seawall.warehouse.OutboundRequest;
import io.seawall.warehouse.OverseasWarehouse;
import io.seawall.warehouse.ReturnArrival;
import io.seawall.warehouse.ReturnNotice;
import io.seawall.warehouse.WarehouseSites;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A buyer sending an item back: the marketplace's approval, the prepaid label, the warehouse told
 * to expect the parcel, and what the warehouse found. Every call that moves money or goods carries
 * a key from the case and the step, so a repeated step answers the first result.
 */
@Service
public class Returns {

  /** EU buyers have 14 days to send goods back after withdrawing (Directive 2011/83/EU Art. 14(1)). */
  static final Duration TIME_TO_SEND_BACK = Duration.ofDays(14);

  private final Cases cases;
  private final CaseReferences references;
  private final MarketplaceConnection marketplace;
  private final ReturnLabels labels;
  private final OverseasWarehouse warehouse;
  private final WarehouseSites sites;
  private final UsdReferenceRates rates;
  private final EngineTime time;
  private final StepEffects effects;

  Returns(Cases cases, CaseReferences references, MarketplaceConnection marketplace, ReturnLabels labels,
      OverseasWarehouse warehouse, WarehouseSites sites, UsdReferenceRates rates, EngineTime time,
      StepEffects effects) {
    this.cases = cases;
    this.references = references;
    this.marketplace = marketplace;
    this.labels = labels;
    this.warehouse = warehouse;
    this.sites = sites;
    this.rates = rates;
    this.time = time;
    this.effects = effects;
  }

  /** Approves the return on the marketplace and answers its return id (the RMA). */
  public String authorise(UUID caseId, String step, String actor, String sourceKey) {
    CaseFacts c = cases.facts(caseId);
    String key = caseId + ":" + step;
    ReturnAuthorisation rma;
    try {
      rma = effects.once(key, ReturnAuthorisation.class, () -> marketplace.authoriseReturn(
          new AuthoriseReturnCommand(key, c.marketplace().name(), c.shop(), c.orderReference())));
    } catch (ReturnRefused | MarketplaceFailure.Unsupported refused) {
      cases.record(caseId, TimelineKind.RETURN_REFUSED, step, actor, refused.getMessage(), sourceKey);
      throw refused;
    }
    references.link(caseId, ReferenceKind.RETURN_AUTHORISATION, rma.returnId());
    cases.record(caseId, TimelineKind.RETURN_AUTHORISED, step, actor,
        "return approved on " + c.marketplace() + " (" + rma.returnId() + ")", sourceKey);
    return rma.returnId();
  }

  /**
   * Declines the buyer's return request on the marketplace, for the reason the eligibility check
   * gave ({@code eligibility}: OUTSIDE_WINDOW, EXCLUDED, or anything else).
   */
  public void decline(UUID caseId, String eligibility, String step, String actor, String sourceKey) {
    CaseFacts c = cases.facts(caseId);
    String key = caseId + ":" + step;
    DeclineReturnCommand.DeclineReason reason = switch (eligibility == null ? "" : eligibility) {
      case "OUTSIDE_WINDOW" -> DeclineReturnCommand.DeclineReason.RETURN_PERIOD_ENDED;
      case "EXCLUDED" -> DeclineReturnCommand.DeclineReason.EXCLUDED_ITEM;
      default -> DeclineReturnCommand.DeclineReason.OTHER;
    };
    ReturnDecline decline;
    try {
      decline = effects.once(key, ReturnDecline.class, () -> marketplace.declineReturn(
          new DeclineReturnCommand(key, c.marketplace().name(), c.shop(), c.orderReference(), reason)));
    } catch (ReturnRefused | MarketplaceFailure.Unsupported refused) {
      cases.record(caseId, TimelineKind.RETURN_REFUSED, step, actor, refused.getMessage(), sourceKey);
      throw refused;
    }
    cases.record(caseId, TimelineKind.RETURN_DECLINED, step, actor, switch (decline) {
      case ReturnDecline.Declined declined ->
          "return request " + declined.returnId() + " declined on " + c.marketplace() + " (" + reason + ")";
      case ReturnDecline.NothingToDecline nothing -> "nothing to decline on " + c.marketplace() + ": " + nothing.why();
    }, sourceKey);
  }

  /** Withdraws the marketplace's approval: the return will not happen. */
  public void cancelAuthorisation(UUID caseId, String step, String actor, String sourceKey) {
    CaseFacts c = cases.facts(caseId);
    for (String returnId : references.all(caseId, ReferenceKind.RETURN_AUTHORISATION)) {
      marketplace.cancelReturn(c.marketplace().name(), c.shop(), returnId);
      cases.record(caseId, TimelineKind.RETURN_CANCELLED, step, actor, "return " + returnId + " withdrawn",
          sourceKey + ":" + returnId);
    }
  }

  /** What the label back to the warehouse would cost, against what the item is worth. */
  public ReturnQuote quote(UUID caseId) {
    CaseFacts c = cases.facts(caseId);
    DeliveryFacts from = cases.delivery(caseId);
    WarehouseSites.Site site = returnSiteFor(from.country());
    LabelQuote quote = labels.quote(labelRequest(c, from, site));
    BigDecimal costUsd = "USD".equals(quote.currency())
        ? quote.cost() : rates.inUsd(quote.cost(), quote.currency()).orElse(null);
    BigDecimal inOrderCurrency = quote.currency().equals(c.currency())
        ? quote.cost() : costUsd == null ? null : rates.fromUsd(costUsd, c.currency()).orElse(null);
    boolean costsMore = inOrderCurrency != null && inOrderCurrency.compareTo(c.orderValue()) >= 0;
    return new ReturnQuote(site.code(), quote.cost(), quote.currency(), inOrderCurrency, costsMore);
  }

  /**
   * Buys the prepaid label, tells the warehouse to expect the parcel, and answers what the buyer
   * needs: the tracking number and the date to send it by.
   */
  public SentLabel sendLabel(UUID caseId, String step, String actor, String sourceKey) {
    CaseFacts c = cases.facts(caseId);
    DeliveryFacts from = cases.delivery(caseId);
    WarehouseSites.Site site = returnSiteFor(from.country());
    String key = caseId + ":" + step;
    ReturnLabel label = effects.once(key, ReturnLabel.class, () -> labels.buy(labelRequest(c, from, site), key));
    references.link(caseId, ReferenceKind.RETURN_TRACKING, label.trackingNumber());
    String returnId = references.latest(caseId, ReferenceKind.RETURN_AUTHORISATION).orElseThrow(
        () -> new IllegalStateException("Case " + caseId + " has no approved return to label"));
    warehouse.expectReturn(new ReturnNotice(returnId, site.code(), label.carrier(), label.trackingNumber(),
        from.lines().stream().map(l -> new OutboundRequest.Line(l.sku(), l.quantity())).toList()));
    cases.record(caseId, TimelineKind.LABEL_CREATED, step, actor,
        "return label " + label.trackingNumber() + " with " + label.carrier() + " to " + site.code() + ", "
            + label.cost().toPlainString() + " " + label.currency(),
        sourceKey);
    return new SentLabel(label.labelId(), label.carrier(), label.trackingNumber(), site.code(),
        time.now().plus(TIME_TO_SEND_BACK));
  }

  /** Voids the case's unused return labels so the seller gets their cost back. */
  public void voidLabel(UUID caseId, String labelId, String step, String actor, String sourceKey) {
    labels.voidLabel(labelId);
    cases.record(caseId, TimelineKind.LABEL_VOIDED, step, actor, "unused return label " + labelId + " voided",
        sourceKey);
  }

  /** What the warehouse knows of the case's return; its inspection lands on the timeline. */
  public ReturnArrival arrival(UUID caseId, String site, String step, String actor, String sourceKey) {
    String returnId = references.latest(caseId, ReferenceKind.RETURN_AUTHORISATION).orElseThrow(
        () -> new IllegalStateException("Case " + caseId + " has no approved return"));
    ReturnArrival arrival = warehouse.returnArrival(site, returnId);
    if (arrival.stage() == ReturnArrival.Stage.INSPECTED) {
      cases.record(caseId, TimelineKind.RETURN_INSPECTED, step, actor,
          "inspection " + arrival.inspection() + ": " + arrival.note(), sourceKey);
    }
    return arrival;
  }

  /** The buyer's parcel to the site, labelled with the order reference the warehouse matches it by. */
  private static ReturnLabelRequest labelRequest(CaseFacts c, DeliveryFacts buyer, WarehouseSites.Site site) {
    return new ReturnLabelRequest(c.orderReference(), new ReturnLabelRequest.Sender(buyer.name(), buyer.line1(),
        buyer.line2(), buyer.city(), buyer.region(), buyer.postalCode(), buyer.country(), buyer.phone()),
        site.code(), site.serves().getFirst());
  }

  private WarehouseSites.Site returnSiteFor(String country) {
    return sites.forCountry(country).or(() -> sites.forCountry("CN")).orElseThrow(
        () -> new IllegalStateException("No warehouse site takes returns from " + country
            + " and none in CN; configure seawall.warehouse.sites"));
  }

  /**
   * @param costInOrderCurrency the label's cost in the order's currency; null without a rate
   * @param costsMoreThanItem the label costs at least what the item is worth
   */
  public record ReturnQuote(
      String site, BigDecimal cost, String currency, BigDecimal costInOrderCurrency, boolean costsMoreThanItem) {}

  public record SentLabel(String labelId, String carrier, String trackingNumber, String site, Instant shipBy) {}
}
