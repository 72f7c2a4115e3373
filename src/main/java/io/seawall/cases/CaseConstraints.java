package io.seawall.cases;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** The checks behind the standard-code constraints of an {@link OpenCaseRequest}. */
final class CaseConstraints {

  private static final Set<String> COUNTRIES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

  private CaseConstraints() {}

  static boolean isCountry(String value) {
    return COUNTRIES.contains(value);
  }

  static boolean isCurrency(String value) {
    try {
      return value.length() == 3 && Currency.getInstance(value) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean isLanguageTag(String value) {
    try {
      Locale locale = new Locale.Builder().setLanguageTag(value).build();
      return !locale.getLanguage().isEmpty();
    } catch (IllformedLocaleException e) {
      return false;
    }
  }

  static boolean isZone(String value) {
    try {
      ZoneId.of(value);
      return value.contains("/") || value.equals("UTC");
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** Blank values are left to {@code @NotBlank}, so each field gets one clear message. */
  abstract static class Check<A extends java.lang.annotation.Annotation>
      implements ConstraintValidator<A, String> {
    private final Predicate<String> valid;

    Check(Predicate<String> valid) {
      this.valid = valid;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || valid.test(value);
    }
  }

  static final class CountryCheck extends Check<CountryCode> {
    CountryCheck() {
      super(CaseConstraints::isCountry);
    }
  }

  static final class CurrencyCheck extends Check<CurrencyCode> {
    CurrencyCheck() {
      super(CaseConstraints::isCurrency);
    }
  }

  static final class LanguageCheck extends Check<LanguageTag> {
    LanguageCheck() {
      super(CaseConstraints::isLanguageTag);
    }
  }

  static final class ZoneCheck extends Check<TimeZoneId> {
    ZoneCheck() {
      super(CaseConstraints::isZone);
    }
  }
}
