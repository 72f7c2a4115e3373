package io.seawall.marketplace;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What declining a return did on the marketplace. Recorded as a step effect, hence the type names. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ReturnDecline.Declined.class, name = "DECLINED"),
    @JsonSubTypes.Type(value = ReturnDecline.NothingToDecline.class, name = "NOTHING_TO_DECLINE")
})
public sealed interface ReturnDecline {

  /** The buyer's request {@code returnId} is declined (now, or by an earlier call with the same key). */
  record Declined(String returnId) implements ReturnDecline {}

  /** The buyer never asked the marketplace (they wrote to the seller), so there is nothing to decline there. */
  record NothingToDecline(String why) implements ReturnDecline {}
}
