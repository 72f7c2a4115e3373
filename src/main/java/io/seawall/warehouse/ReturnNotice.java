package io.seawall.warehouse;

import java.util.List;

/**
 * A return the warehouse should expect.
 *
 * @param returnReference the marketplace's return authorisation (RMA) id, which the warehouse
 *     quotes when it reports the receipt
 */
public record ReturnNotice(
    String returnReference, String site, String carrier, String trackingNumber, List<OutboundRequest.Line> lines) {

  public ReturnNotice {
    lines = List.copyOf(lines);
  }
}
