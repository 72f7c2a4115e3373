package io.seawall.intake;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Webhooks as the providers send them: their documented payloads (under intake/ in the test
 * resources, with the test's own numbers filled in), signed the way each provider signs, with the
 * test accounts' secrets from config/application.yml.
 */
final class ProviderWebhooks {

  static final String SHOPIFY_SHOP = "seawall-demo.myshopify.com";
  static final String SHOPEE_CALLBACK = "https://seawall.example.com/webhooks/shopee";
  static final String TIKTOK_APP_KEY = "6a6testkey";
  static final String WAREHOUSE = "USLAX01";

  private ProviderWebhooks() {}

  static String payload(String resource, Map<String, String> values) {
    try (InputStream in = ProviderWebhooks.class.getResourceAsStream("/intake/" + resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> value : values.entrySet()) {
        text = text.replace("${" + value.getKey() + "}", value.getValue());
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
  }

  static String digits() {
    return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
  }

  static MockHttpServletRequestBuilder shopify(String webhookId, String topic, String body) {
    return shopify(SHOPIFY_SHOP, webhookId, topic, body);
  }

  static MockHttpServletRequestBuilder shopify(String shop, String webhookId, String topic, String body) {
    return json("shopify", body)
        .header("X-Shopify-Topic", topic)
        .header("X-Shopify-Shop-Domain", shop)
        .header("X-Shopify-Webhook-Id", webhookId)
        .header("X-Shopify-Hmac-Sha256", base64(hmac("shopify-test-app-secret", bytes(body))));
  }

  static MockHttpServletRequestBuilder shopee(String body) {
    return json("shopee", body)
        .header("Authorization", hex(hmac("shopee-test-partner-key", bytes(SHOPEE_CALLBACK + "|" + body))));
  }

  static MockHttpServletRequestBuilder tikTokShop(String body) {
    return json("tiktok-shop", body)
        .header("Authorization", hex(hmac("tiktok-test-app-secret", bytes(TIKTOK_APP_KEY + body))));
  }

  static MockHttpServletRequestBuilder afterShip(String body) {
    return json("aftership", body)
        .header("aftership-hmac-sha256", base64(hmac("aftership-test-webhook-secret", bytes(body))));
  }

  static MockHttpServletRequestBuilder easyPost(String body) {
    String key = Normalizer.normalize("easypost-test-ﬁ-secret", Normalizer.Form.NFKD);
    return json("easypost", body)
        .header("X-Hmac-Signature", "hmac-sha256-hex=" + hex(hmac(key, bytes(body))));
  }

  static MockHttpServletRequestBuilder warehouse(String body) {
    return json("warehouse", body)
        .header("X-Warehouse-Code", WAREHOUSE)
        .header("X-Warehouse-Signature", "sha256=" + hex(hmac("warehouse-test-secret", bytes(body))));
  }

  static MockHttpServletRequestBuilder whatsApp(String body) {
    return json("whatsapp", body)
        .header("X-Hub-Signature-256", "sha256=" + hex(hmac("whatsapp-test-app-secret", bytes(body))));
  }

  static MockHttpServletRequestBuilder json(String provider, String body) {
    return post("/webhooks/" + provider).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  static byte[] hmac(String key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String base64(byte[] digest) {
    return Base64.getEncoder().encodeToString(digest);
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }
}
