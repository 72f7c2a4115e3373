package io.seawall.desk;

import java.util.Set;

/**
 * Who is working the inbox: their name (what the timeline records) and the candidate groups they
 * belong to. Someone who sees everything (an admin) may also work any task.
 */
public record Agent(String name, Set<String> groups, boolean seesEverything) {

  boolean mayWork(AgentTask task) {
    return seesEverything || task.groups().stream().anyMatch(groups::contains) || name.equals(task.assignee);
  }
}
