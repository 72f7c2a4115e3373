package io.seawall.cases;

import java.util.List;
import java.util.UUID;

/** The closed set of ways a case request can be refused; the web layer turns each into problem+json. */
public abstract sealed class CaseProblem extends RuntimeException {

  CaseProblem(String message) {
    super(message);
  }

  public static final class NotFound extends CaseProblem {
    private final UUID caseId;

    NotFound(UUID id) {
      super("No case " + id);
      this.caseId = id;
    }

    public UUID caseId() {
      return caseId;
    }
  }

  /** A case for the same marketplace order and reason is still open. */
  public static final class AlreadyOpen extends CaseProblem {
    private final UUID openCaseId;
    private final String openCaseReference;

    AlreadyOpen(UUID openCaseId, String openCaseReference) {
      super("Case " + openCaseReference + " is already open for this order and reason");
      this.openCaseId = openCaseId;
      this.openCaseReference = openCaseReference;
    }

    public UUID openCaseId() {
      return openCaseId;
    }

    public String openCaseReference() {
      return openCaseReference;
    }
  }

  /** Input that passes field-by-field checks but not the rules across fields. */
  public static final class Rejected extends CaseProblem {
    private final List<FieldProblem> fields;

    Rejected(List<FieldProblem> fields) {
      super("The request has invalid fields");
      this.fields = List.copyOf(fields);
    }

    public List<FieldProblem> fields() {
      return fields;
    }
  }

  /** The engine could not take the case; nothing was kept. */
  public static final class EngineUnavailable extends CaseProblem {
    EngineUnavailable(Throwable cause) {
      super("The process engine did not accept the case; nothing was stored, try again");
      initCause(cause);
    }
  }

  /** An outside reference (tracking number, return id ...) already belongs to another case. */
  public static final class ReferenceTaken extends CaseProblem {
    ReferenceTaken(String kind, UUID owner) {
      super(kind + " reference already belongs to case " + owner);
    }
  }

  public record FieldProblem(String field, String message) {}
}
