package io.seawall.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a seller's agent or an integration sends to open a case. {@code preferredRemedy} is what the
 * buyer asked for if their item comes back (a refund when not given).
 */
public record OpenCaseRequest(
    @NotNull Marketplace marketplace,
    @NotBlank @Size(max = 100) String shop,
    @NotBlank @Size(max = 100) String orderReference,
    @NotNull Channel channel,
    @NotNull @Valid BuyerDetails buyer,
    @NotNull @Valid Reason reason,
    @NotEmpty @Size(max = 100) List<@NotNull @Valid Item> items,
    @Size(max = 20) List<@NotNull @Valid ShipmentDetails> shipments,
    BuyerRemedy preferredRemedy) {

  public record BuyerDetails(
      @NotBlank @Size(max = 200) String name,
      @Email @Size(max = 320) String email,
      @Pattern(regexp = "\\+?[0-9 ()./-]{5,40}", message = "must be a phone number") String phone,
      @Valid Address address,
      @NotBlank @CountryCode String country,
      @NotBlank @LanguageTag String language,
      @NotBlank @TimeZoneId String timeZone) {

    @Override
    public String toString() {
      return "BuyerDetails[" + country + ", " + language + ", personal data withheld]";
    }
  }

  public record Address(
      @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @Size(max = 100) String city,
      @Size(max = 100) String region,
      @Size(max = 20) String postalCode) {

    @Override
    public String toString() {
      return "Address[personal data withheld]";
    }
  }

  /** The buyer's own words may name people or places, so they print as withheld. */
  public record Reason(@NotNull ReasonCode code, @Size(max = 4000) String buyerWords) {

    @Override
    public String toString() {
      return "Reason[" + code + ", buyer's words withheld]";
    }
  }

  public record Item(
      @NotBlank @Size(max = 100) String sku,
      @NotNull @Min(1) @Max(10_000) Integer quantity,
      @NotNull @DecimalMin("0.00") @Digits(integer = 13, fraction = 4) BigDecimal unitPrice,
      @NotBlank @CurrencyCode String currency,
      @NotBlank
          @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be an upper-case category code")
          String category,
      @Size(max = 100) String exchangeSku) {

    /** A line the buyer keeps or returns without asking for another variant. */
    public Item(String sku, Integer quantity, BigDecimal unitPrice, String currency, String category) {
      this(sku, quantity, unitPrice, currency, category, null);
    }
  }

  public record ShipmentDetails(
      @NotBlank @Size(max = 64) String carrier,
      @NotBlank @Size(max = 64) String trackingNumber,
      @NotNull ShipmentStatus status,
      @PastOrPresent Instant deliveredAt) {}
}
