package io.seawall.marketplace;

/**
 * The marketplace said no to approving or withdrawing a return (a business answer, not an outage):
 * the order was never fulfilled, the buyer has no return request to approve, the return is
 * already closed. Repeating the call will not change it; an agent decides what happens next.
 */
public class ReturnRefused extends RuntimeException {

  public ReturnRefused(String reason) {
    super(reason);
  }
}
