package io.seawall.cases;

/** The canonical reasons a buyer writes in; the buyer's own words are kept beside the code. */
public enum ReasonCode {
  NOT_RECEIVED,
  DELIVERED_NOT_RECEIVED,
  DAMAGED,
  DEFECTIVE,
  MISSING_PARTS,
  WRONG_ITEM,
  WRONG_SIZE,
  NOT_AS_DESCRIBED,
  CHANGED_MIND
}
