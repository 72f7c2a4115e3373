package io.seawall.resolution;

import io.seawall.carrier.ParcelWatch;
import io.seawall.cases.CaseFacts;
import io.seawall.cases.CaseReferences;
import io.seawall.cases.Cases;
import io.seawall.cases.DeliveryFacts;
import io.seawall.cases.ReferenceKind;
import io.seawall.cases.TimelineKind;
import io.seawall.engine.EngineTime;
import io.seawall.warehouse.OutboundOrder;
import io.seawall.warehouse.OutboundRefused;
import io.seawall.warehouse.OutboundRequest;
import io.seawall.warehouse.OverseasWarehouse;
import io.seawall.warehouse.WarehouseSites;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A replacement (or exchange) shipped from an overseas warehouse: placing the outbound order,
 * following it until the carrier has it, and cancelling what will no longer ship.
 */
@Service
public class Reshipments {

  private final Cases cases;
  private final CaseReferences references;
  private final OverseasWarehouse warehouse;
  private final WarehouseSites sites;
  private final ParcelWatch parcels;
  private final JdbcClient db;
  private final EngineTime time;
  private final StepEffects effects;

  Reshipments(Cases cases, CaseReferences references, OverseasWarehouse warehouse, WarehouseSites sites,
      ParcelWatch parcels, JdbcClient db, EngineTime time, StepEffects effects) {
    this.cases = cases;
    this.references = references;
    this.warehouse = warehouse;
    this.sites = sites;
    this.parcels = parcels;
    this.db = db;
    this.time = time;
    this.effects = effects;
  }

  /**
   * Places the outbound order of an attempt. The reference (the warehouse's idempotency key) is made
   * of the case and the attempt, so a repeated step places nothing new and a new attempt (another
   * site, a corrected address) is a new order.
   *
   * @param site the site an agent chose, or null for the preferred site of the buyer's country
   * @throws OutboundRefused when the warehouse will not ship it; the refusal lands on the timeline
   */
  public OutboundOrder place(UUID caseId, int attempt, String site, String step, String actor, String sourceKey) {
    CaseFacts c = cases.facts(caseId);
    DeliveryFacts to = cases.delivery(caseId);
    String siteCode = site != null && !site.isBlank() ? site
        : sites.forCountry(to.country()).map(WarehouseSites.Site::code)
            .orElseThrow(() -> new OutboundRefused.Rejected("No warehouse site delivers to " + to.country()));
    String reference = c.reference() + "-RS" + attempt;
    OutboundRequest request = new OutboundRequest(reference, siteCode,
        to.lines().stream().map(l -> new OutboundRequest.Line(l.skuToShip(), l.quantity())).toList(),
        new OutboundRequest.ShipTo(to.name(), to.line1(), to.line2(), to.city(), to.region(), to.postalCode(),
            to.country(), to.phone()));
    OutboundOrder order;
    try {
      order = effects.once(reference, OutboundOrder.class, () -> warehouse.placeOutbound(request));
    } catch (OutboundRefused refused) {
      cases.record(caseId, TimelineKind.OUTBOUND_REFUSED, step, actor,
          siteCode + " refused " + reference + ": " + refused.problem() + " (" + refused.getMessage() + ")",
          sourceKey);
      throw refused;
    }
    db.sql("""
            insert into case_outbound_order (reference, case_id, site, placed_at)
            select ?, ?, ?, ? where not exists (select 1 from case_outbound_order where reference = ?)""")
        .params(reference, caseId, siteCode, Timestamp.from(time.now()), reference)
        .update();
    references.link(caseId, ReferenceKind.OUTBOUND_ORDER, reference);
    cases.record(caseId, TimelineKind.OUTBOUND_PLACED, step, actor,
        "outbound order " + reference + " placed at " + siteCode + " (" + order.warehouseOrderId() + "): "
            + request.lines().stream().map(l -> l.quantity() + " x " + l.sku()).collect(Collectors.joining(", ")),
        sourceKey);
    return order;
  }

  /**
   * Where the outbound order stands. Once shipped, its parcel joins the case's shipments and the
   * tracking provider follows it.
   */
  public OutboundOrder follow(UUID caseId, String reference, String step, String actor, String sourceKey) {
    String site = siteOf(reference);
    OutboundOrder order = warehouse.outbound(site, reference);
    if (order.stage() == OutboundOrder.Stage.SHIPPED) {
      references.link(caseId, ReferenceKind.RESHIP_TRACKING, order.trackingNumber());
      cases.addShipment(caseId, order.carrier(), order.trackingNumber());
      parcels.follow(order.carrier(), order.trackingNumber());
      cases.record(caseId, TimelineKind.PARCEL_SHIPPED, step, actor,
          reference + " shipped from " + site + " with " + order.carrier() + " " + order.trackingNumber(), sourceKey);
    }
    return order;
  }

  /** Cancels every outbound order of the case that has not shipped; answers how many it cancelled. */
  public int cancelUnshipped(UUID caseId, String step, String actor, String sourceKey) {
    record Placed(String reference, String site) {}
    List<Placed> placed = db.sql("select reference, site from case_outbound_order where case_id = ? order by placed_at")
        .param(caseId)
        .query((rs, n) -> new Placed(rs.getString(1), rs.getString(2)))
        .list();
    int cancelled = 0;
    for (Placed p : placed) {
      OutboundOrder order = warehouse.outbound(p.site(), p.reference());
      if (order.stage() == OutboundOrder.Stage.ACCEPTED || order.stage() == OutboundOrder.Stage.PICKING) {
        warehouse.cancelOutbound(p.site(), p.reference());
        cases.record(caseId, TimelineKind.OUTBOUND_CANCELLED, step, actor,
            "outbound order " + p.reference() + " at " + p.site() + " cancelled", sourceKey + ":" + p.reference());
        cancelled++;
      }
    }
    return cancelled;
  }

  private String siteOf(String reference) {
    return db.sql("select site from case_outbound_order where reference = ?")
        .param(reference).query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("No outbound order " + reference));
  }
}
