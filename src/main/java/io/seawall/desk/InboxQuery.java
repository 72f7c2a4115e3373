package io.seawall.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox read in one SQL query per answer: open tasks joined to the case facts a row shows,
 * filtered, counted and paged by the database, so ten thousand open tasks cost one page's rows.
 * It reads the case store's table directly because the inbox is a view over both, and going
 * through the case service once per row would not scale.
 */
@Component
class InboxQuery {

  /** Filter names and the column each narrows. */
  private static final Map<String, String> FILTERS = Map.of(
      "market", "c.buyer_country",
      "marketplace", "c.marketplace",
      "reason", "c.reason_code",
      "step", "t.element_id");

  private final JdbcClient db;

  InboxQuery(JdbcClient db) {
    this.db = db;
  }

  InboxPage page(Agent agent, InboxFilter filter, Instant now) {
    Where where = scope(agent, filter.mine());
    narrow(where, filter, null);
    List<InboxRow> rows = where.bind(db.sql("""
            select t.user_task_key, t.element_id, t.assignee, t.due_at, t.buyer_wrote_at, t.case_id,
                   c.reference, c.buyer_country, c.marketplace, c.reason_code, c.order_value, c.currency,
                   c.buyer_language, c.at_risk
            from agent_task t join after_sales_case c on c.id = t.case_id
            where %s
            order by t.due_at, t.user_task_key
            limit :size offset :offset""".formatted(where.sql())))
        .param("size", filter.size())
        .param("offset", (long) filter.page() * filter.size())
        .query((rs, n) -> row(rs, now))
        .list();
    long total = count(where);
    Map<String, List<InboxPage.Count>> counts = new LinkedHashMap<>();
    for (String name : List.of("market", "marketplace", "reason", "step")) {
      Where others = scope(agent, filter.mine());
      narrow(others, filter, name);
      counts.put(name, others.bind(db.sql("""
              select %1$s as facet_value, count(*) as tasks
              from agent_task t join after_sales_case c on c.id = t.case_id
              where %2$s
              group by %1$s
              order by count(*) desc, %1$s""".formatted(FILTERS.get(name), others.sql())))
          .query((rs, n) -> new InboxPage.Count(rs.getString("facet_value"), rs.getLong("tasks")))
          .list());
    }
    long mine = count(scope(agent, true));
    return new InboxPage(rows, total, filter.page(), filter.size(), counts, mine);
  }

  private long count(Where where) {
    return where.bind(db.sql("select count(*) from agent_task t join after_sales_case c on c.id = t.case_id where "
        + where.sql())).query(Long.class).single();
  }

  /** Open tasks the agent holds, or (unless only theirs) the ones their groups may take. */
  private static Where scope(Agent agent, boolean mine) {
    Where where = new Where();
    where.add("t.status = 'OPEN'");
    where.params.put("me", agent.name());
    if (mine) {
      where.add("t.assignee = :me");
    } else if (!agent.seesEverything()) {
      List<String> either = new ArrayList<>();
      either.add("t.assignee = :me");
      int i = 0;
      for (String group : agent.groups()) {
        either.add("t.candidate_groups like :group" + i);
        where.params.put("group" + i, "%," + group + ",%");
        i++;
      }
      where.add("(" + String.join(" or ", either) + ")");
    }
    return where;
  }

  private static void narrow(Where where, InboxFilter filter, String except) {
    Map<String, String> chosen = new LinkedHashMap<>();
    chosen.put("market", filter.market());
    chosen.put("marketplace", filter.marketplace());
    chosen.put("reason", filter.reason());
    chosen.put("step", filter.step());
    chosen.forEach((name, value) -> {
      if (value != null && !value.isBlank() && !name.equals(except)) {
        where.add(FILTERS.get(name) + " = :" + name);
        where.params.put(name, value);
      }
    });
  }

  private static InboxRow row(ResultSet rs, Instant now) throws SQLException {
    Instant due = instant(rs.getTimestamp("due_at"));
    return new InboxRow(
        rs.getLong("user_task_key"),
        rs.getString("element_id"),
        rs.getString("assignee"),
        due,
        instant(rs.getTimestamp("buyer_wrote_at")),
        rs.getObject("case_id", UUID.class),
        rs.getString("reference"),
        rs.getString("buyer_country"),
        rs.getString("marketplace"),
        rs.getString("reason_code"),
        rs.getBigDecimal("order_value"),
        rs.getString("currency"),
        rs.getString("buyer_language"),
        rs.getBoolean("at_risk"),
        due != null && due.isBefore(now));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** A where clause built from fixed fragments; every value the user chose is a bound parameter. */
  private static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    void add(String condition) {
      conditions.add(condition);
    }

    String sql() {
      return String.join(" and ", conditions);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
      return statement.params(params);
    }
  }
}
