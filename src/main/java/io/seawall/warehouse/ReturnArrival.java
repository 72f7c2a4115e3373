package io.seawall.warehouse;

/**
 * What the warehouse knows of an announced return.
 *
 * @param inspection the inspection's verdict once inspected, else null
 * @param note the inspector's remark (about the goods, never the buyer)
 */
public record ReturnArrival(String returnReference, Stage stage, Inspection inspection, String note) {

  public enum Stage {
    EXPECTED,
    RECEIVED,
    INSPECTED
  }

  /** PASS: as sold, back to stock; PARTIAL: used or incomplete, worth less; FAIL: not what was sold, or ruined. */
  public enum Inspection {
    PASS,
    PARTIAL,
    FAIL
  }
}
