package io.seawall.intake;

import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.seawall.engine.EmbeddedEngine;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What intake left behind: its inbox rows, and the messages the engine took. */
final class IntakeRecords {

  private final JdbcClient db;
  private final EmbeddedEngine engine;

  IntakeRecords(JdbcClient db, EmbeddedEngine engine) {
    this.db = db;
    this.engine = engine;
  }

  record Row(String status, String signature, int attempts, String error, String caseId) {}

  List<Row> rows(String provider, String eventId) {
    return db.sql("""
            select status, signature, attempts, last_error, cast(case_id as varchar(36)) from intake_event
            where provider = ? and event_id = ?""")
        .params(provider, eventId)
        .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
        .list();
  }

  long count() {
    return db.sql("select count(*) from intake_event").query(Long.class).single();
  }

  String status(String provider, String eventId) {
    List<Row> rows = rows(provider, eventId);
    return rows.isEmpty() ? "MISSING" : rows.get(0).status();
  }

  /** Messages the engine published under this name and correlation key. */
  List<Published> published(String name, String correlationKey) {
    return StreamSupport.stream(RecordStream.of(engine.records()).messageRecords().spliterator(), false)
        .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
        .map(Record::getValue)
        .filter(m -> m.getName().equals(name) && m.getCorrelationKey().equals(correlationKey))
        .map(m -> new Published(m.getMessageId(), m.getTimeToLive(), m.getVariables()))
        .toList();
  }

  record Published(String messageId, long timeToLive, Map<String, Object> variables) {}
}
