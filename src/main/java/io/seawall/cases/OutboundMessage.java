package io.seawall.cases;

import java.util.UUID;

/**
 * A message to the buyer on its way out, with what a channel needs to deliver it. The text and the
 * buyer's addresses are personal data: held in memory for the delivery only, never logged.
 *
 * @param caseChannel how the buyer last reached the seller, which is how they expect the answer
 * @param attempts delivery attempts so far
 * @param bouncedBy the channel that accepted the message but then could not deliver it, if any
 */
public record OutboundMessage(
    long id,
    UUID caseId,
    String caseReference,
    String orderReference,
    Marketplace marketplace,
    String shop,
    Channel caseChannel,
    String language,
    String template,
    String body,
    int attempts,
    String buyerName,
    String buyerEmail,
    String buyerPhone,
    String bouncedBy) {

  @Override
  public String toString() {
    return "OutboundMessage[" + id + " " + template + " " + language + " for " + caseReference
        + ", text and addresses withheld]";
  }
}
