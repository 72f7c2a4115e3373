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
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The language a buyer writes in, read from the text where the channel does not say it (mail,
 * WhatsApp, a marketplace note). Short or mixed texts give no answer rather than a guess.
 */
@Component
class BuyerLanguage {

  private final LanguageDetector detector;
  private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

  BuyerLanguage() {
    try {
      detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(new LanguageProfileReader().readAllBuiltIn())
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("The language profiles ship inside the detector's jar", e);
    }
  }

  Optional<String> of(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    com.google.common.base.Optional<LdLocale> found = detector.detect(texts.forText(text));
    return found.isPresent() ? Optional.of(found.get().getLanguage()) : Optional.empty();
  }
}
