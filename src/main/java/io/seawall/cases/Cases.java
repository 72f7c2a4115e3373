package io.seawall.cases;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The case store's public face: open, read, list cases and record what happens to them. */
@Service
public class Cases {

  private static final Logger log = LoggerFactory.getLogger(Cases.class);
  private static final char[] REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private final CaseRepository cases;
  private final TimelineRepository timeline;
  private final BuyerMessageRepository messages;
  private final CaseNoteRepository notes;
  private final CaseMapper mapper;
  private final CaseProcess process;
  private final UsdReferenceRates rates;
  private final ShopReturnPolicy shopPolicy;
  private final TransactionTemplate tx;
  private final TransactionTemplate read;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Cases(
      CaseRepository cases,
      TimelineRepository timeline,
      BuyerMessageRepository messages,
      CaseNoteRepository notes,
      CaseMapper mapper,
      CaseProcess process,
      UsdReferenceRates rates,
      ShopReturnPolicy shopPolicy,
      TransactionTemplate tx,
      Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.messages = messages;
    this.notes = notes;
    this.mapper = mapper;
    this.process = process;
    this.rates = rates;
    this.shopPolicy = shopPolicy;
    this.tx = tx;
    this.read = new TransactionTemplate(tx.getTransactionManager());
    this.read.setReadOnly(true);
    this.clock = clock;
  }

  /**
   * Stores the case, then starts its process. If the engine refuses, the case is removed again, so
   * a failed open leaves nothing behind.
   */
  public CaseView open(OpenCaseRequest request, String actor) {
    checkAcrossFields(request);
    String openKey = AfterSalesCase.openKey(
        request.marketplace(), request.shop(), request.orderReference(), request.reason().code());
    AfterSalesCase stored;
    try {
      stored = tx.execute(status -> store(request, openKey, actor));
    } catch (DataIntegrityViolationException raced) {
      // Another request opened the same order and reason between our check and our insert.
      throw cases.findByOpenKey(openKey).map(open -> new CaseProblem.AlreadyOpen(open.id, open.reference))
          .orElseThrow(() -> raced);
    }
    ProcessStart facts = read.execute(status -> factsFor(cases.findById(stored.id).orElseThrow()));
    long processInstanceKey;
    try {
      processInstanceKey = process.start(facts);
    } catch (RuntimeException e) {
      tx.executeWithoutResult(status -> cases.deleteById(stored.id));
      log.warn("Case {} withdrawn: the engine did not start its process", stored.reference, e);
      throw new CaseProblem.EngineUnavailable(e);
    }
    update(stored.id, c -> c.processInstanceKey = processInstanceKey);
    log.info("Case {} opened as process instance {}", stored.reference, processInstanceKey);
    return find(stored.id);
  }

  public CaseView find(UUID id) {
    return read.execute(status -> {
      AfterSalesCase c = cases.findById(id).orElseThrow(() -> new CaseProblem.NotFound(id));
      return mapper.toView(
          c,
          timeline.findByCaseIdOrderByOccurredAtAscIdAsc(id),
          messages.findByCaseIdOrderByCreatedAtAscIdAsc(id),
          notes.findByCaseIdOrderByCreatedAtAscIdAsc(id));
    });
  }

  public Page<CaseSummary> list(CaseFilter filter, Pageable page) {
    return read.execute(status -> cases.findAll(CaseSpecifications.matching(filter), page).map(mapper::toSummary));
  }

  /** What a step needs to act for the buyer (for the duration of the step only). */
  public CaseFacts facts(UUID id) {
    AfterSalesCase c = cases.findById(id).orElseThrow(() -> new CaseProblem.NotFound(id));
    return new CaseFacts(
        c.id, c.reference, c.marketplace, c.shop, c.orderReference, c.orderValue, c.currency,
        c.channel, c.buyer.name, c.buyer.language);
  }

  /**
   * Appends to the timeline once per {@code sourceKey}: jobs are delivered at least once, and a
   * second delivery of the same job must not write the step twice.
   */
  public void record(UUID caseId, TimelineKind kind, String step, String actor, String detail, String sourceKey) {
    requireCase(caseId);
    try {
      tx.executeWithoutResult(status -> append(caseId, kind, step, actor, detail, sourceKey));
    } catch (DataIntegrityViolationException duplicate) {
      log.debug("Timeline entry {} of case {} was already recorded", sourceKey, caseId);
    }
  }

  /** The case's first shipment, if the case names one. */
  public Optional<ShipmentFacts> firstShipment(UUID caseId) {
    return tx.execute(status -> {
      AfterSalesCase c = cases.findById(caseId).orElseThrow(() -> new CaseProblem.NotFound(caseId));
      return c.shipments.stream().findFirst()
          .map(s -> new ShipmentFacts(s.carrier, s.trackingNumber, s.status, s.deliveredAt));
    });
  }

  /**
   * How many items this case's buyer kept with a refund at the same shop in the last year: an
   * abuse signal for the approval decision. Only the count leaves the case store.
   */
  public long priorKeepTheItemRefunds(UUID caseId) {
    AfterSalesCase c = cases.findById(caseId).orElseThrow(() -> new CaseProblem.NotFound(caseId));
    return cases.countEarlierOfSameBuyer(
        c, CaseType.REFUND_WITHOUT_RETURN, "REFUNDED", clock.instant().minus(Duration.ofDays(365)));
  }

  /** The resolution-path decision chose the case's flow. */
  public void recordPath(UUID caseId, CaseType path, String actor, String sourceKey) {
    update(caseId, c -> c.type = path);
    record(caseId, TimelineKind.DECISION_TAKEN, "choose-resolution-path", actor, "resolution path: " + path, sourceKey);
  }

  public void waitForAgent(UUID caseId) {
    update(caseId, c -> c.moveTo(CaseStatus.WAITING_FOR_AGENT, clock.instant()));
  }

  public void flagAtRisk(UUID caseId, String step, String actor, String reason, String sourceKey) {
    update(caseId, c -> c.atRisk = true);
    record(caseId, TimelineKind.FLAGGED_AT_RISK, step, actor, reason, sourceKey);
  }

  public void resolve(UUID caseId, String resolution, String step, String actor, String sourceKey) {
    update(
        caseId,
        c -> {
          c.resolution = resolution;
          c.atRisk = false;
          c.moveTo(CaseStatus.RESOLVED, clock.instant());
        });
    record(caseId, TimelineKind.CASE_RESOLVED, step, actor, "resolution: " + resolution, sourceKey);
  }

  /** Keeps a message sent to the buyer (its text stays in the case store) and notes it on the timeline. */
  public void recordMessageSent(
      UUID caseId, String template, String language, String body, String step, String actor, String sourceKey) {
    requireCase(caseId);
    if (sourceKey != null && messages.existsByCaseIdAndSourceKey(caseId, sourceKey)) {
      return;
    }
    tx.executeWithoutResult(status -> writeOutbound(caseId, template, language, body, actor, sourceKey,
        step, "buyer told (" + template + ", " + language + "); on its way"));
  }

  /**
   * Keeps an agent's message to the buyer and notes it on the timeline, in one transaction; it
   * goes out through {@link BuyerOutbox}.
   *
   * @param timelineDetail what the timeline says of it, without its text
   * @param sourceKey the agent's request, if it names itself: a retried request (a double click, a
   *     timeout) keeps no second message, so the buyer is not written to twice
   * @return the message's id; the first one's for a repeated {@code sourceKey}
   */
  public long recordReply(UUID caseId, String template, String language, String body, String agent,
      String timelineDetail, String sourceKey) {
    requireCase(caseId);
    Optional<Long> kept = sourceKey == null ? Optional.empty() : messageOfSource(caseId, sourceKey);
    if (kept.isPresent()) {
      return kept.get();
    }
    try {
      return tx.execute(
          status -> writeOutbound(caseId, template, language, body, agent, sourceKey, null, timelineDetail));
    } catch (DataIntegrityViolationException raced) {
      // The same request arrived twice at once: the other one kept the message.
      if (sourceKey == null) {
        throw raced;
      }
      return messageOfSource(caseId, sourceKey).orElseThrow(() -> raced);
    }
  }

  /** Keeps an agent's internal note; the timeline says who added one, not what it says. */
  public CaseView.NoteView addNote(UUID caseId, String text, String agent) {
    requireCase(caseId);
    return tx.execute(status -> {
      CaseNote note = new CaseNote();
      note.caseId = caseId;
      note.author = agent;
      note.body = text;
      note.createdAt = clock.instant();
      notes.saveAndFlush(note);
      append(caseId, TimelineKind.NOTE_ADDED, null, agent, "internal note added", null);
      return mapper.toView(note);
    });
  }

  /** The buyer's time zone, for dates written to them. */
  public String buyerTimeZone(UUID caseId) {
    return read.execute(status -> cases.findById(caseId).orElseThrow(() -> new CaseProblem.NotFound(caseId))
        .buyer.timeZone);
  }

  /** The buyer's delivery address and the order's lines, for a warehouse or carrier call. */
  public DeliveryFacts delivery(UUID caseId) {
    return read.execute(status -> {
      AfterSalesCase c = cases.findById(caseId).orElseThrow(() -> new CaseProblem.NotFound(caseId));
      PostalAddress a = c.buyer.address == null ? new PostalAddress() : c.buyer.address;
      return new DeliveryFacts(c.buyer.name, a.line1, a.line2, a.city, a.region, a.postalCode, c.buyer.country,
          c.buyer.phone, c.items.stream().map(i -> new DeliveryFacts.Line(i.sku, i.quantity, i.category, i.exchangeSku)).toList());
    });
  }

  /**
   * An agent corrected the buyer's delivery address (after a warehouse refused it); the timeline
   * says who did, not what the address is.
   */
  public void correctDeliveryAddress(UUID caseId, OpenCaseRequest.Address address, String actor) {
    update(caseId, c -> c.buyer.address = mapper.toAddress(address));
    record(caseId, TimelineKind.ADDRESS_CORRECTED, null, actor, "delivery address corrected", null);
  }

  /** A new parcel on the case (a reship or exchange), so tracking events find it. */
  public void addShipment(UUID caseId, String carrier, String trackingNumber) {
    update(caseId, c -> {
      if (c.shipments.stream().noneMatch(s -> s.trackingNumber.equals(trackingNumber))) {
        Shipment s = new Shipment();
        s.carrier = carrier;
        s.trackingNumber = trackingNumber;
        s.status = ShipmentStatus.INFO_RECEIVED;
        c.shipments.add(s);
      }
    });
  }

  private void checkAcrossFields(OpenCaseRequest request) {
    List<CaseProblem.FieldProblem> problems = new ArrayList<>();
    String currency = request.items().get(0).currency();
    for (int i = 1; i < request.items().size(); i++) {
      if (!Objects.equals(currency, request.items().get(i).currency())) {
        problems.add(new CaseProblem.FieldProblem(
            "items[" + i + "].currency", "must be the order currency " + currency + " like items[0]"));
      }
    }
    List<OpenCaseRequest.ShipmentDetails> shipments = shipmentsOf(request);
    for (int i = 0; i < shipments.size(); i++) {
      OpenCaseRequest.ShipmentDetails s = shipments.get(i);
      if (s.status() == ShipmentStatus.DELIVERED && s.deliveredAt() == null) {
        problems.add(new CaseProblem.FieldProblem(
            "shipments[" + i + "].deliveredAt", "must be given for a delivered shipment"));
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseProblem.Rejected(problems);
    }
  }

  private AfterSalesCase store(OpenCaseRequest request, String openKey, String actor) {
    cases.findByOpenKey(openKey).ifPresent(open -> {
      throw new CaseProblem.AlreadyOpen(open.id, open.reference);
    });
    Instant now = clock.instant();
    AfterSalesCase c = new AfterSalesCase();
    c.id = UUID.randomUUID();
    c.reference = newReference();
    c.marketplace = request.marketplace();
    c.shop = request.shop();
    c.orderReference = request.orderReference();
    c.buyer = mapper.toBuyer(request.buyer());
    c.channel = request.channel();
    c.reasonCode = request.reason().code();
    c.reasonText = request.reason().buyerWords();
    c.preferredRemedy = request.preferredRemedy() == null ? BuyerRemedy.REFUND : request.preferredRemedy();
    c.status = CaseStatus.OPEN;
    c.currency = request.items().get(0).currency();
    request.items().forEach(item -> c.items.add(mapper.toItem(item)));
    shipmentsOf(request).forEach(s -> c.shipments.add(mapper.toShipment(s)));
    c.orderValue = c.items.stream().map(CaseItem::lineValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    c.openKey = openKey;
    c.openedBy = actor;
    c.createdAt = now;
    c.updatedAt = now;
    cases.saveAndFlush(c);
    append(c.id, TimelineKind.CASE_OPENED, null, actor,
        "opened from " + c.channel + " for " + c.reasonCode, null);
    return c;
  }

  private ProcessStart factsFor(AfterSalesCase c) {
    CaseItem main = c.items.stream().max(Comparator.comparing(CaseItem::lineValue)).orElseThrow();
    return new ProcessStart(
        c.id.toString(),
        c.reference,
        c.marketplace.name(),
        c.shop,
        c.buyer.country,
        c.buyer.language,
        c.channel.name(),
        c.reasonCode.name(),
        main.category,
        c.orderValue,
        c.currency,
        rates.inUsd(c.orderValue, c.currency).orElse(null),
        daysSinceDelivery(c),
        c.preferredRemedy.name(),
        shopPolicy.returnDays(),
        shopPolicy.freeReturns(),
        shopPolicy.buyersToldTheyPayReturns());
  }

  private Long daysSinceDelivery(AfterSalesCase c) {
    return c.shipments.stream()
        .map(s -> s.deliveredAt)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .map(delivered -> Duration.between(delivered, clock.instant()).toDays())
        .orElse(null);
  }

  private static List<OpenCaseRequest.ShipmentDetails> shipmentsOf(OpenCaseRequest request) {
    return request.shipments() == null ? List.of() : request.shipments();
  }

  /**
   * The buyer is answered on the channel they last wrote on (a buyer of an e-mail case who then
   * wrote on WhatsApp expects the answer there), else the one the case came by.
   */
  private long writeOutbound(UUID caseId, String template, String language, String body, String author,
      String sourceKey, String step, String timelineDetail) {
    BuyerMessage m = new BuyerMessage();
    m.caseId = caseId;
    m.direction = BuyerMessage.Direction.OUTBOUND;
    m.channel = messages.findFirstByCaseIdAndDirectionOrderByCreatedAtDescIdDesc(caseId, BuyerMessage.Direction.INBOUND)
        .map(inbound -> inbound.channel)
        .orElseGet(() -> cases.findById(caseId).orElseThrow().channel);
    m.language = language;
    m.template = template;
    m.author = author;
    m.body = body;
    m.createdAt = clock.instant();
    m.sourceKey = sourceKey;
    m.deliveryStatus = BuyerOutbox.PENDING;
    m.nextAttemptAt = m.createdAt;
    messages.saveAndFlush(m);
    append(caseId, TimelineKind.MESSAGE_SENT, step, author, timelineDetail, null);
    return m.id;
  }

  private Optional<Long> messageOfSource(UUID caseId, String sourceKey) {
    return read.execute(status -> messages.findByCaseIdAndSourceKey(caseId, sourceKey).map(m -> m.id));
  }

  private void append(UUID caseId, TimelineKind kind, String step, String actor, String detail, String sourceKey) {
    TimelineEntry e = new TimelineEntry();
    e.caseId = caseId;
    e.occurredAt = clock.instant();
    e.kind = kind;
    e.step = step;
    e.actor = actor;
    e.detail = detail;
    e.sourceKey = sourceKey;
    timeline.saveAndFlush(e);
  }

  private void update(UUID caseId, Consumer<AfterSalesCase> change) {
    tx.executeWithoutResult(status -> {
      AfterSalesCase c = cases.findById(caseId).orElseThrow(() -> new CaseProblem.NotFound(caseId));
      change.accept(c);
      c.updatedAt = clock.instant();
    });
  }

  private void requireCase(UUID caseId) {
    if (!cases.existsById(caseId)) {
      throw new CaseProblem.NotFound(caseId);
    }
  }

  private String newReference() {
    StringBuilder sb = new StringBuilder("SW-");
    for (int i = 0; i < 8; i++) {
      sb.append(REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)]);
    }
    return sb.toString();
  }

  // ---- Intake (issue 6): finding the case of what arrives, and recording it ----

  /**
   * The case of one of these orders (words a buyer wrote, say): an open one first, the newest
   * first, so a late reply still finds the case it is about.
   */
  public Optional<UUID> caseOfAnyOrder(List<String> orderReferences) {
    if (orderReferences.isEmpty()) {
      return Optional.empty();
    }
    return read.execute(status -> cases.findIdsByOrderReferences(orderReferences).stream().findFirst());
  }

  /** The case a Seawall reference (SW- and eight characters) names. */
  public Optional<UUID> caseOfReference(String reference) {
    return read.execute(status -> cases.findByReference(reference).map(c -> c.id));
  }

  /** The case of a buyer known by e-mail address: an open one first, the newest first. */
  public Optional<UUID> caseOfBuyerEmail(String email) {
    return read.execute(status -> cases.findIdsByBuyerEmail(email).stream().findFirst());
  }

  /** The case of a buyer known by phone number, compared by its digits: an open one first, the newest first. */
  public Optional<UUID> caseOfBuyerPhone(String phone) {
    String digits = phone.replaceAll("[^0-9]", "");
    return read.execute(status -> cases.findIdsByBuyerPhoneDigits(digits).stream().findFirst());
  }

  /** The case whose order was shipped under this tracking number. */
  public Optional<UUID> caseOfShipment(String trackingNumber) {
    return read.execute(status -> cases.findIdsByShipmentTrackingNumber(trackingNumber).stream().findFirst());
  }

  /** What the carrier now says of one of the case's order shipments; other numbers are left alone. */
  public void updateShipment(UUID caseId, String trackingNumber, ShipmentStatus status, Instant deliveredAt) {
    update(caseId, c -> c.shipments.stream()
        .filter(s -> s.trackingNumber.equals(trackingNumber))
        .forEach(s -> {
          s.status = status;
          if (status == ShipmentStatus.DELIVERED && deliveredAt != null) {
            s.deliveredAt = deliveredAt;
          }
        }));
  }

  /**
   * Keeps a message the buyer sent (its text stays in the case store) and notes it on the timeline,
   * once per {@code sourceKey}: a redelivered message is not kept twice.
   */
  public void recordMessageReceived(UUID caseId, Channel channel, String language, String body, String sourceKey) {
    requireCase(caseId);
    if (messages.existsByCaseIdAndSourceKey(caseId, sourceKey)) {
      return;
    }
    tx.executeWithoutResult(status -> {
      BuyerMessage m = new BuyerMessage();
      m.caseId = caseId;
      m.direction = BuyerMessage.Direction.INBOUND;
      m.channel = channel;
      m.language = language;
      m.author = "buyer";
      m.body = body.length() > MESSAGE_LENGTH ? body.substring(0, MESSAGE_LENGTH) : body;
      m.createdAt = clock.instant();
      m.sourceKey = sourceKey;
      messages.save(m);
      append(caseId, TimelineKind.MESSAGE_RECEIVED, null, "buyer",
          "buyer wrote (" + channel + ", " + language + ")", null);
    });
  }

  /** The language the buyer writes in, as last seen; notices to the buyer follow it. */
  public void setLanguage(UUID caseId, String language) {
    update(caseId, c -> c.buyer.language = language);
  }

  private static final int MESSAGE_LENGTH = 4000;
}
