package io.seawall.marketplace;

/**
 * The marketplace said no to a refund (a business answer, not an outage): the order is already
 * refunded, the amount exceeds what can be refunded, the order is too old. Flows catch it as the
 * BPMN error {@code REFUND_REFUSED} and hand the case to an agent.
 */
public class RefundRefused extends RuntimeException {

  public RefundRefused(String reason) {
    super(reason);
  }
}
