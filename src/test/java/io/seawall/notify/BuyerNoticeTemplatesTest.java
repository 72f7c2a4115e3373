package io.seawall.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.seawall.notify.BuyerNoticeTemplates.BuyerNotice;
import io.seawall.notify.BuyerNoticeTemplates.NoticeFacts;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Buyers are written to in their own language, in every language of the markets Seawall serves. */
class BuyerNoticeTemplatesTest {

  final BuyerNoticeTemplates templates = new BuyerNoticeTemplates();
  final NoticeFacts facts = new NoticeFacts("Mai", "SW-4K2P9QXA", "#1001", new BigDecimal("12.90"), "EUR");

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ko", "zh", "id", "th", "vi", "ar"})
  void aRefundNoticeIsWrittenInTheBuyersLanguageWithTheCaseFacts(String language) {
    BuyerNotice notice = templates.render("refund-issued", language, facts);

    assertThat(notice.language()).isEqualTo(language);
    assertThat(notice.body()).contains("Mai", "SW-4K2P9QXA", "#1001").containsPattern("12[.,]90");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ko", "zh", "id", "th", "vi", "ar"})
  void aDeclinedRefundIsExplainedInTheBuyersLanguage(String language) {
    BuyerNotice notice = templates.render("refund-declined", language, facts);

    assertThat(notice.language()).isEqualTo(language);
    assertThat(notice.body()).contains("Mai", "SW-4K2P9QXA", "#1001").doesNotContain("{", "''");
  }

  @Test
  void aLanguageWithoutATranslationFallsBackToEnglishAndSaysSo() {
    BuyerNotice notice = templates.render("refund-issued", "sw", facts);

    assertThat(notice.language()).isEqualTo("en");
    assertThat(notice.body()).startsWith("Hello Mai");
  }
}
