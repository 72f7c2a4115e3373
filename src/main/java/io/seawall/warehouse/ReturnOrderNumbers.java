package io.seawall.warehouse;

import java.util.Optional;

/**
 * The warehouse's own number for each return Seawall announced, for providers that can only be
 * asked about a return by their own number (4PX GRS): Seawall's local record of what was done.
 */
interface ReturnOrderNumbers {

  /** Keeps the first number given for a return; remembering it again changes nothing. */
  void remember(String provider, String returnReference, String providerNumber);

  Optional<String> recall(String provider, String returnReference);
}
