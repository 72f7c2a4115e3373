package io.seawall.desk;

/**
 * What an agent narrows the inbox by; null fields do not narrow.
 *
 * @param mine only the tasks the agent holds, not the ones their groups may take
 * @param market the buyer's country (ISO 3166 alpha-2)
 * @param step the task type: the step of the flow the task belongs to
 * @param page zero-based page of {@code size} rows, soonest due first
 */
public record InboxFilter(
    boolean mine, String market, String marketplace, String reason, String step, int page, int size) {

  public InboxFilter {
    page = Math.max(0, page);
    size = Math.clamp(size, 1, 100);
  }
}
