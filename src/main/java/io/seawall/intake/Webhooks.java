package io.seawall.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The door for webhooks: the signature over the raw body first (401 when bad or missing), then
 * what identifies the delivery (400 when the body is not what the provider documents), then the
 * raw event into the inbox; only then is it acknowledged. A repeated delivery is acknowledged
 * without effect. Nothing a buyer wrote is logged or echoed.
 */
@Component
class Webhooks {

  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

  private final Signatures signatures;
  private final ProviderPayloads payloads;
  private final Inbox inbox;
  private final IntakeSettings settings;

  Webhooks(ProviderPayloads payloads, Inbox inbox, IntakeSettings settings) {
    this.signatures = new Signatures(settings);
    this.payloads = payloads;
    this.inbox = inbox;
    this.settings = settings;
  }

  ResponseEntity<?> receive(String path, byte[] body, Map<String, ?> requestHeaders) {
    Provider provider = Provider.ofPath(path).orElse(null);
    if (provider == null) {
      return problem(HttpStatus.NOT_FOUND, "Unknown webhook", "Seawall takes no webhooks at /webhooks/" + path, null);
    }
    Signatures.Headers headers = headersOf(requestHeaders);
    if (!signatures.verify(provider, body, headers)) {
      log.warn("Refused a {} webhook ({} bytes): signature missing or not valid", provider, body.length);
      return problem(HttpStatus.UNAUTHORIZED, "Signature not valid",
          "The request is not signed as " + provider + " signs its webhooks", null);
    }
    Delivery delivery;
    try {
      delivery = payloads.identify(provider, body, payloads.parse(body), headers);
    } catch (IntakeProblem.Malformed malformed) {
      log.warn("Refused a signed {} webhook: {}", provider, malformed.getMessage());
      return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: " + malformed.field(),
          List.of(Map.of("field", malformed.field(), "message", malformed.getMessage())));
    }
    Inbox.Accepted accepted = inbox.accept(
        provider, delivery, Inbox.Signature.VERIFIED, new String(body, StandardCharsets.UTF_8));
    log.info("{} webhook {} ({}) {}", provider, delivery.eventId(), delivery.topic(),
        accepted == Inbox.Accepted.NEW ? "accepted" : "was a repeated delivery");
    return ResponseEntity.ok(Map.of("eventId", delivery.eventId(), "status", accepted.name()));
  }

  /**
   * Meta's verification handshake: echo hub.challenge when hub.mode is subscribe and the token is
   * the one configured (https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
   */
  ResponseEntity<?> verifyWhatsApp(MultiValueMap<String, String> query) {
    String token = settings.whatsapp().verifyToken();
    boolean subscribes = "subscribe".equals(query.getFirst("hub.mode"));
    String given = query.getFirst("hub.verify_token");
    String challenge = query.getFirst("hub.challenge");
    if (!subscribes || token == null || given == null || challenge == null
        || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
            given.getBytes(StandardCharsets.UTF_8))) {
      log.warn("Refused a WhatsApp webhook verification: mode, token or challenge not as configured");
      return problem(HttpStatus.UNAUTHORIZED, "Verification refused",
          "hub.mode must be subscribe and hub.verify_token the configured token", null);
    }
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
  }

  private static Signatures.Headers headersOf(Map<String, ?> requestHeaders) {
    Map<String, String> values = new LinkedHashMap<>();
    requestHeaders.forEach((name, value) -> {
      Object first = value instanceof List<?> list ? (list.isEmpty() ? null : list.get(0)) : value;
      if (first != null) {
        values.put(name, first.toString());
      }
    });
    return new Signatures.Headers(values);
  }

  private static ResponseEntity<?> problem(HttpStatus status, String title, String detail, Object errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
