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
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox read in two SQL queries: a page of open tasks joined to the case facts a row shows,
 * filtered and paged by the database, and their counts per combination of filter values, so ten
 * thousand open tasks cost one page's rows and one grouped scan.
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

  private static final List<String> FILTER_NAMES = List.of("market", "marketplace", "reason", "step");

  private final JdbcClient db;

  InboxQuery(JdbcClient db) {
    this.db = db;
  }

  InboxPage page(Agent agent, InboxFilter filter, Instant now) {
    Where where = scope(agent, filter.mine());
    narrow(where, filter);
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
    // One scan counts the agent's open tasks per combination of filter values; every count the
    // page shows (total, per value under the other filters, held by me) is summed from it. "held" is
    // grouped by its name in a derived table: PostgreSQL cannot match two bound :me as one expression.
    Where all = scope(agent, false);
    List<Combination> combinations = all.bind(db.sql("""
            select buyer_country, marketplace, reason_code, element_id, held, count(*) as tasks
            from (select c.buyer_country, c.marketplace, c.reason_code, t.element_id,
                         case when t.assignee = :me then 1 else 0 end as held
                  from agent_task t join after_sales_case c on c.id = t.case_id
                  where %s) open_tasks
            group by buyer_country, marketplace, reason_code, element_id, held""".formatted(all.sql())))
        .query((rs, n) -> new Combination(Map.of(
                "market", rs.getString("buyer_country"),
                "marketplace", rs.getString("marketplace"),
                "reason", rs.getString("reason_code"),
                "step", rs.getString("element_id")),
            rs.getInt("held") == 1, rs.getLong("tasks")))
        .list();
    Map<String, String> chosen = chosen(filter);
    long total = combinations.stream()
        .filter(c -> c.fits(chosen, filter.mine(), null))
        .mapToLong(Combination::tasks).sum();
    Map<String, List<InboxPage.Count>> counts = new LinkedHashMap<>();
    for (String name : FILTER_NAMES) {
      Map<String, Long> perValue = combinations.stream()
          .filter(c -> c.fits(chosen, filter.mine(), name))
          .collect(Collectors.groupingBy(c -> c.values().get(name), Collectors.summingLong(Combination::tasks)));
      counts.put(name, perValue.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .map(e -> new InboxPage.Count(e.getKey(), e.getValue()))
          .toList());
    }
    long mine = combinations.stream().filter(Combination::held).mapToLong(Combination::tasks).sum();
    return new InboxPage(rows, total, filter.page(), filter.size(), counts, mine);
  }

  /** How many open tasks share these filter values, and whether the agent holds them. */
  private record Combination(Map<String, String> values, boolean held, long tasks) {

    /** Whether these tasks pass the chosen filters, leaving out one (whose counts are being made). */
    boolean fits(Map<String, String> chosen, boolean mine, String except) {
      if (mine && !held) {
        return false;
      }
      return chosen.entrySet().stream()
          .allMatch(e -> e.getKey().equals(except) || e.getValue().equals(values.get(e.getKey())));
    }
  }

  /** The filter values the agent chose, by filter name; an empty choice does not narrow. */
  private static Map<String, String> chosen(InboxFilter filter) {
    Map<String, String> chosen = new LinkedHashMap<>();
    chosen.put("market", filter.market());
    chosen.put("marketplace", filter.marketplace());
    chosen.put("reason", filter.reason());
    chosen.put("step", filter.step());
    chosen.values().removeIf(value -> value == null || value.isBlank());
    return chosen;
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

  private static void narrow(Where where, InboxFilter filter) {
    chosen(filter).forEach((name, value) -> {
      where.add(FILTERS.get(name) + " = :" + name);
      where.params.put(name, value);
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
