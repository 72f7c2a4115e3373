package io.seawall.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Links the references of carriers, warehouses and marketplaces to the case they belong to, so a
 * webhook or a poll naming one of them finds its case.
 */
@Service
public class CaseReferences {

  private final JdbcClient db;
  private final Clock clock;

  CaseReferences(JdbcClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Links a reference to a case; linking it again to the same case is a no-op (steps repeat).
   *
   * @throws CaseProblem.ReferenceTaken when the reference already belongs to another case
   */
  public void link(UUID caseId, ReferenceKind kind, String value) {
    Optional<UUID> owner = caseOf(kind, value);
    if (owner.isPresent()) {
      requireSameCase(owner.get(), caseId, kind);
      return;
    }
    try {
      db.sql("insert into case_reference (kind, ref_value, case_id, linked_at) values (?, ?, ?, ?)")
          .params(kind.name(), value, caseId, Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException raced) {
      requireSameCase(caseOf(kind, value).orElseThrow(), caseId, kind);
    }
  }

  public Optional<UUID> caseOf(ReferenceKind kind, String value) {
    return db.sql("select case_id from case_reference where kind = ? and ref_value = ?")
        .params(kind.name(), value)
        .query(UUID.class)
        .optional();
  }

  /** The newest reference of a kind on a case. */
  public Optional<String> latest(UUID caseId, ReferenceKind kind) {
    return db.sql("""
            select ref_value from case_reference where case_id = ? and kind = ?
            order by linked_at desc, ref_value desc""")
        .params(caseId, kind.name())
        .query(String.class)
        .list().stream().findFirst();
  }

  /** Every reference of a kind on a case, oldest first. */
  public List<String> all(UUID caseId, ReferenceKind kind) {
    return db.sql("select ref_value from case_reference where case_id = ? and kind = ? order by linked_at, ref_value")
        .params(caseId, kind.name())
        .query(String.class)
        .list();
  }

  private static void requireSameCase(UUID owner, UUID caseId, ReferenceKind kind) {
    if (!owner.equals(caseId)) {
      throw new CaseProblem.ReferenceTaken(kind.name(), owner);
    }
  }
}
