package io.seawall.desk.web;

import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.desk.Agent;
import io.seawall.desk.AgentTaskStatus;
import io.seawall.desk.AgentTaskView;
import io.seawall.desk.AgentTasks;
import io.seawall.desk.DeskProblem;
import io.seawall.desk.InboxRow;
import io.seawall.desk.TaskForm;
import io.seawall.desk.TaskScope;
import io.seawall.sla.StepClocks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One case on one page: buyer and order, parcels, the messages with the buyer, the timeline, the
 * SLA clock of the open step, and the open task with its form. Claiming, giving back and completing
 * go through the inbox's service, which asks the engine; a refusal shows where the agent acted.
 */
@Controller
class CaseScreenController {

  /** The case a task form was shown on, sent with it so a task gone meanwhile can lead back there. */
  private static final String CASE_PARAM = "_case";

  private final Cases cases;
  private final AgentTasks tasks;
  private final StepClocks clocks;

  CaseScreenController(Cases cases, AgentTasks tasks, StepClocks clocks) {
    this.cases = cases;
    this.tasks = tasks;
    this.clocks = clocks;
  }

  @GetMapping("/desk/cases/{id}")
  String show(@PathVariable UUID id, Authentication who, Model model) {
    Agent agent = Agent.signedIn(who);
    CaseView theCase = cases.find(id);
    model.addAttribute("c", theCase);
    model.addAttribute("flag", InboxRow.flagOf(theCase.buyer().country()));
    model.addAttribute("timeline", theCase.timeline().stream()
        .sorted(Comparator.comparing(CaseView.TimelineView::occurredAt).reversed())
        .toList());
    model.addAttribute("clocks", clocks.running(id));
    List<AgentTaskView> open = tasks.list(agent, TaskScope.GROUP, AgentTaskStatus.OPEN, id,
        PageRequest.of(0, 10, Sort.by("dueAt"))).getContent();
    model.addAttribute("tasks", open);
    // After a refused completion the form is already there, with the agent's values and errors.
    if (model.containsAttribute("form")) {
      return "desk/case";
    }
    open.stream().filter(t -> agent.name().equals(t.assignee())).findFirst()
        .flatMap(t -> tasks.form(t.formId()).map(form -> FormOnPage.of(t.key(), id, form, Map.of(), List.of())))
        .ifPresent(form -> model.addAttribute("form", form));
    return "desk/case";
  }

  @PostMapping("/desk/tasks/{key}/claim")
  String claim(
      @PathVariable long key, @RequestParam(name = CASE_PARAM, required = false) String onCase, Authentication who,
      RedirectAttributes flash, HttpServletResponse response) {
    return onTask(key, onCase, who, flash, response, tasks::claim);
  }

  @PostMapping("/desk/tasks/{key}/unclaim")
  String unclaim(
      @PathVariable long key, @RequestParam(name = CASE_PARAM, required = false) String onCase, Authentication who,
      RedirectAttributes flash, HttpServletResponse response) {
    return onTask(key, onCase, who, flash, response, tasks::unclaim);
  }

  /** Takes or gives back a task, then shows its case; a refusal (someone else holds it) shows there too. */
  private String onTask(
      long key, String onCase, Authentication who, RedirectAttributes flash, HttpServletResponse response,
      BiConsumer<Long, Agent> action) {
    Agent agent = Agent.signedIn(who);
    Optional<UUID> caseId = caseOf(key, agent);
    if (caseId.isEmpty()) {
      return gone(onCase, null, response);
    }
    try {
      action.accept(key, agent);
    } catch (DeskProblem.Conflict refused) {
      flash.addFlashAttribute("refusal", refused.getMessage());
    }
    return "redirect:/desk/cases/" + caseId.get();
  }

  /**
   * Completes the task with the form's values. An invalid value sends the form back with the error
   * at its field (htmx swaps the form in place) and the task stays open; success goes to the case.
   */
  @PostMapping("/desk/tasks/{key}/completion")
  String complete(
      @PathVariable long key,
      @RequestParam(name = CASE_PARAM, required = false) String onCase,
      @RequestParam MultiValueMap<String, String> submitted,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication who,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    Agent agent = Agent.signedIn(who);
    AgentTaskView task;
    try {
      task = tasks.find(key, agent);
    } catch (DeskProblem.NotFound done) {
      return gone(onCase, htmx, response);
    }
    Optional<TaskForm> form = tasks.form(task.formId());
    Map<String, Object> values = form.map(f -> FormOnPage.values(f, submitted)).orElse(Map.of());
    try {
      tasks.complete(key, agent, values);
    } catch (DeskProblem.InvalidValues invalid) {
      return formAgain(task, form.orElseThrow(), submitted, invalid.fields(), null, htmx, who, model, response);
    } catch (DeskProblem.Conflict refused) {
      if (form.isEmpty()) {
        flash.addFlashAttribute("refusal", refused.getMessage());
        return "redirect:/desk/cases/" + task.caseId();
      }
      return formAgain(task, form.get(), submitted, List.of(), refused.getMessage(), htmx, who, model, response);
    }
    if (htmx != null) {
      response.setHeader("HX-Redirect", "/desk/cases/" + task.caseId() + "?completed");
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return null;
    }
    return "redirect:/desk/cases/" + task.caseId() + "?completed";
  }

  private Optional<UUID> caseOf(long key, Agent agent) {
    try {
      return Optional.of(tasks.find(key, agent).caseId());
    } catch (DeskProblem.NotFound done) {
      return Optional.empty();
    }
  }

  /**
   * The task is no longer open (completed from another tab or by the flow, or never the agent's):
   * back to its case with a word on why, or a not-found page when the request names no case.
   */
  private String gone(String onCase, String htmx, HttpServletResponse response) {
    UUID caseId;
    try {
      caseId = UUID.fromString(String.valueOf(onCase));
    } catch (IllegalArgumentException noCase) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "desk/not-found";
    }
    String to = "/desk/cases/" + caseId + "?gone";
    if (htmx != null) {
      response.setHeader("HX-Redirect", to);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return null;
    }
    return "redirect:" + to;
  }

  private String formAgain(
      AgentTaskView task, TaskForm form, MultiValueMap<String, String> submitted,
      List<DeskProblem.FieldError> errors, String refusal, String htmx, Authentication who, Model model,
      HttpServletResponse response) {
    response.setStatus(refusal == null ? 422 : HttpServletResponse.SC_CONFLICT);
    model.addAttribute("form", FormOnPage.of(task.key(), task.caseId(), form, FormOnPage.typed(form, submitted), errors));
    model.addAttribute("formRefusal", refusal);
    if (htmx != null) {
      return "desk/case :: taskForm";
    }
    return show(task.caseId(), who, model);
  }
}
