package io.seawall.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms linked to agents' tasks in {@code bpmn/}, read the way Modeler writes them, so
 * that what an agent submits is checked against the same form Tasklist would show: required
 * fields, allowed options, number ranges, lengths and patterns. Unknown fields are refused too, so
 * nothing the form does not ask for reaches the process.
 */
@Component
class TaskForms {

  private static final Pattern HIDE_WHEN = Pattern.compile("=\\s*(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*");

  private final Map<String, List<FormField>> fieldsByForm = new HashMap<>();
  private final Map<String, TaskForm> layoutByForm = new HashMap<>();
  private final Map<String, String> formByStep = new HashMap<>();

  TaskForms() {
    ObjectMapper json = new ObjectMapper();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    try {
      for (Resource form : resolver.getResources("classpath*:bpmn/**/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode schema = json.readTree(in);
          String id = schema.path("id").asText();
          fieldsByForm.put(id, fields(schema.path("components")));
          layoutByForm.put(id, new TaskForm(id, layout(schema.path("components"))));
        }
      }
      for (Resource model : resolver.getResources("classpath*:bpmn/**/*.bpmn")) {
        try (InputStream in = model.getInputStream()) {
          linkSteps(Bpmn.readModelFromStream(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms and models under bpmn/", e);
    }
  }

  /** The form linked to a user task of a process, if the model links one. */
  Optional<String> formOf(String bpmnProcessId, String elementId) {
    return Optional.ofNullable(formByStep.get(bpmnProcessId + "/" + elementId));
  }

  /** The form's components, for a page to render. */
  Optional<TaskForm> layoutOf(String formId) {
    return Optional.ofNullable(layoutByForm.get(formId));
  }

  /** Checks submitted values against the form; answers what is wrong, field by field. */
  List<DeskProblem.FieldError> check(String formId, Map<String, Object> values) {
    List<FormField> fields = fieldsByForm.getOrDefault(formId, List.of());
    Map<String, FormField> byKey = new LinkedHashMap<>();
    fields.forEach(f -> byKey.put(f.key(), f));
    List<DeskProblem.FieldError> errors = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!byKey.containsKey(key)) {
        errors.add(new DeskProblem.FieldError(key, "is not a field of form " + formId));
      }
    }
    List<String> hidden = layoutOf(formId).map(form -> form.components().stream()
        .filter(c -> c.hideWhen() != null && c.hideWhen().value().equals(String.valueOf(values.get(c.hideWhen().field()))))
        .map(TaskForm.Component::key)
        .toList()).orElse(List.of());
    for (FormField field : fields) {
      if (hidden.contains(field.key())) {
        continue;
      }
      field.problemWith(values.get(field.key())).ifPresent(m -> errors.add(new DeskProblem.FieldError(field.key(), m)));
    }
    return errors;
  }

  private void linkSteps(BpmnModelInstance model) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      if (form != null && form.getFormId() != null) {
        formByStep.put(processOf(task) + "/" + task.getId(), form.getFormId());
      }
    }
  }

  private static String processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (!(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return ((Process) parent).getId();
  }

  private static List<FormField> fields(JsonNode components) {
    List<FormField> fields = new ArrayList<>();
    for (JsonNode component : components) {
      if (component.has("components")) {
        fields.addAll(fields(component.get("components")));
      }
      if (!component.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = component.path("validate");
      List<String> options = new ArrayList<>();
      component.path("values").forEach(v -> options.add(v.path("value").asText()));
      fields.add(new FormField(
          component.get("key").asText(),
          component.path("type").asText(),
          validate.path("required").asBoolean(false),
          options,
          decimal(validate, "min"),
          decimal(validate, "max"),
          validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
          validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
          validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null));
    }
    return fields;
  }

  private static List<TaskForm.Component> layout(JsonNode components) {
    List<TaskForm.Component> layout = new ArrayList<>();
    for (JsonNode c : components) {
      if (c.has("components")) {
        layout.addAll(layout(c.get("components")));
        continue;
      }
      JsonNode validate = c.path("validate");
      List<TaskForm.Option> options = new ArrayList<>();
      c.path("values").forEach(v -> options.add(new TaskForm.Option(v.path("label").asText(), v.path("value").asText())));
      Matcher hide = HIDE_WHEN.matcher(c.path("conditional").path("hide").asText(""));
      layout.add(new TaskForm.Component(
          c.path("type").asText(),
          c.hasNonNull("key") ? c.get("key").asText() : null,
          c.path("label").asText(null),
          c.path("description").asText(null),
          c.path("text").asText(null),
          validate.path("required").asBoolean(false),
          List.copyOf(options),
          decimal(validate, "min"),
          decimal(validate, "max"),
          validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
          validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
          validate.path("pattern").asText(null),
          c.hasNonNull("decimalDigits") ? c.get("decimalDigits").asInt() : null,
          hide.matches() ? new TaskForm.HideWhen(hide.group(1), hide.group(2)) : null));
    }
    return List.copyOf(layout);
  }

  private static BigDecimal decimal(JsonNode validate, String name) {
    return validate.hasNonNull(name) ? validate.get(name).decimalValue() : null;
  }

  /** One input of a form and the rules Tasklist would enforce on it. */
  record FormField(
      String key,
      String type,
      boolean required,
      List<String> options,
      BigDecimal min,
      BigDecimal max,
      Integer minLength,
      Integer maxLength,
      Pattern pattern) {

    Optional<String> problemWith(Object value) {
      if (value == null || (value instanceof String s && s.isBlank())) {
        return required ? Optional.of("is required") : Optional.empty();
      }
      return switch (type) {
        case "number" -> number(value);
        case "checkbox" -> value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
        case "select", "radio" -> options.contains(String.valueOf(value))
            ? Optional.empty()
            : Optional.of("must be one of " + String.join(", ", options));
        case "textfield", "textarea" -> text(value);
        default -> Optional.empty();
      };
    }

    private Optional<String> number(Object value) {
      if (!(value instanceof Number n)) {
        return Optional.of("must be a number");
      }
      BigDecimal amount = new BigDecimal(n.toString());
      if (min != null && amount.compareTo(min) < 0) {
        return Optional.of("must be at least " + min.toPlainString());
      }
      if (max != null && amount.compareTo(max) > 0) {
        return Optional.of("must be at most " + max.toPlainString());
      }
      return Optional.empty();
    }

    private Optional<String> text(Object value) {
      if (!(value instanceof String s)) {
        return Optional.of("must be text");
      }
      if (minLength != null && s.length() < minLength) {
        return Optional.of("must be at least " + minLength + " characters");
      }
      if (maxLength != null && s.length() > maxLength) {
        return Optional.of("must be at most " + maxLength + " characters");
      }
      if (pattern != null && !pattern.matcher(s).matches()) {
        return Optional.of("does not match the expected format");
      }
      return Optional.empty();
    }
  }
}
