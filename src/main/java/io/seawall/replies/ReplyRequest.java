package io.seawall.replies;

import jakarta.validation.constraints.Size;

/**
 * An agent's reply: free {@code text}, a {@code macro} (its key), or a macro followed by the text.
 */
public record ReplyRequest(@Size(max = AgentReplies.MESSAGE_LENGTH) String text, @Size(max = 48) String macro) {

  @Override
  public String toString() {
    return "ReplyRequest[macro " + macro + ", text withheld]";
  }
}
