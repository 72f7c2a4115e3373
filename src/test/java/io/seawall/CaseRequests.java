package io.seawall;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Case-opening bodies as integrations send them. Each call uses a fresh order reference. */
public final class CaseRequests {

  private CaseRequests() {}

  /** Opens a case through the API as a demo user (password = user name) and answers its id. */
  public static UUID openAs(MockMvc http, String user, String body) throws Exception {
    String answer = http.perform(post("/api/cases").with(httpBasic(user, user))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return UUID.fromString(JsonPath.read(answer, "$.id"));
  }

  public static String uniqueOrder() {
    return "#" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** A German buyer whose 12.90 EUR mug arrived broken five days ago. */
  public static String brokenMugFromGermany(String orderReference) {
    return body("SHOPIFY", orderReference, "DE", "de", "Europe/Berlin", "DAMAGED", "Die Tasse kam zerbrochen an.",
        "12.90", "EUR", 1, 5);
  }

  /** An American buyer whose 89.00 USD jacket is too small. */
  public static String jacketTooSmallFromUs(String orderReference) {
    return body("SHOPEE", orderReference, "US", "en", "America/Los_Angeles", "WRONG_SIZE", "It's too small.",
        "89.00", "USD", 1, 3);
  }

  /**
   * An American buyer's 1,450.00 USD coat is not as described: high-value orders go to an agent
   * (resolution-path.dmn), so the case waits in the agents' inbox.
   */
  public static String designerCoatNotAsDescribedFromUs(String orderReference) {
    return body("SHOPEE", orderReference, "US", "en", "America/Los_Angeles", "NOT_AS_DESCRIBED",
        "The colour is nothing like the photos.", "1450.00", "USD", 1, 3);
  }

  /** Every order has its own buyer, so one test's cases never count as another buyer's history. */
  public static String buyerEmail(String orderReference) {
    return "anna." + orderReference.replace("#", "") + "@example.com";
  }

  public static String buyerPhone(String orderReference) {
    return "+49 30 " + String.format("%07d", Math.floorMod(orderReference.hashCode(), 10_000_000));
  }

  public static String body(
      String marketplace, String orderReference, String country, String language, String zone,
      String reason, String words, String unitPrice, String currency, int quantity, int deliveredDaysAgo) {
    Instant delivered = Instant.now().minus(deliveredDaysAgo, ChronoUnit.DAYS);
    return """
        {
          "marketplace": "%s",
          "shop": "seawall-demo-shop",
          "orderReference": "%s",
          "channel": "EMAIL",
          "buyer": {
            "name": "Anna Beispiel",
            "email": "%s",
            "phone": "%s",
            "address": {"line1": "Musterstr. 1", "city": "Berlin", "postalCode": "10115"},
            "country": "%s",
            "language": "%s",
            "timeZone": "%s"
          },
          "reason": {"code": "%s", "buyerWords": "%s"},
          "items": [
            {"sku": "SKU-1", "quantity": %d, "unitPrice": %s, "currency": "%s", "category": "HOME"}
          ],
          "shipments": [
            {"carrier": "DHL", "trackingNumber": "JD0002244", "status": "DELIVERED", "deliveredAt": "%s"}
          ]
        }
        """.formatted(marketplace, orderReference, buyerEmail(orderReference), buyerPhone(orderReference), country,
        language, zone, reason, words, quantity, unitPrice, currency, delivered);
  }
}
