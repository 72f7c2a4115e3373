package io.seawall.warehouse;

import io.seawall.warehouse.OutboundOrder.Stage;
import io.seawall.warehouse.ReturnArrival.Inspection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A warehouse that behaves like Goodcang's or 4PX's without an account, for the embedded default,
 * demos and tests. It keeps its own books in the database, honours the order reference as an
 * idempotency key, runs on the engine's time (so moving the engine clock moves its parcels) and
 * tells fixed stories by SKU and address:
 *
 * <ul>
 *   <li>an order ships 24 hours after it was placed, with a sandbox tracking number whose story is
 *       "delivered" ({@code SW…4}); a SKU ending in {@code -SLOW} is picked but never ships; one ending
 *       in {@code -ASTRAY} ships a parcel the carrier returns to the sender ({@code SW…7}); one ending
 *       in {@code -WITHDRAWN} is cancelled by the warehouse while picking (stock found unsellable);
 *   <li>a SKU ending in {@code -SOLDOUT} is out of stock at each country's first site (the one
 *       Seawall picks by default) and in stock at the others;
 *   <li>an address without a postal code or first line is refused, naming the field;
 *   <li>a site that does not serve the buyer's country rejects the order;
 *   <li>a return is received when first asked about and inspected 24 hours later: a SKU ending in
 *       {@code -SCUFFED} comes back PARTIAL, in {@code -RUINED} FAIL, anything else PASS; one ending
 *       in {@code -LOST} never arrives.
 * </ul>
 */
@Component
@ConditionalOnProperty(name = "seawall.warehouse.adapter", havingValue = "sandbox", matchIfMissing = true)
class SandboxWarehouse implements OverseasWarehouse {

  private static final Duration DISPATCH_TIME = Duration.ofHours(24);
  private static final Duration INSPECTION_TIME = Duration.ofHours(24);

  private final JdbcClient db;
  private final InstantSource clock;
  private final WarehouseSites sites;

  SandboxWarehouse(JdbcClient db, @Qualifier("engineTime") InstantSource clock, WarehouseSites sites) {
    this.db = db;
    this.clock = clock;
    this.sites = sites;
  }

  @Override
  public OutboundOrder placeOutbound(OutboundRequest request) {
    Optional<OutboundOrder> earlier = find(request.reference());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    WarehouseSites.Site site = sites.find(request.site())
        .orElseThrow(() -> new OutboundRefused.Rejected("No warehouse site " + request.site()));
    OutboundRequest.ShipTo to = request.shipTo();
    if (!site.serves().contains(to.country())) {
      throw new OutboundRefused.Rejected("Site " + site.code() + " does not deliver to " + to.country());
    }
    if (blank(to.line1())) {
      throw new OutboundRefused.AddressInvalid("line1");
    }
    if (blank(to.postalCode())) {
      throw new OutboundRefused.AddressInvalid("postalCode");
    }
    boolean defaultSite = sites.forCountry(to.country()).map(s -> s.code().equals(site.code())).orElse(false);
    for (OutboundRequest.Line line : request.lines()) {
      if (defaultSite && line.sku().endsWith("-SOLDOUT")) {
        throw new OutboundRefused.OutOfStock(site.code(), line.sku());
      }
    }
    String orderId = "SBX-WO-" + Math.abs(request.reference().hashCode());
    try {
      db.sql("""
              insert into sandbox_warehouse_outbound (reference, site, warehouse_order_id, skus, placed_at)
              values (?, ?, ?, ?, ?)""")
          .params(request.reference(), site.code(), orderId, skus(request.lines()), Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException concurrent) {
      return find(request.reference()).orElseThrow();
    }
    return find(request.reference()).orElseThrow();
  }

  @Override
  public OutboundOrder outbound(String site, String reference) {
    return find(reference).filter(o -> o.site().equals(site))
        .orElseThrow(() -> new IllegalArgumentException("Site " + site + " has no outbound order " + reference));
  }

  @Override
  public void cancelOutbound(String site, String reference) {
    OutboundOrder order = outbound(site, reference);
    if (order.stage() == Stage.SHIPPED) {
      throw new IllegalStateException("Outbound order " + reference + " has shipped and can no longer be cancelled");
    }
    db.sql("update sandbox_warehouse_outbound set cancelled_at = ? where reference = ? and cancelled_at is null")
        .params(Timestamp.from(clock.instant()), reference)
        .update();
  }

  @Override
  public void expectReturn(ReturnNotice notice) {
    try {
      db.sql("insert into sandbox_warehouse_return (return_reference, site, skus) values (?, ?, ?)")
          .params(notice.returnReference(), notice.site(), skus(notice.lines()))
          .update();
    } catch (DuplicateKeyException announcedBefore) {
      // Announcing the same return twice is harmless, as with a real warehouse's return order.
    }
  }

  @Override
  public ReturnArrival returnArrival(String site, String returnReference) {
    record Expected(String skus, Instant firstAskedAt) {}
    Expected expected = db.sql("""
            select skus, first_asked_at from sandbox_warehouse_return where return_reference = ? and site = ?""")
        .params(returnReference, site)
        .query((rs, n) -> new Expected(rs.getString(1),
            rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
        .optional()
        .orElseThrow(() -> new IllegalArgumentException("Site " + site + " expects no return " + returnReference));
    Instant now = clock.instant();
    if (Arrays.stream(expected.skus().split(",")).anyMatch(s -> s.endsWith("-LOST"))) {
      return new ReturnArrival(returnReference, ReturnArrival.Stage.EXPECTED, null, "not arrived");
    }
    if (expected.firstAskedAt() == null) {
      db.sql("update sandbox_warehouse_return set first_asked_at = ? where return_reference = ?")
          .params(Timestamp.from(now), returnReference)
          .update();
      return new ReturnArrival(returnReference, ReturnArrival.Stage.RECEIVED, null, "booked in, awaiting inspection");
    }
    if (now.isBefore(expected.firstAskedAt().plus(INSPECTION_TIME))) {
      return new ReturnArrival(returnReference, ReturnArrival.Stage.RECEIVED, null, "booked in, awaiting inspection");
    }
    List<String> skus = Arrays.asList(expected.skus().split(","));
    if (skus.stream().anyMatch(s -> s.endsWith("-RUINED"))) {
      return new ReturnArrival(returnReference, ReturnArrival.Stage.INSPECTED, Inspection.FAIL,
          "item ruined beyond resale; not the condition it was sold in");
    }
    if (skus.stream().anyMatch(s -> s.endsWith("-SCUFFED"))) {
      return new ReturnArrival(returnReference, ReturnArrival.Stage.INSPECTED, Inspection.PARTIAL,
          "used: scuffs and missing tags; resaleable as B-stock");
    }
    return new ReturnArrival(returnReference, ReturnArrival.Stage.INSPECTED, Inspection.PASS,
        "as sold; back to stock");
  }

  private Optional<OutboundOrder> find(String reference) {
    record Placed(String site, String orderId, List<String> skus, Instant placedAt, boolean cancelled,
        String trackingNumber) {}
    return db.sql("""
            select site, warehouse_order_id, skus, placed_at, cancelled_at, tracking_number
            from sandbox_warehouse_outbound where reference = ?""")
        .param(reference)
        .query((rs, n) -> new Placed(rs.getString("site"), rs.getString("warehouse_order_id"),
            Arrays.asList(rs.getString("skus").split(",")), rs.getTimestamp("placed_at").toInstant(),
            rs.getTimestamp("cancelled_at") != null, rs.getString("tracking_number")))
        .optional()
        .map(placed -> {
          Instant now = clock.instant();
          boolean picking = !now.isBefore(placed.placedAt().plus(Duration.ofHours(2)));
          Stage stage;
          if (placed.cancelled() || picking && placed.skus().stream().anyMatch(s -> s.endsWith("-WITHDRAWN"))) {
            stage = Stage.CANCELLED;
          } else if (placed.skus().stream().noneMatch(s -> s.endsWith("-SLOW"))
              && !now.isBefore(placed.placedAt().plus(DISPATCH_TIME))) {
            stage = Stage.SHIPPED;
          } else {
            stage = picking ? Stage.PICKING : Stage.ACCEPTED;
          }
          if (stage != Stage.SHIPPED) {
            return new OutboundOrder(reference, placed.site(), placed.orderId(), stage, null, null);
          }
          char story = placed.skus().stream().anyMatch(s -> s.endsWith("-ASTRAY")) ? '7' : '4';
          return new OutboundOrder(reference, placed.site(), placed.orderId(), stage, "DHL Germany",
              trackingOf(reference, placed.trackingNumber(), story));
        });
  }

  /** A shipped order keeps the tracking number it was first given. */
  private String trackingOf(String reference, String stored, char story) {
    if (stored != null) {
      return stored;
    }
    String minted = "SW%09d%c".formatted(ThreadLocalRandom.current().nextInt(1_000_000_000), story);
    db.sql("update sandbox_warehouse_outbound set tracking_number = ? where reference = ? and tracking_number is null")
        .params(minted, reference)
        .update();
    return db.sql("select tracking_number from sandbox_warehouse_outbound where reference = ?")
        .param(reference).query(String.class).single();
  }

  private static String skus(List<OutboundRequest.Line> lines) {
    return String.join(",", lines.stream().map(OutboundRequest.Line::sku).toList());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
