package io.seawall.intake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each provider's signature scheme over the raw body, checked before anything else is read. Every
 * comparison is constant-time; an unknown account, a missing secret or a missing header fails.
 */
final class Signatures {

  private final IntakeSettings settings;

  Signatures(IntakeSettings settings) {
    this.settings = settings;
  }

  boolean verify(Provider provider, byte[] body, Headers headers) {
    return switch (provider) {
      case SHOPIFY -> shopify(body, headers);
      case AFTERSHIP -> base64Hmac(settings.aftership().secret(), body, headers.get("aftership-hmac-sha256"));
      case EASYPOST -> easyPost(body, headers);
      case SHOPEE -> shopee(body, headers);
      case TIKTOK_SHOP -> tikTokShop(body, headers);
      case WHATSAPP -> whatsApp(body, headers);
      case WAREHOUSE -> warehouse(body, headers);
      case MAIL -> false;
    };
  }

  /**
   * Base64 HMAC-SHA256 of the raw body with the app's client secret, in X-Shopify-Hmac-Sha256;
   * the shop is in X-Shopify-Shop-Domain (as summarised at
   * https://www.skills.sh/hookdeck/webhook-skills/shopify-webhooks from Shopify's "Verify
   * webhooks" guide). The secret is looked up by the shop the webhook names.
   */
  private boolean shopify(byte[] body, Headers headers) {
    return headers.get("X-Shopify-Shop-Domain")
        .map(shop -> settings.shopify().shops().get(shop))
        .map(IntakeSettings.Shop::secret)
        .map(secret -> base64Hmac(secret, body, headers.get("X-Shopify-Hmac-Sha256")))
        .orElse(false);
  }

  /**
   * Base64 HMAC-SHA256 of the raw body with the webhook secret, in aftership-hmac-sha256
   * (https://www.aftership.com/docs/tracking/webhook/webhook-signature).
   */
  private static boolean base64Hmac(String secret, byte[] body, Optional<String> header) {
    if (secret == null || header.isEmpty()) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.get().trim());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret.getBytes(StandardCharsets.UTF_8), body), given);
  }

  /**
   * X-Hmac-Signature: hmac-sha256-hex=&lt;hex&gt;, keyed with the webhook secret normalised to NFKD
   * as EasyPost's client libraries do in validate_webhook
   * (https://docs.easypost.com/docs/webhooks, "HMAC Validation";
   * https://www.rubydoc.info/gems/easypost/4.7.0/EasyPost/Webhook).
   */
  private boolean easyPost(byte[] body, Headers headers) {
    String secret = settings.easypost().secret();
    Optional<String> header = headers.get("X-Hmac-Signature");
    String prefix = "hmac-sha256-hex=";
    if (secret == null || header.isEmpty() || !header.get().startsWith(prefix)) {
      return false;
    }
    byte[] key = Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
    return hexEquals(hmac(key, body), header.get().substring(prefix.length()));
  }

  /**
   * Authorization: hex HMAC-SHA256 of the callback URL, "|" and the raw body, keyed with the
   * partner key (Shopee Open Platform push mechanism; the stored copy found was the worked example
   * at https://blog.appicidea.com/basic-open-shopee-api-with-node-js/). The URL is the one
   * registered with Shopee, taken from configuration because a proxy may rewrite what Seawall sees.
   */
  private boolean shopee(byte[] body, Headers headers) {
    IntakeSettings.Shopee shopee = settings.shopee();
    if (shopee.partnerKey() == null || shopee.callbackUrl() == null) {
      return false;
    }
    byte[] signed = concat((shopee.callbackUrl() + "|").getBytes(StandardCharsets.UTF_8), body);
    return headers.get("Authorization")
        .map(given -> hexEquals(hmac(shopee.partnerKey().getBytes(StandardCharsets.UTF_8), signed), given))
        .orElse(false);
  }

  /**
   * Authorization: hex HMAC-SHA256 of the app key followed by the raw body, keyed with the app
   * secret, lower-case hex without a "Bearer" prefix (TikTok Shop Partner Center webhooks, as
   * summarised at https://www.skills.sh/hookdeck/webhook-skills/tiktok-shop-webhooks).
   */
  private boolean tikTokShop(byte[] body, Headers headers) {
    IntakeSettings.TikTokShop app = settings.tiktokShop();
    if (app.appKey() == null || app.appSecret() == null) {
      return false;
    }
    byte[] signed = concat(app.appKey().getBytes(StandardCharsets.UTF_8), body);
    return headers.get("Authorization")
        .map(given -> hexEquals(hmac(app.appSecret().getBytes(StandardCharsets.UTF_8), signed), given))
        .orElse(false);
  }

  /**
   * X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body with the app secret&gt;
   * (https://whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/webhooks/start).
   */
  private boolean whatsApp(byte[] body, Headers headers) {
    return prefixedHex(settings.whatsapp().appSecret(), body, headers.get("X-Hub-Signature-256"));
  }

  /**
   * Seawall's own scheme for warehouses, modelled on Meta's: X-Warehouse-Signature:
   * sha256=&lt;hex HMAC-SHA256 of the raw body&gt; with the secret of the warehouse named in
   * X-Warehouse-Code.
   */
  private boolean warehouse(byte[] body, Headers headers) {
    String secret = headers.get("X-Warehouse-Code")
        .map(code -> settings.warehouse().warehouses().get(code))
        .map(IntakeSettings.Secret::secret)
        .orElse(null);
    return prefixedHex(secret, body, headers.get("X-Warehouse-Signature"));
  }

  private static boolean prefixedHex(String secret, byte[] body, Optional<String> header) {
    String prefix = "sha256=";
    if (secret == null || header.isEmpty() || !header.get().startsWith(prefix)) {
      return false;
    }
    return hexEquals(hmac(secret.getBytes(StandardCharsets.UTF_8), body), header.get().substring(prefix.length()));
  }

  private static boolean hexEquals(byte[] expected, String givenHex) {
    byte[] given;
    try {
      given = HexFormat.of().parseHex(givenHex.trim().toLowerCase());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  /**
   * Request headers by case-insensitive name, as proxies and servlet containers change the case; a
   * blank header counts as missing.
   */
  record Headers(Map<String, String> values) {

    Optional<String> get(String name) {
      return values.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .filter(value -> !value.isBlank())
          .findFirst();
    }

    @Override
    public String toString() {
      return "Headers[" + values.keySet() + "]";
    }
  }
}
