package io.seawall.desk;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Camunda Form as the desk renders it: its components in the order ops staff laid them out in
 * Modeler, with the rules the completion checks, so the page can show them before the agent submits.
 */
public record TaskForm(String id, List<Component> components) {

  /**
   * One component. {@code text} components carry {@code text} (markdown) and no key.
   *
   * @param hideWhen the field and value of a simple {@code =field = "VALUE"} hide condition; null if none
   */
  public record Component(
      String type,
      String key,
      String label,
      String description,
      String text,
      boolean required,
      List<Option> options,
      BigDecimal min,
      BigDecimal max,
      Integer minLength,
      Integer maxLength,
      String pattern,
      Integer decimalDigits,
      HideWhen hideWhen) {}

  public record Option(String label, String value) {}

  public record HideWhen(String field, String value) {}
}
