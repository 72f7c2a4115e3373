package io.seawall.replies;

import java.util.List;
import java.util.UUID;

/**
 * A macro as a case's buyer would read it.
 *
 * @param language the language the text is in: the buyer's, or English when the macro lacks it
 * @param englishFallback true when the macro has no text in the buyer's language
 * @param unfilled placeholders the case has no value for (the reply would be refused)
 */
public record MacroPreview(
    String key, UUID caseId, String language, String buyerLanguage, boolean englishFallback, String text,
    List<String> unfilled) {

  @Override
  public String toString() {
    return "MacroPreview[" + key + " " + language + " for case " + caseId + ", text withheld]";
  }
}
