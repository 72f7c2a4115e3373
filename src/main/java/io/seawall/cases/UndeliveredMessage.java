package io.seawall.cases;

import java.time.Instant;
import java.util.UUID;

/** A message that did not reach the buyer, as ops staff see it: no text, no addresses. */
public record UndeliveredMessage(
    long id, UUID caseId, String caseReference, String template, String language, String status, int attempts,
    String error, Instant writtenAt) {}
