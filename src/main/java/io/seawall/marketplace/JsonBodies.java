package io.seawall.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The JSON bodies the marketplaces' APIs send and answer, handled alike by every adapter. */
final class JsonBodies {

  /** Asterisks where a marketplace hides what the seller may no longer see ("Su*******"). */
  private static final Pattern MASKED = Pattern.compile("\\*{3,}");

  private JsonBodies() {}

  /**
   * The field's text as the marketplace lets the seller see it: null when missing, null, blank
   * (TikTok and Shopee send "" for what they do not have) or masked, so that a hidden name or
   * phone is not taken for the buyer's.
   */
  static String shown(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() || MASKED.matcher(text).find() ? null : text;
  }

  /** The elements of a JSON array; nothing when the node is missing or not an array. */
  static Stream<JsonNode> nodes(JsonNode array) {
    return array.isArray() ? StreamSupport.stream(array.spliterator(), false) : Stream.empty();
  }

  /** An answer's body; one that is not JSON means the provider is not answering as itself. */
  static JsonNode read(ObjectMapper json, byte[] body, String provider) {
    try {
      return json.readTree(body);
    } catch (IOException unreadable) {
      throw new MarketplaceFailure.Unavailable(provider + " answered a body Seawall cannot read", unreadable);
    }
  }

  static byte[] write(ObjectMapper json, JsonNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
