package io.seawall.replies;

import java.util.List;

/** The closed set of ways a reply or a macro can be refused; the web layer turns each into problem+json. */
public abstract sealed class ReplyProblem extends RuntimeException {

  ReplyProblem(String message) {
    super(message);
  }

  /** Input at fault, field by field; messages never quote what a buyer or agent wrote. */
  public static final class Rejected extends ReplyProblem {
    private final List<FieldProblem> fields;

    Rejected(List<FieldProblem> fields) {
      super("The request has invalid fields");
      this.fields = List.copyOf(fields);
    }

    Rejected(String field, String message) {
      this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> fields() {
      return fields;
    }
  }

  public static final class UnknownMacro extends ReplyProblem {
    UnknownMacro(String key) {
      super("No macro " + key);
    }
  }

  public record FieldProblem(String field, String message) {}
}
