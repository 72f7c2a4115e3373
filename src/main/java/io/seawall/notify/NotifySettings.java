package io.seawall.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Seawall reaches buyers. {@code adapter=sandbox} delivers nowhere (the embedded default);
 * {@code live} sends e-mail through {@code spring.mail.*} and WhatsApp through the Cloud API, each
 * when configured. Secrets come from the environment and are never logged.
 */
@ConfigurationProperties("seawall.notify")
record NotifySettings(
    @DefaultValue("sandbox") String adapter,
    @DefaultValue Delivery delivery,
    @DefaultValue Mail mail,
    @DefaultValue WhatsApp whatsapp) {

  record Delivery(
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("6") int maxAttempts,
      @DefaultValue("1m") Duration retryDelay) {}

  /**
   * @param from the seller's address buyers see
   * @param replyTo the mailbox intake reads (seawall.intake.mail), so replies land on the case
   */
  record Mail(String from, String replyTo) {}

  /**
   * @param phoneNumberId the business phone number's id in WhatsApp Manager
   * @param accessToken a system user's token with whatsapp_business_messaging
   */
  record WhatsApp(
      @DefaultValue("https://graph.facebook.com") String baseUrl,
      @DefaultValue("v21.0") String apiVersion,
      String phoneNumberId,
      String accessToken,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("20s") Duration readTimeout) {

    boolean configured() {
      return phoneNumberId != null && !phoneNumberId.isBlank() && accessToken != null && !accessToken.isBlank();
    }

    @Override
    public String toString() {
      return "WhatsApp[" + baseUrl + " " + apiVersion + " " + phoneNumberId + ", token withheld]";
    }
  }
}
