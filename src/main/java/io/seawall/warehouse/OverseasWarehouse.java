package io.seawall.warehouse;

/**
 * An overseas warehouse holding the seller's stock near the buyers: it ships reships and exchanges
 * and takes returns in. One adapter per provider (Goodcang, 4PX, ...); which one runs is
 * configuration ({@code seawall.warehouse.adapter}).
 */
public interface OverseasWarehouse {

  /**
   * Places an outbound order. The order's {@link OutboundRequest#reference()} is the warehouse's
   * idempotency key ({@code reference_no}): placing the same reference again answers the first order.
   *
   * @throws OutboundRefused when the warehouse will not ship it (no stock, bad address, rejected)
   */
  OutboundOrder placeOutbound(OutboundRequest request);

  /** Where an outbound order stands; a shipped order names its carrier and tracking number. */
  OutboundOrder outbound(String site, String reference);

  /** Cancels an outbound order not yet shipped; cancelling a cancelled order does nothing. */
  void cancelOutbound(String site, String reference);

  /** Tells the warehouse a return parcel is coming, so it books it in against the return. */
  void expectReturn(ReturnNotice notice);

  /** What the warehouse knows of an announced return: still expected, or received and inspected. */
  ReturnArrival returnArrival(String site, String returnReference);
}
