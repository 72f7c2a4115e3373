package io.seawall.notify;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The words Seawall writes to buyers, per template and language ({@code notices/*.properties});
 * a language without a translation falls back to English.
 */
@Component
public class BuyerNoticeTemplates {

  private final MessageSource notices;

  BuyerNoticeTemplates() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("notices/buyer-notices");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    this.notices = source;
  }

  /** Renders a notice; amounts are written the way the buyer's locale writes money. */
  public BuyerNotice render(String template, String languageTag, NoticeFacts facts) {
    Locale locale = Locale.forLanguageTag(languageTag);
    NumberFormat money = NumberFormat.getCurrencyInstance(locale);
    money.setCurrency(Currency.getInstance(facts.currency()));
    String dueDate = facts.dueDate() == null
        ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(facts.dueDate());
    Object[] args = {facts.buyerName(), facts.caseReference(), money.format(facts.amount()), facts.orderReference(),
        facts.trackingNumber() == null ? "" : facts.trackingNumber(), dueDate};
    String body = notices.getMessage(template + ".body", args, locale);
    String used = notices.getMessage("language", null, locale);
    return new BuyerNotice(template, used, body);
  }

  /**
   * The subject of a mail to the buyer: it names the case reference, so that the buyer's reply is
   * routed back to the case.
   */
  public String subject(String languageTag, String caseReference, String orderReference) {
    Object[] args = {null, caseReference, null, orderReference};
    return notices.getMessage("subject", args, Locale.forLanguageTag(languageTag));
  }

  /**
   * The facts a notice may quote: {0} buyer name, {1} case reference, {2} amount, {3} order
   * reference, {4} tracking number, {5} due date (the last two may be null).
   */
  public record NoticeFacts(
      String buyerName, String caseReference, String orderReference, BigDecimal amount, String currency,
      String trackingNumber, LocalDate dueDate) {}

  /** {@code language} is the language the text was actually written in (after any fallback). */
  public record BuyerNotice(String template, String language, String body) {}
}
