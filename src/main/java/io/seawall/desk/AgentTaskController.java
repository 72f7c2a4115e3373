package io.seawall.desk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Agents' tasks", description = "The inbox of native user tasks: list, claim, give back, complete")
class AgentTaskController {

  private final AgentTasks tasks;

  AgentTaskController(AgentTasks tasks) {
    this.tasks = tasks;
  }

  @GetMapping
  @Operation(summary = "Tasks I hold (scope=MINE) or my groups may take (scope=GROUP), soonest due first")
  Page<AgentTaskView> list(
      Authentication who,
      @RequestParam(defaultValue = "GROUP") TaskScope scope,
      @RequestParam(defaultValue = "OPEN") AgentTaskStatus status,
      @RequestParam(required = false) UUID caseId,
      @PageableDefault(size = 20, sort = "dueAt", direction = Sort.Direction.ASC) Pageable page) {
    return tasks.list(agent(who), scope, status, caseId, page);
  }

  @GetMapping("/{key}")
  @Operation(summary = "One open task")
  AgentTaskView find(@PathVariable long key, Authentication who) {
    return tasks.find(key, agent(who));
  }

  @PostMapping("/{key}/claim")
  @Operation(summary = "Take the task; refused if someone else holds it")
  AgentTaskView claim(@PathVariable long key, Authentication who) {
    return tasks.claim(key, agent(who));
  }

  @PostMapping("/{key}/unclaim")
  @Operation(summary = "Give the task back to the group")
  AgentTaskView unclaim(@PathVariable long key, Authentication who) {
    return tasks.unclaim(key, agent(who));
  }

  @PostMapping("/{key}/completion")
  @Operation(summary = "Complete the task with its form's values; a bad value is a 400 naming the field")
  AgentTaskView complete(
      @PathVariable long key, @RequestBody(required = false) Map<String, Object> values, Authentication who) {
    return tasks.complete(key, agent(who), values == null ? Map.of() : values);
  }

  private static Agent agent(Authentication who) {
    return Agent.signedIn(who);
  }
}
