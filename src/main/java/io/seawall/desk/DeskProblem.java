package io.seawall.desk;

import java.util.List;

/** The closed set of ways an agent's request on a task can be refused; the web layer answers each. */
public abstract sealed class DeskProblem extends RuntimeException {

  DeskProblem(String message) {
    super(message);
  }

  public static final class NotFound extends DeskProblem {
    NotFound(long key) {
      super("No open task " + key);
    }
  }

  /** Claimed by someone else, or already done: the engine refused. */
  public static final class Conflict extends DeskProblem {
    Conflict(String message) {
      super(message);
    }
  }

  /** Form values that do not fit the task's form; the task stays open. */
  public static final class InvalidValues extends DeskProblem {
    private final List<FieldError> fields;

    InvalidValues(List<FieldError> fields) {
      super("The form has invalid fields");
      this.fields = List.copyOf(fields);
    }

    public List<FieldError> fields() {
      return fields;
    }
  }

  public record FieldError(String field, String message) {}
}
