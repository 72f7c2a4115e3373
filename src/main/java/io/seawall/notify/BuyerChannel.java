package io.seawall.notify;

import io.seawall.cases.OutboundMessage;

/** One way of reaching a buyer (e-mail, WhatsApp). One adapter per provider, and a sandbox. */
interface BuyerChannel {

  /** The channel as the timeline names it. */
  String name();

  /** Whether the case holds an address this channel can use. */
  boolean reaches(OutboundMessage message);

  /**
   * Hands the message to the provider.
   *
   * @return the provider's id of the message
   * @throws DeliveryFailure when it was not accepted
   */
  String send(OutboundMessage message, String subject);
}
