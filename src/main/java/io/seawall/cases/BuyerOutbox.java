package io.seawall.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages to buyers waiting to go out. A step writes the message with the case (see {@link
 * Cases#recordMessageSent}); deliveries are claimed from here one at a time, and each outcome lands
 * on the case's timeline. A claim is a lease: a Seawall instance that dies while sending leaves the
 * message to another after the lease, so a message can go out twice but is never lost; an
 * outcome is recorded only for the attempt that was claimed, so two senders never record it twice.
 */
@Component
public class BuyerOutbox {

  static final String PENDING = "PENDING";
  private static final String PARKED = "PARKED";
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final int ERROR_LENGTH = 1000;

  private final JdbcClient db;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Cases cases;

  BuyerOutbox(JdbcClient db, TransactionTemplate tx, Clock clock, Cases cases) {
    this.db = db;
    this.tx = tx;
    this.clock = clock;
    this.cases = cases;
  }

  /** The next message due, claimed for one lease so other pollers skip it meanwhile. */
  public Optional<OutboundMessage> claimNextDue() {
    Instant now = clock.instant();
    while (true) {
      Optional<Due> due = db.sql("""
              select id, next_attempt_at from case_message
              where delivery_status = 'PENDING' and next_attempt_at <= ?
              order by next_attempt_at, id
              fetch first 1 rows only""")
          .param(Timestamp.from(now))
          .query((rs, n) -> new Due(rs.getLong(1), rs.getTimestamp(2)))
          .optional();
      if (due.isEmpty()) {
        return Optional.empty();
      }
      int claimed = db.sql("update case_message set next_attempt_at = ? where id = ? and next_attempt_at = ?")
          .params(Timestamp.from(now.plus(LEASE)), due.get().id(), due.get().nextAttemptAt())
          .update();
      if (claimed == 1) {
        return Optional.of(read(due.get().id()));
      }
    }
  }

  /** A provider accepted the message; {@code providerMessageId} is how its status reports name it. */
  public void delivered(OutboundMessage message, String via, String providerMessageId) {
    tx.executeWithoutResult(status -> {
      int updated = db.sql("""
              update case_message set delivery_status = 'DELIVERED', delivered_by = ?, provider_message_id = ?,
                delivery_attempts = delivery_attempts + 1, delivered_at = ?, last_error = null
              where id = ? and delivery_status = 'PENDING' and delivery_attempts = ?""")
          .params(via, providerMessageId, Timestamp.from(clock.instant()), message.id(), message.attempts())
          .update();
      if (updated == 0) {
        return;
      }
      cases.record(message.caseId(), TimelineKind.MESSAGE_DELIVERED, null, "seawall",
          message.template() + " delivered by " + via, "delivery:" + message.id() + ":" + message.attempts());
    });
  }

  /** No channel reaches the buyer: nothing to retry until someone adds a way to reach them. */
  public void undeliverable(OutboundMessage message, String reason) {
    tx.executeWithoutResult(status -> {
      int updated = db.sql("""
              update case_message set delivery_status = 'UNDELIVERABLE', delivery_attempts = delivery_attempts + 1,
                last_error = ?
              where id = ? and delivery_status = 'PENDING' and delivery_attempts = ?""")
          .params(clip(reason), message.id(), message.attempts())
          .update();
      if (updated == 0) {
        return;
      }
      cases.record(message.caseId(), TimelineKind.MESSAGE_UNDELIVERED, null, "seawall",
          clip(message.template() + " did not reach the buyer: " + reason),
          "delivery:" + message.id() + ":" + message.attempts());
    });
  }

  /**
   * Counts a failed attempt: tried again after {@code retryIn}, or parked when it was the last
   * attempt. The error must not quote the message or the buyer's addresses.
   */
  public void failed(OutboundMessage message, String error, Duration retryIn, boolean lastAttempt) {
    tx.executeWithoutResult(status -> {
      int updated = db.sql("""
              update case_message set delivery_status = ?, delivery_attempts = delivery_attempts + 1,
                next_attempt_at = ?, last_error = ?
              where id = ? and delivery_status = 'PENDING' and delivery_attempts = ?""")
          .params(lastAttempt ? PARKED : PENDING, Timestamp.from(clock.instant().plus(retryIn)), clip(error),
              message.id(), message.attempts())
          .update();
      if (updated == 1 && lastAttempt) {
        cases.record(message.caseId(), TimelineKind.MESSAGE_UNDELIVERED, null, "seawall",
            clip(message.template() + " not delivered after " + (message.attempts() + 1) + " attempts: " + error),
            "delivery:" + message.id() + ":" + message.attempts());
      }
    });
  }

  /**
   * A channel reports, after it accepted a message, that it could not deliver it: the message goes
   * back in line for the buyer's other channels.
   *
   * @return the message's case; empty when Seawall did not send that message by that channel
   */
  public Optional<UUID> bounced(String channel, String providerMessageId, String reason) {
    return tx.execute(status -> {
      Optional<Bounce> sent = db.sql("""
              select id, case_id, template from case_message
              where provider_message_id = ? and delivered_by = ? and delivery_status = 'DELIVERED'""")
          .params(providerMessageId, channel)
          .query((rs, n) -> new Bounce(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3)))
          .optional();
      sent.ifPresent(message -> {
        db.sql("""
                update case_message set delivery_status = 'PENDING', bounced_by = ?, next_attempt_at = ?,
                  last_error = ?, delivered_at = null
                where id = ?""")
            .params(channel, Timestamp.from(clock.instant()), clip(reason), message.id())
            .update();
        cases.record(message.caseId(), TimelineKind.MESSAGE_UNDELIVERED, null, "seawall",
            clip(message.template() + " did not reach the buyer by " + channel + ": " + reason),
            "bounce:" + message.id());
      });
      return sent.map(Bounce::caseId);
    });
  }

  /** Messages that did not reach their buyer, oldest first. */
  public List<UndeliveredMessage> undelivered() {
    return db.sql("""
            select m.id, m.case_id, c.reference, m.template, m.language, m.delivery_status, m.delivery_attempts,
              m.last_error, m.created_at
            from case_message m join after_sales_case c on c.id = m.case_id
            where m.delivery_status in ('UNDELIVERABLE', 'PARKED')
            order by m.created_at, m.id""")
        .query((rs, n) -> new UndeliveredMessage(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
            rs.getTimestamp(9).toInstant()))
        .list();
  }

  /** Puts an undelivered message back in line with fresh attempts; false when there is no such message. */
  public boolean redeliver(long id) {
    return db.sql("""
            update case_message set delivery_status = 'PENDING', delivery_attempts = 0, next_attempt_at = ?
            where id = ? and delivery_status in ('UNDELIVERABLE', 'PARKED')""")
        .params(Timestamp.from(clock.instant()), id)
        .update() == 1;
  }

  private OutboundMessage read(long id) {
    return db.sql("""
            select m.id, m.case_id, c.reference, c.order_reference, c.marketplace, c.shop, m.channel, m.language,
              m.template, m.body, m.delivery_attempts, c.buyer_name, c.buyer_email, c.buyer_phone, m.bounced_by
            from case_message m join after_sales_case c on c.id = m.case_id
            where m.id = ?""")
        .param(id)
        .query(BuyerOutbox::outbound)
        .single();
  }

  private static OutboundMessage outbound(ResultSet rs, int row) throws SQLException {
    return new OutboundMessage(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
        Marketplace.valueOf(rs.getString(5)), rs.getString(6), Channel.valueOf(rs.getString(7)), rs.getString(8),
        rs.getString(9), rs.getString(10), rs.getInt(11), rs.getString(12), rs.getString(13), rs.getString(14),
        rs.getString(15));
  }

  private static String clip(String text) {
    return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
  }

  private record Due(long id, Timestamp nextAttemptAt) {}

  private record Bounce(long id, UUID caseId, String template) {}
}
