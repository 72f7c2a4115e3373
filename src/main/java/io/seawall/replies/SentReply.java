package io.seawall.replies;

import java.util.UUID;

/**
 * A reply on its way to the buyer; its delivery shows on the case's thread and timeline.
 *
 * @param language the language the reply is written in
 * @param englishFallback true when the macro had no text in the buyer's language and English went instead
 */
public record SentReply(
    long messageId, UUID caseId, String macro, String language, String buyerLanguage, boolean englishFallback,
    String deliveryStatus) {}
