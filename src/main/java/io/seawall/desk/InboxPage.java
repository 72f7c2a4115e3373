package io.seawall.desk;

import java.util.List;
import java.util.Map;

/**
 * A page of the inbox and, for each filter, how many open tasks each of its values would show
 * (under the other filters chosen), so the agent sees where the work is before narrowing.
 *
 * @param counts per filter name ({@code market}, {@code marketplace}, {@code reason}, {@code step}),
 *     its values with their number of tasks, largest first
 * @param mine how many of the agent's open tasks they hold themselves
 */
public record InboxPage(
    List<InboxRow> rows, long total, int page, int size, Map<String, List<Count>> counts, long mine) {

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public record Count(String value, long tasks) {}
}
