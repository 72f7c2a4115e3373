package io.seawall.cases;

/** What an outside reference linked to a case names. */
public enum ReferenceKind {
  /** The marketplace's id of the approved return (RMA). */
  RETURN_AUTHORISATION,
  /** The tracking number of the parcel the buyer sends back. */
  RETURN_TRACKING,
  /** Seawall's reference of an outbound (reship or exchange) order at an overseas warehouse. */
  OUTBOUND_ORDER,
  /** The tracking number of a reshipped or exchanged parcel. */
  RESHIP_TRACKING,
  /** The carrier's id of a lost or damaged parcel claim. */
  CARRIER_CLAIM
}
