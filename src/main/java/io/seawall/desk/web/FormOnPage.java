package io.seawall.desk.web;

import io.seawall.desk.DeskProblem;
import io.seawall.desk.TaskForm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.MultiValueMap;

/**
 * A task's Camunda Form as the page renders it: each component with the value the agent last
 * submitted and the error the completion found at it, and the submitted text turned back into the
 * typed values the completion API takes (numbers as numbers, checkboxes as true or false).
 */
record FormOnPage(long taskKey, UUID caseId, String formId, List<Field> fields) {

  record Field(TaskForm.Component component, String value, String error, List<TextBlock> text) {}

  /** A line of a text component's markdown: a heading (level 1 to 6) or a paragraph (level 0). */
  record TextBlock(int level, String text) {}

  static FormOnPage of(
      long taskKey, UUID caseId, TaskForm form, Map<String, String> submitted, List<DeskProblem.FieldError> errors) {
    Map<String, String> errorAt = new LinkedHashMap<>();
    errors.forEach(e -> errorAt.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
    List<Field> fields = new ArrayList<>();
    for (TaskForm.Component c : form.components()) {
      String value = c.key() == null ? null : submitted.get(c.key());
      fields.add(new Field(c, value, c.key() == null ? null : errorAt.get(c.key()), blocks(c.text())));
    }
    return new FormOnPage(taskKey, caseId, form.id(), fields);
  }

  /** The values the form asks for, typed as the form declares them; an empty field is left out. */
  static Map<String, Object> values(TaskForm form, MultiValueMap<String, String> submitted) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (TaskForm.Component c : form.components()) {
      if (c.key() == null) {
        continue;
      }
      String raw = submitted.getFirst(c.key());
      if (c.type().equals("checkbox")) {
        values.put(c.key(), raw != null);
      } else if (raw != null && !raw.isBlank()) {
        values.put(c.key(), c.type().equals("number") ? number(raw.strip()) : raw);
      }
    }
    return values;
  }

  /** What the agent typed, by field, to show it again next to an error. */
  static Map<String, String> typed(TaskForm form, MultiValueMap<String, String> submitted) {
    Map<String, String> typed = new LinkedHashMap<>();
    form.components().stream().filter(c -> c.key() != null && submitted.getFirst(c.key()) != null)
        .forEach(c -> typed.put(c.key(), submitted.getFirst(c.key())));
    return typed;
  }

  /** A number, or the text itself so that the form's check names the field as "must be a number". */
  private static Object number(String raw) {
    try {
      return new BigDecimal(raw);
    } catch (NumberFormatException notANumber) {
      return raw;
    }
  }

  private static List<TextBlock> blocks(String markdown) {
    if (markdown == null) {
      return List.of();
    }
    List<TextBlock> blocks = new ArrayList<>();
    for (String line : markdown.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      int level = 0;
      while (level < trimmed.length() && trimmed.charAt(level) == '#' && level < 6) {
        level++;
      }
      blocks.add(new TextBlock(level, trimmed.substring(level).strip()));
    }
    return blocks;
  }
}
