package io.seawall.intake;

import java.time.Duration;
import java.util.Map;

/**
 * A message for a waiting process. The id is the provider and its event id, so a redelivered event
 * is published under the same id and the engine drops the repeat. Variables never hold a buyer's
 * personal data.
 */
public record ProcessMessage(
    String name, String correlationKey, String messageId, Duration timeToLive, Map<String, Object> variables) {

  public static final String PARCEL_SCANNED = "parcel-scanned";
  public static final String RETURN_RECEIVED = "return-received";
  public static final String OUTBOUND_SHIPPED = "outbound-shipped";
  public static final String BUYER_REPLIED = "buyer-replied";

  public ProcessMessage {
    variables = Map.copyOf(variables);
  }
}
