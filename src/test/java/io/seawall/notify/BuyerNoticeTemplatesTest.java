package io.seawall.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.seawall.notify.BuyerNoticeTemplates.BuyerNotice;
import io.seawall.notify.BuyerNoticeTemplates.NoticeFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Buyers are written to in their own language, in every language of the markets Seawall serves. */
class BuyerNoticeTemplatesTest {

  static final List<String> LANGUAGES =
      List.of("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ko", "zh", "id", "th", "vi", "ar");
  static final List<String> TEMPLATES =
      List.of(
          "refund-issued",
          "refund-declined",
          "return-label",
          "return-reminder",
          "return-expired",
          "return-declined",
          "return-rejected",
          "return-refunded",
          "reship-dispatched");
  static final Set<String> WITH_TRACKING_NUMBER = Set.of("return-label", "return-reminder", "reship-dispatched");
  static final Set<String> WITH_DUE_DATE = Set.of("return-label", "return-reminder");
  static final Set<String> WITH_AMOUNT = Set.of("refund-issued", "return-refunded");

  final BuyerNoticeTemplates templates = new BuyerNoticeTemplates();
  final NoticeFacts facts =
      new NoticeFacts(
          "Mai", "SW-4K2P9QXA", "#1001", new BigDecimal("12.90"), "EUR", "SW4455667781", LocalDate.of(2026, 12, 14));

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ko", "zh", "id", "th", "vi", "ar"})
  void aRefundNoticeIsWrittenInTheBuyersLanguageWithTheCaseFacts(String language) {
    BuyerNotice notice = templates.render("refund-issued", language, facts);

    assertThat(notice.language()).isEqualTo(language);
    assertThat(notice.body()).contains("Mai", "SW-4K2P9QXA", "#1001").containsPattern("12[.,]90");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ko", "zh", "id", "th", "vi", "ar"})
  void aMailsSubjectNamesTheCaseSoTheBuyersReplyFindsItsWayBack(String language) {
    String subject = templates.subject(language, "SW-4K2P9QXA", "#1001");

    assertThat(subject).contains("SW-4K2P9QXA", "#1001").doesNotContain("{", "''", "null");
    if (!language.equals("en")) {
      assertThat(subject).as("translated").isNotEqualTo(templates.subject("en", "SW-4K2P9QXA", "#1001"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "ko", "zh", "id", "th", "vi", "ar"})
  void aDeclinedRefundIsExplainedInTheBuyersLanguage(String language) {
    BuyerNotice notice = templates.render("refund-declined", language, facts);

    assertThat(notice.language()).isEqualTo(language);
    assertThat(notice.body()).contains("Mai", "SW-4K2P9QXA", "#1001").doesNotContain("{", "''");
  }

  static Stream<Arguments> everyTemplateInEveryLanguage() {
    return LANGUAGES.stream().flatMap(language -> TEMPLATES.stream().map(template -> Arguments.of(language, template)));
  }

  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("everyTemplateInEveryLanguage")
  void everyNoticeIsWrittenInEveryLanguageWithTheFactsItNames(String language, String template) {
    BuyerNotice notice = templates.render(template, language, facts);

    assertThat(notice.template()).isEqualTo(template);
    assertThat(notice.language()).isEqualTo(language);
    assertThat(notice.body()).contains("Mai", "SW-4K2P9QXA", "#1001").doesNotContain("{", "''");
    if (WITH_TRACKING_NUMBER.contains(template)) {
      assertThat(notice.body()).contains("SW4455667781");
    }
    if (WITH_DUE_DATE.contains(template)) {
      assertThat(notice.body()).contains("14");
    }
    if (WITH_AMOUNT.contains(template)) {
      assertThat(notice.body()).containsPattern("12[.,]90");
    }
  }

  @Test
  void aLanguageWithoutATranslationFallsBackToEnglishAndSaysSo() {
    BuyerNotice notice = templates.render("refund-issued", "sw", facts);

    assertThat(notice.language()).isEqualTo("en");
    assertThat(notice.body()).startsWith("Hello Mai");
  }
}
