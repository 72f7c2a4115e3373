package io.seawall.replies;

import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An agent writes to the buyer from a case. The reply is kept with the case and leaves through its
 * outbox like Seawall's own notices, on the channel the buyer last wrote on; its text never leaves
 * the case store (the timeline and the logs name the macro and the language only).
 */
@Service
public class AgentReplies {

  /** What the case store keeps of a message, and within WhatsApp's 4,096 characters for a text. */
  static final int MESSAGE_LENGTH = 4000;
  static final String FREE_TEXT = "agent-reply";
  /** Kept as the message's source key, which holds 100 characters. */
  private static final int IDEMPOTENCY_KEY_LENGTH = 64;

  private static final Logger log = LoggerFactory.getLogger(AgentReplies.class);

  private final Cases cases;
  private final Macros macros;

  AgentReplies(Cases cases, Macros macros) {
    this.cases = cases;
    this.macros = macros;
  }

  /**
   * @param idempotencyKey names the agent's request, if given: the same key again answers the first
   *     reply and sends nothing more
   */
  public SentReply reply(UUID caseId, ReplyRequest request, String agent, String idempotencyKey) {
    if (request.text() == null && request.macro() == null) {
      throw new ReplyProblem.Rejected("text", "give the reply's text, a macro, or both");
    }
    if (request.text() != null && request.text().isBlank()) {
      throw new ReplyProblem.Rejected("text", "must not be blank");
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_LENGTH)) {
      throw new ReplyProblem.Rejected("Idempotency-Key", "must be 1 to " + IDEMPOTENCY_KEY_LENGTH + " characters");
    }
    CaseView c = cases.find(caseId);
    String buyerLanguage = c.buyer().language();
    String language = buyerLanguage;
    boolean englishFallback = false;
    String body = request.text();
    if (request.macro() != null) {
      Macros.Filled filled = macros.fillForSending(request.macro(), c);
      language = filled.language();
      englishFallback = filled.englishFallback();
      body = request.text() == null ? filled.text() : filled.text() + "\n\n" + request.text().strip();
    }
    if (body.length() > MESSAGE_LENGTH) {
      throw new ReplyProblem.Rejected("text", "makes the reply " + body.length() + " characters"
          + (request.macro() == null ? "" : " with the macro") + "; at most " + MESSAGE_LENGTH);
    }
    String template = request.macro() == null ? FREE_TEXT : FREE_TEXT + ":" + request.macro();
    String said = request.macro() == null ? "free text" : "macro " + request.macro()
        + (request.text() == null ? "" : " and text");
    long id = cases.recordReply(caseId, template, language, body, agent,
        "agent replied (" + said + ", " + language + (englishFallback ? " for a " + buyerLanguage + " buyer" : "")
            + "); on its way",
        idempotencyKey == null ? null : "reply:" + idempotencyKey);
    log.info("Agent {} replied on case {} ({}, {})", agent, c.reference(), template, language);
    return new SentReply(id, caseId, request.macro(), language, buyerLanguage, englishFallback, "PENDING");
  }
}
