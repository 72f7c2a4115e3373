package io.seawall.intake;

import io.seawall.cases.BuyerOutbox;
import io.seawall.cases.CaseFacts;
import io.seawall.cases.CaseProblem;
import io.seawall.cases.CaseReferences;
import io.seawall.cases.Cases;
import io.seawall.cases.Channel;
import io.seawall.cases.ReferenceKind;
import io.seawall.cases.ShipmentStatus;
import io.seawall.cases.TimelineKind;
import io.seawall.desk.AgentTasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Applies an event to its case: opens or joins a case for a return request, moves shipments and
 * tells waiting processes about scans, warehouse receipts and reships, and puts buyers' messages on
 * the case and on its open agent tasks. An event whose case cannot be found fails, so the inbox retries and then parks it.
 */
@Component
class CaseRouting {

  private static final Pattern CASE_REFERENCE = Pattern.compile("\\bSW-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{8}\\b");
  // Order numbers as buyers quote them: "#1001", "2002011721037AB", "576461413038785752".
  private static final Pattern ORDER_WORD = Pattern.compile("#?[A-Za-z0-9][A-Za-z0-9-]{3,63}");
  private static final int ORDER_WORDS = 50;
  // Marketplaces' statuses of a return that is over (cancelled, closed, rejected ...).
  private static final Pattern ENDED = Pattern.compile("(?i)cancel|close|reject|expire");
  private static final Duration SCAN_TTL = Duration.ofHours(1);
  // A warehouse or reship message may arrive before the flow waits for it.
  private static final Duration WAREHOUSE_TTL = Duration.ofDays(7);
  private static final Duration REPLY_TTL = Duration.ofHours(1);
  private static final String ACTOR = "intake";

  private final Cases cases;
  private final CaseReferences references;
  private final ProcessMessages messages;
  private final BuyerLanguage language;
  private final AgentTasks tasks;
  private final CaseFromReturnRequest returnRequests;
  private final BuyerOutbox outbox;

  CaseRouting(
      Cases cases, CaseReferences references, ProcessMessages messages, BuyerLanguage language, AgentTasks tasks,
      CaseFromReturnRequest returnRequests, BuyerOutbox outbox) {
    this.cases = cases;
    this.references = references;
    this.messages = messages;
    this.language = language;
    this.tasks = tasks;
    this.returnRequests = returnRequests;
    this.outbox = outbox;
  }

  /** The case the event was applied to; empty when it concerns none. */
  Optional<UUID> apply(InboxEvent source, InboundEvent event) {
    return switch (event) {
      case InboundEvent.ReturnRequested r -> returnRequested(source, r);
      case InboundEvent.ParcelScanned s -> Optional.of(parcelScanned(source, s));
      case InboundEvent.ReturnReceived r -> Optional.of(returnReceived(source, r));
      case InboundEvent.OutboundShipped o -> Optional.of(outboundShipped(source, o));
      case InboundEvent.BuyerWrote w -> Optional.of(buyerWrote(source, w));
      case InboundEvent.Several several -> several.events().stream()
          .map(each -> apply(source, each))
          .flatMap(Optional::stream)
          .reduce((first, last) -> last);
      // A status about a message sent outside Seawall (from WhatsApp Manager) concerns no case.
      case InboundEvent.MessageNotDelivered failed ->
          outbox.bounced(failed.channel(), failed.providerMessageId(), failed.reason());
      case InboundEvent.NothingToDo nothing -> Optional.empty();
    };
  }

  private Optional<UUID> returnRequested(InboxEvent source, InboundEvent.ReturnRequested r) {
    Optional<UUID> known = references.caseOf(ReferenceKind.RETURN_AUTHORISATION, r.returnId());
    if (known.isPresent()) {
      note(known.get(), source, "return " + r.returnId() + " at " + r.marketplace() + ": " + r.returnStatus());
      return known;
    }
    if (r.returnStatus() != null && ENDED.matcher(r.returnStatus()).find()) {
      // A return that ended before Seawall knew it needs no case; the event stays in the inbox.
      return Optional.empty();
    }
    UUID caseId;
    try {
      caseId = cases.open(returnRequests.openRequest(r), ACTOR + ":" + source.provider().path()).id();
    } catch (CaseProblem.AlreadyOpen open) {
      caseId = open.openCaseId();
      note(caseId, source, "return " + r.returnId() + " at " + r.marketplace() + " joins this case");
    }
    references.link(caseId, ReferenceKind.RETURN_AUTHORISATION, r.returnId());
    return Optional.of(caseId);
  }

  private UUID parcelScanned(InboxEvent source, InboundEvent.ParcelScanned scan) {
    String number = scan.trackingNumber();
    Optional<UUID> order = cases.caseOfShipment(number);
    UUID caseId = order
        .or(() -> references.caseOf(ReferenceKind.RETURN_TRACKING, number))
        .or(() -> references.caseOf(ReferenceKind.RESHIP_TRACKING, number))
        .orElseThrow(() -> new IntakeProblem.UnknownReference("no case ships or returns tracking number " + number));
    if (order.isPresent()) {
      cases.updateShipment(caseId, number, ShipmentStatus.valueOf(scan.status().name()), source.receivedAt());
    }
    note(caseId, source, "parcel " + number + " (" + scan.carrier() + "): " + scan.status()
        + (scan.subStatus() == null ? "" : " " + scan.subStatus()));
    messages.publish(new ProcessMessage(ProcessMessage.PARCEL_SCANNED, number, source.sourceKey(), SCAN_TTL, Map.of(
        "trackingStatus", scan.status().name(),
        "trackingSubStatus", scan.subStatus() == null ? "" : scan.subStatus())));
    return caseId;
  }

  private UUID returnReceived(InboxEvent source, InboundEvent.ReturnReceived received) {
    UUID caseId = references.caseOf(ReferenceKind.RETURN_AUTHORISATION, received.returnId())
        .orElseThrow(() -> new IntakeProblem.UnknownReference("no case has return " + received.returnId()));
    note(caseId, source, "warehouse received return " + received.returnId() + ": " + received.inspectionResult());
    messages.publish(new ProcessMessage(ProcessMessage.RETURN_RECEIVED, received.returnId(), source.sourceKey(),
        WAREHOUSE_TTL, Map.of(
            "inspectionResult", received.inspectionResult(),
            "inspectionNote", received.inspectionNote() == null ? "" : received.inspectionNote())));
    return caseId;
  }

  private UUID outboundShipped(InboxEvent source, InboundEvent.OutboundShipped shipped) {
    UUID caseId = references.caseOf(ReferenceKind.OUTBOUND_ORDER, shipped.outboundOrder())
        .orElseThrow(() -> new IntakeProblem.UnknownReference("no case has outbound order " + shipped.outboundOrder()));
    references.link(caseId, ReferenceKind.RESHIP_TRACKING, shipped.trackingNumber());
    note(caseId, source, "warehouse shipped " + shipped.outboundOrder() + " as " + shipped.carrier() + " "
        + shipped.trackingNumber());
    messages.publish(new ProcessMessage(ProcessMessage.OUTBOUND_SHIPPED, shipped.outboundOrder(), source.sourceKey(),
        WAREHOUSE_TTL, Map.of(
            "reshipTrackingNumber", shipped.trackingNumber(),
            "reshipCarrier", shipped.carrier())));
    return caseId;
  }

  /**
   * Threads a buyer's message to its case: by the case reference it quotes, else by an order number
   * it quotes, else by the sender's address or number; an open case before a closed one.
   */
  private UUID buyerWrote(InboxEvent source, InboundEvent.BuyerWrote wrote) {
    String said = (wrote.subject() == null ? "" : wrote.subject() + "\n") + (wrote.text() == null ? "" : wrote.text());
    UUID caseId = quotedCase(said)
        .or(() -> cases.caseOfAnyOrder(orderWords(said)))
        .or(() -> wrote.sender() == null ? Optional.empty()
            : wrote.channel() == Channel.EMAIL
                ? cases.caseOfBuyerEmail(wrote.sender())
                : cases.caseOfBuyerPhone(wrote.sender()))
        .orElseThrow(() -> new IntakeProblem.UnknownReference(
            "no case matches the " + wrote.channel() + " message " + wrote.messageKey()));
    CaseFacts facts = cases.facts(caseId);
    Optional<String> detected = language.of(wrote.text());
    detected.filter(found -> !found.equals(facts.buyerLanguage())).ifPresent(found -> cases.setLanguage(caseId, found));
    String text = wrote.text() == null || wrote.text().isBlank() ? "(empty message)" : wrote.text();
    cases.recordMessageReceived(caseId, wrote.channel(), detected.orElse(facts.buyerLanguage()), text,
        wrote.messageKey());
    tasks.buyerWrote(caseId, source.receivedAt());
    messages.publish(new ProcessMessage(ProcessMessage.BUYER_REPLIED, caseId.toString(), wrote.messageKey(), REPLY_TTL,
        Map.of()));
    return caseId;
  }

  private Optional<UUID> quotedCase(String said) {
    Matcher m = CASE_REFERENCE.matcher(said);
    while (m.find()) {
      Optional<UUID> found = cases.caseOfReference(m.group());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static List<String> orderWords(String said) {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = ORDER_WORD.matcher(said);
    while (m.find() && words.size() < ORDER_WORDS) {
      String word = m.group();
      if (word.chars().anyMatch(Character::isDigit)) {
        words.add(word);
        if (word.startsWith("#")) {
          words.add(word.substring(1));
        } else {
          words.add("#" + word);
        }
      }
    }
    return new ArrayList<>(words);
  }

  private void note(UUID caseId, InboxEvent source, String detail) {
    cases.record(caseId, TimelineKind.EVENT_RECEIVED, null, ACTOR + ":" + source.provider().path(), detail,
        source.sourceKey());
  }
}
