package io.seawall.intake;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Secrets and defaults per provider account. Secrets are only ever compared, never logged.
 * Marketplace webhooks say little about the buyer, so each shop names the buyer's usual country,
 * language, time zone and currency, used when a webhook opens a case.
 */
@ConfigurationProperties("seawall.intake")
record IntakeSettings(
    @DefaultValue Shopify shopify,
    @DefaultValue Shopee shopee,
    @DefaultValue TikTokShop tiktokShop,
    @DefaultValue Secret aftership,
    @DefaultValue Secret easypost,
    @DefaultValue Warehouse warehouse,
    @DefaultValue WhatsApp whatsapp,
    @DefaultValue MailBox mail,
    @DefaultValue Processing processing) {

  /** Shops by their myshopify.com domain (header X-Shopify-Shop-Domain). */
  record Shopify(Map<String, Shop> shops) {
    Shopify {
      shops = shops == null ? Map.of() : shops;
    }
  }

  /** One partner key signs every push; shops by their Shopee shop_id. */
  record Shopee(String partnerKey, String callbackUrl, Map<String, Shop> shops) {
    Shopee {
      shops = shops == null ? Map.of() : shops;
    }

    @Override
    public String toString() {
      return "Shopee[" + callbackUrl + ", shops " + shops.keySet() + ", partner key withheld]";
    }
  }

  /** One app signs every webhook; shops by their TikTok Shop shop_id. */
  record TikTokShop(String appKey, String appSecret, Map<String, Shop> shops) {
    TikTokShop {
      shops = shops == null ? Map.of() : shops;
    }

    @Override
    public String toString() {
      return "TikTokShop[shops " + shops.keySet() + ", app secret withheld]";
    }
  }

  /** Overseas warehouses by the code they send in X-Warehouse-Code. */
  record Warehouse(Map<String, Secret> warehouses) {
    Warehouse {
      warehouses = warehouses == null ? Map.of() : warehouses;
    }
  }

  record WhatsApp(String appSecret, String verifyToken) {
    @Override
    public String toString() {
      return "WhatsApp[secrets withheld]";
    }
  }

  /** The buyers' mailbox, e.g. imaps://user:password@imap.example.com/INBOX; none: no mail intake. */
  record MailBox(String imapUrl, @DefaultValue("PT30S") Duration pollInterval) {
    @Override
    public String toString() {
      return "MailBox[" + (imapUrl == null ? "none" : "set, with its password withheld") + "]";
    }
  }

  record Processing(
      @DefaultValue("PT1S") Duration pollInterval,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("PT30S") Duration retryDelay) {}

  record Secret(String secret) {
    @Override
    public String toString() {
      return "Secret[withheld]";
    }
  }

  /**
   * A shop's signing secret (Shopify only) and what Seawall assumes of its buyers until they say
   * otherwise.
   */
  record Shop(
      String name,
      String secret,
      @DefaultValue("US") String country,
      @DefaultValue("en") String language,
      @DefaultValue("UTC") String timeZone,
      @DefaultValue("USD") String currency) {

    @Override
    public String toString() {
      return "Shop[" + name + ", " + country + ", " + language + ", secret withheld]";
    }
  }
}
