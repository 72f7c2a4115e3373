package io.seawall.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seawall.cases.OutboundMessage;
import io.seawall.http.RetryAfter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * WhatsApp Cloud API: a text message to the number the buyer wrote from ({@code POST
 * /{version}/{phone-number-id}/messages}). Free text is only allowed within 24 hours of the buyer's
 * last message; outside that window, or for a number not on WhatsApp, the buyer is unreachable here
 * and the delivery falls back to e-mail. Errors are read by their Graph API {@code code}, as Meta
 * advises, not by their HTTP status.
 */
final class WhatsAppChannel implements BuyerChannel {

  /** Codes about the recipient: this number cannot be written to now (window closed, not on WhatsApp...). */
  private static final Set<Integer> RECIPIENT = Set.of(131026, 131030, 131047);
  /** Codes about throughput: the account, the number pair or the spam limits. */
  private static final Set<Integer> THROTTLE = Set.of(4, 80007, 130429, 131048, 131056);
  /** Codes about Seawall's token or permissions. */
  private static final Set<Integer> CREDENTIALS = Set.of(0, 10, 190);

  private final ObjectMapper json = JsonMapper.builder().build();
  private final RestClient http;
  private final String messagesPath;

  WhatsAppChannel(NotifySettings.WhatsApp settings, RestClient.Builder builder) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
    requests.setReadTimeout(settings.readTimeout());
    this.http = builder.clone()
        .baseUrl(settings.baseUrl())
        .requestFactory(requests)
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.accessToken())
        .build();
    this.messagesPath = "/" + settings.apiVersion() + "/" + settings.phoneNumberId() + "/messages";
  }

  @Override
  public String name() {
    return "WhatsApp";
  }

  @Override
  public boolean reaches(OutboundMessage message) {
    return message.buyerPhone() != null && message.buyerPhone().chars().anyMatch(Character::isDigit);
  }

  @Override
  public String send(OutboundMessage message, String subject) {
    ObjectNode body = json.createObjectNode()
        .put("messaging_product", "whatsapp")
        .put("recipient_type", "individual")
        // The Cloud API takes the number with its country code and without "+", spaces or dashes.
        .put("to", message.buyerPhone().replaceAll("\\D", ""))
        .put("type", "text");
    body.putObject("text").put("preview_url", false).put("body", message.body());
    Answer answer = call(body);
    if (answer.status().is2xxSuccessful()) {
      JsonNode id = answer.body().path("messages").path(0).path("id");
      if (!id.isTextual()) {
        throw new DeliveryFailure.Unavailable("WhatsApp answered without a message id", null);
      }
      return id.asText();
    }
    throw failureOf(answer);
  }

  private Answer call(ObjectNode body) {
    try {
      return http.post().uri(messagesPath).contentType(MediaType.APPLICATION_JSON).body(body.toString())
          .exchange((sent, response) -> new Answer(response.getStatusCode(), response.getHeaders(),
              readJson(response.getBody().readAllBytes())));
    } catch (ResourceAccessException unreachable) {
      Throwable cause = unreachable.getMostSpecificCause();
      throw new DeliveryFailure.Unavailable("WhatsApp could not be reached: " + cause.getClass().getSimpleName(),
          cause);
    }
  }

  private JsonNode readJson(byte[] raw) {
    try {
      return raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
    } catch (IOException notJson) {
      return json.createObjectNode();
    }
  }

  /** Graph API errors: {"error": {"message", "type", "code", "error_data": {"details"}, "fbtrace_id"}}. */
  private static DeliveryFailure failureOf(Answer answer) {
    JsonNode error = answer.body().path("error");
    int code = error.path("code").asInt(-1);
    // The title names the problem, never the recipient; the details can quote the number.
    String title = error.path("message").asText("").replaceAll("\\+?\\d{7,}", "[number]");
    String said = "WhatsApp error " + (code < 0 ? "HTTP " + answer.status().value() : code)
        + (title.isBlank() ? "" : " (" + title + ")");
    if (RECIPIENT.contains(code)) {
      return new DeliveryFailure.Unreachable(said);
    }
    if (THROTTLE.contains(code) || answer.status().value() == 429) {
      return new DeliveryFailure.Throttled(said, RetryAfter.in(answer.headers()).orElse(null));
    }
    if (CREDENTIALS.contains(code) || answer.status().value() == 401 || answer.status().value() == 403) {
      return new DeliveryFailure.Unauthorized(said + "; fix seawall.notify.whatsapp.access-token");
    }
    return new DeliveryFailure.Unavailable(said, null);
  }

  private record Answer(HttpStatusCode status, HttpHeaders headers, JsonNode body) {}
}
