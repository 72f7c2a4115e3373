package io.seawall.intake;

import java.time.Instant;

/** An event that failed every attempt, as ops staff see it; its payload stays in the inbox. */
record ParkedEvent(
    long id, String provider, String eventId, String topic, Instant receivedAt, int attempts, String error) {}
