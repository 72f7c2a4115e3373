package io.seawall.intake;

import io.seawall.carrier.TrackingStatus;
import io.seawall.cases.Channel;
import io.seawall.cases.Marketplace;
import io.seawall.cases.ReasonCode;
import java.util.List;

/** What arrived, in Seawall's words, whichever provider sent it. */
sealed interface InboundEvent {

  /** A buyer asked a marketplace to take an item back (or the return moved on there). */
  record ReturnRequested(
      Marketplace marketplace,
      String shop,
      IntakeSettings.Shop shopDefaults,
      String orderReference,
      String returnId,
      String returnStatus,
      ReasonCode reason,
      String buyerNote,
      List<ReturnedItem> items) implements InboundEvent {

    @Override
    public String toString() {
      return "ReturnRequested[" + marketplace + " " + shop + " return " + returnId + ", buyer's note withheld]";
    }
  }

  record ReturnedItem(String sku, int quantity) {}

  /** A carrier scanned a parcel. */
  record ParcelScanned(String trackingNumber, String carrier, TrackingStatus status, String subStatus)
      implements InboundEvent {}

  /** An overseas warehouse received and inspected a returned parcel. */
  record ReturnReceived(String returnId, String inspectionResult, String inspectionNote) implements InboundEvent {}

  /** An overseas warehouse shipped a reship or exchange order. */
  record OutboundShipped(String outboundOrder, String trackingNumber, String carrier) implements InboundEvent {}

  /**
   * The buyer wrote: the text, the sender's address or number and any subject are personal data
   * and never leave the case store.
   */
  record BuyerWrote(Channel channel, String messageKey, String sender, String subject, String text)
      implements InboundEvent {

    @Override
    public String toString() {
      return "BuyerWrote[" + channel + " " + messageKey + ", personal data withheld]";
    }
  }

  /**
   * A channel reports that a message Seawall sent did not reach the buyer (WhatsApp's "failed"
   * status, e.g. the 24-hour window had closed).
   */
  record MessageNotDelivered(String channel, String providerMessageId, String reason) implements InboundEvent {}

  /** Several events in one delivery (WhatsApp batches messages). */
  record Several(List<InboundEvent> events) implements InboundEvent {}

  /** A delivery that concerns no case (a read receipt, a topic Seawall does not follow). */
  record NothingToDo(String why) implements InboundEvent {}
}
