package io.seawall.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the case store and the engine disagree. Both keep every write they answered for, so this
 * should stay empty; if a store ever loses one (a database restored from an old backup, a file
 * database on a disk that lied), Seawall says so here and in one log line, instead of leaving an
 * incident that nobody on the embedded default (no Operate) can see. Ids only: no buyer data.
 */
@Service
public class StoreDisagreements {

  private static final Logger log = LoggerFactory.getLogger(StoreDisagreements.class);

  /** The closed set of disagreements Seawall looks for. */
  public enum Kind {
    /** A process instance works for a case the case store does not have. */
    CASE_MISSING,
    /** A case waits for an agent, and no task is open for it. */
    TASK_MISSING
  }

  public record Disagreement(
      long id, Kind kind, UUID caseId, Long processInstanceKey, String step, String detail, Instant foundAt) {}

  private final JdbcClient db;
  private final TransactionTemplate tx;
  private final Clock clock;

  StoreDisagreements(JdbcClient db, TransactionTemplate tx, Clock clock) {
    this.db = db;
    this.tx = tx;
    this.clock = clock;
  }

  /** A step of a process instance found no case: its jobs cannot do anything for it. */
  public void caseMissing(UUID caseId, long processInstanceKey, String step) {
    found(Kind.CASE_MISSING, caseId, processInstanceKey, step,
        "Process instance " + processInstanceKey + " works for case " + caseId + ", which the case store does not have");
  }

  /** A case has waited for an agent with no task open for it. */
  public void taskMissing(UUID caseId) {
    found(Kind.TASK_MISSING, caseId, null, null,
        "Case " + caseId + " waits for an agent, but no task is open for it: nobody will act on it");
  }

  /** The two agree again about this case (a task appeared, the case moved on). */
  public void settled(Kind kind, UUID caseId) {
    int settled = db.sql("update store_disagreement set settled_at = :now "
            + "where kind = :kind and case_id = :caseId and settled_at is null")
        .param("now", Timestamp.from(clock.instant())).param("kind", kind.name()).param("caseId", caseId)
        .update();
    if (settled > 0) {
      log.info("Settled: {} for case {}", kind, caseId);
    }
  }

  /** Disagreements not settled yet, newest first. */
  public List<Disagreement> open() {
    return db.sql("select id, kind, case_id, process_instance_key, step, detail, found_at from store_disagreement "
            + "where settled_at is null order by found_at desc, id desc")
        .query((rs, row) -> new Disagreement(
            rs.getLong("id"),
            Kind.valueOf(rs.getString("kind")),
            rs.getObject("case_id", UUID.class),
            rs.getObject("process_instance_key", Long.class),
            rs.getString("step"),
            rs.getString("detail"),
            rs.getTimestamp("found_at").toInstant()))
        .list();
  }

  /** Cases that have waited for an agent since before the given moment (the audit's candidates). */
  public List<UUID> waitingForAgentSince(Instant before) {
    return db.sql("select id from after_sales_case where status = :status and updated_at < :before")
        .param("status", CaseStatus.WAITING_FOR_AGENT.name()).param("before", Timestamp.from(before))
        .query(UUID.class).list();
  }

  /** Cases with an unsettled disagreement of this kind. */
  public List<UUID> openCases(Kind kind) {
    return db.sql("select case_id from store_disagreement where kind = :kind and settled_at is null")
        .param("kind", kind.name()).query(UUID.class).list();
  }

  private void found(Kind kind, UUID caseId, Long processInstanceKey, String step, String detail) {
    boolean isNew = Boolean.TRUE.equals(tx.execute(status -> {
      boolean known = db.sql("select count(*) from store_disagreement "
              + "where kind = :kind and case_id = :caseId and settled_at is null")
          .param("kind", kind.name()).param("caseId", caseId).query(Long.class).single() > 0;
      if (!known) {
        db.sql("insert into store_disagreement (kind, case_id, process_instance_key, step, detail, found_at) "
                + "values (:kind, :caseId, :pik, :step, :detail, :now)")
            .param("kind", kind.name()).param("caseId", caseId).param("pik", processInstanceKey)
            .param("step", step).param("detail", detail).param("now", Timestamp.from(clock.instant()))
            .update();
      }
      return !known;
    }));
    if (isNew) {
      log.error("The case store and the engine disagree: {}. Listed at GET /api/case-store/disagreements.", detail);
    }
  }
}
