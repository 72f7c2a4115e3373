package io.seawall.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One accepted event as the inbox keeps it: raw, with the provider's own id. */
record InboxEvent(long id, Provider provider, String eventId, String topic, String account, Instant receivedAt,
    String payload, int attempts) {

  /**
   * The event's key on the case timeline and as the engine's message id: provider and event id,
   * hashed when long, so a repeated delivery is recognised everywhere downstream.
   */
  String sourceKey() {
    String key = provider.path() + ":" + eventId;
    return key.length() <= 90 ? key : provider.path() + ":" + sha256(eventId);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "InboxEvent[" + id + " " + provider + " " + eventId + "]";
  }
}
