package io.seawall.intake;

/**
 * Why an event could not be taken or applied. Messages name fields and references (order, return
 * and tracking numbers), never what a buyer wrote, so they may be logged and shown to ops staff.
 */
abstract sealed class IntakeProblem extends RuntimeException {

  IntakeProblem(String message) {
    super(message);
  }

  /** The body is not what the provider documents: a field is missing or of the wrong kind. */
  static final class Malformed extends IntakeProblem {
    private final String field;

    Malformed(String field, String message) {
      super(field + ": " + message);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  /** Nothing in Seawall matches the reference the event names (yet): retried, then parked. */
  static final class UnknownReference extends IntakeProblem {
    UnknownReference(String message) {
      super(message);
    }
  }
}
