package io.seawall.intake;

import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The language a buyer writes in, read from the text where the channel does not say it (mail,
 * WhatsApp, a marketplace note). Short or mixed texts give no answer rather than a guess.
 * Only the languages Seawall writes to buyers in are told apart (notices/buyer-notices_*): telling
 * Galician from Portuguese would only blur the answer Seawall can act on.
 */
@Component
class BuyerLanguage {

  private static final List<String> LANGUAGES = List.of(
      "ar", "de", "en", "es", "fr", "id", "it", "ja", "ko", "nl", "pl", "pt", "th", "vi", "zh-CN", "zh-TW");
  private static final Pattern NOT_WORDS = Pattern.compile("\\S*[\\d@/#]\\S*");

  private final LanguageDetector detector;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

  BuyerLanguage() {
    try {
      detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(new LanguageProfileReader().readBuiltIn(LANGUAGES.stream().map(LdLocale::fromString).toList()))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("The language profiles ship inside the detector's jar", e);
    }
  }

  Optional<String> of(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // Order numbers, case references, addresses and links say nothing of the language.
    String words = NOT_WORDS.matcher(text).replaceAll(" ").trim();
    if (words.isBlank()) {
      return Optional.empty();
    }
    com.google.common.base.Optional<LdLocale> found = detector.detect(texts.forText(words));
    return found.isPresent() ? Optional.of(found.get().getLanguage()) : Optional.empty();
  }
}
