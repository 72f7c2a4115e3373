package io.seawall.desk;

import io.seawall.security.Role;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is working the inbox: their name (what the timeline records) and the candidate groups they
 * belong to. Someone who sees everything (an admin) may also work any task.
 */
public record Agent(String name, Set<String> groups, boolean seesEverything) {

  /** The signed-in user, through the API or the desk: their roles give their groups. */
  public static Agent signedIn(Authentication who) {
    Set<Role> roles = who.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length()))
        .filter(name -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
        .map(Role::valueOf)
        .collect(Collectors.toSet());
    Set<String> groups = roles.stream().map(Role::candidateGroup).collect(Collectors.toSet());
    return new Agent(who.getName(), groups, roles.contains(Role.ADMIN));
  }

  boolean mayWork(AgentTask task) {
    return seesEverything || task.groups().stream().anyMatch(groups::contains) || name.equals(task.assignee);
  }
}
