package io.seawall.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake_event table: events are written here raw before they are acknowledged, and processed
 * from here with retries. A second delivery of the same provider event id is recognised here.
 */
@Component
class Inbox {

  enum Signature {
    VERIFIED,
    UNSIGNED
  }

  enum Accepted {
    NEW,
    DUPLICATE
  }

  /**
   * How long a claimed event is hidden from other pollers while it is processed; also how long an
   * overdue event waits for the instance that accepted it before another instance takes it over.
   */
  private static final Duration LEASE = Duration.ofMinutes(5);

  private final JdbcClient db;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final IntakeSettings.Processing settings;
  // Each instance works what it accepted, so an event's attempts stay together; several
  // instances (or several applications in one test run) can share the table.
  private final String instance = UUID.randomUUID().toString();

  Inbox(JdbcClient db, TransactionTemplate tx, Clock clock, IntakeSettings settings) {
    this.db = db;
    this.tx = tx;
    this.clock = clock;
    this.settings = settings.processing();
  }

  /** Keeps the event, committed before the caller acknowledges it. */
  Accepted accept(Provider provider, Delivery delivery, Signature signature, String payload) {
    Timestamp now = Timestamp.from(clock.instant());
    try {
      tx.executeWithoutResult(status -> db.sql("""
              insert into intake_event
                (provider, event_id, topic, account, received_at, signature, payload, status, attempts,
                 next_attempt_at, accepted_by)
              values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
          .params(provider.name(), delivery.eventId(), delivery.topic(), delivery.account(), now, signature.name(),
              payload, now, instance)
          .update());
      return Accepted.NEW;
    } catch (DuplicateKeyException repeated) {
      return Accepted.DUPLICATE;
    }
  }

  /**
   * The next event due that this instance accepted, or that another instance left overdue for
   * longer than the lease; claimed by moving its next attempt past the lease, so that other pollers
   * skip it while this one works on it.
   */
  Optional<InboxEvent> claimNextDue() {
    Instant now = clock.instant();
    while (true) {
      Optional<Due> due = db.sql("""
              select id, next_attempt_at from intake_event
              where status = 'PENDING' and next_attempt_at <= ? and (accepted_by = ? or next_attempt_at <= ?)
              order by next_attempt_at, id
              fetch first 1 rows only""")
          .params(Timestamp.from(now), instance, Timestamp.from(now.minus(LEASE)))
          .query((rs, n) -> new Due(rs.getLong(1), rs.getTimestamp(2)))
          .optional();
      if (due.isEmpty()) {
        return Optional.empty();
      }
      int claimed = db.sql("""
              update intake_event set next_attempt_at = ?, accepted_by = ?
              where id = ? and next_attempt_at = ?""")
          .params(Timestamp.from(now.plus(LEASE)), instance, due.get().id(), due.get().nextAttemptAt())
          .update();
      if (claimed == 1) {
        return Optional.of(read(due.get().id()));
      }
    }
  }

  void done(long id, UUID caseId) {
    db.sql("""
            update intake_event set status = 'DONE', attempts = attempts + 1, processed_at = ?, case_id = ?,
              last_error = null
            where id = ?""")
        .params(Timestamp.from(clock.instant()), caseId, id)
        .update();
  }

  /**
   * Counts a failed attempt: the event is tried again later, with a growing delay, or parked
   * after the last attempt. The error must not quote the payload.
   */
  void failed(long id, String error) {
    int attempts = db.sql("select attempts from intake_event where id = ?").param(id).query(Integer.class).single() + 1;
    boolean park = attempts >= settings.maxAttempts();
    Duration delay = settings.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 10));
    db.sql("""
            update intake_event set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?
            where id = ?""")
        .params(park ? "PARKED" : "PENDING", attempts, Timestamp.from(clock.instant().plus(delay)),
            error.length() > 1000 ? error.substring(0, 1000) : error, id)
        .update();
  }

  /** Tries the event again after the retry delay without counting an attempt (the engine was away). */
  void postpone(long id, String error) {
    db.sql("update intake_event set status = 'PENDING', next_attempt_at = ?, last_error = ? where id = ?")
        .params(Timestamp.from(clock.instant().plus(settings.retryDelay())),
            error.length() > 1000 ? error.substring(0, 1000) : error, id)
        .update();
  }

  List<ParkedEvent> parked() {
    return db.sql("""
            select id, provider, event_id, topic, received_at, attempts, last_error from intake_event
            where status = 'PARKED' order by received_at, id""")
        .query((rs, n) -> new ParkedEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getString(7)))
        .list();
  }

  /**
   * Puts a parked event back in line with fresh attempts, worked by this instance; false when no
   * such event is parked.
   */
  boolean replay(long id) {
    return db.sql("""
            update intake_event set status = 'PENDING', attempts = 0, next_attempt_at = ?, accepted_by = ?
            where id = ? and status = 'PARKED'""")
        .params(Timestamp.from(clock.instant()), instance, id)
        .update() == 1;
  }

  private InboxEvent read(long id) {
    return db.sql("""
            select id, provider, event_id, topic, account, received_at, payload, attempts
            from intake_event where id = ?""")
        .param(id)
        .query((rs, n) -> new InboxEvent(rs.getLong(1), Provider.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8)))
        .single();
  }

  private record Due(long id, Timestamp nextAttemptAt) {}
}
