package io.seawall.carrier;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seawall.http.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The EasyPost API v2 as Seawall's EasyPost adapters use it: HTTP basic authentication with the
 * API key as the user name and no password (https://docs.easypost.com/docs/authentication), JSON
 * both ways, and EasyPost's error envelope {@code {"error": {"code", "message", "errors"}}}
 * (https://docs.easypost.com/docs/errors) turned into a {@link CarrierFailure}.
 *
 * <p>EasyPost documents no idempotency key for any call; the adapters keep their own books instead
 * (see {@link EasyPostReturnLabels} and {@link EasyPostClaims}).
 */
final class EasyPostClient {

  private final RestClient http;
  // Its own mapper: EasyPost's wire format must not move with the application's JSON settings.
  private final ObjectMapper json = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private EasyPostClient(RestClient http) {
    this.http = http;
  }

  static EasyPostClient create(EasyPostSettings settings, RestClient.Builder http, String switchedOnBy) {
    if (settings.apiKey() == null || settings.apiKey().isBlank()) {
      throw new IllegalStateException(
          "seawall.carrier.easypost.api-key is required when " + switchedOnBy + "=easypost");
    }
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
    requests.setReadTimeout(settings.readTimeout());
    return new EasyPostClient(http.baseUrl(settings.baseUrl())
        .requestFactory(requests)
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + HttpHeaders.encodeBasicAuth(settings.apiKey(), "", UTF_8))
        .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
        .build());
  }

  <T> T post(String path, Object body, Class<T> answer, Object... pathVariables) {
    byte[] sent = write(body);
    return read(call(http.post().uri(path, pathVariables).contentType(MediaType.APPLICATION_JSON).body(sent)), answer);
  }

  /** A POST without a body, as EasyPost's refund takes it. */
  <T> T post(String path, Class<T> answer, Object... pathVariables) {
    return read(call(http.post().uri(path, pathVariables)), answer);
  }

  <T> T get(String path, Class<T> answer, Object... pathVariables) {
    return read(call(http.get().uri(path, pathVariables)), answer);
  }

  <T> T get(Function<UriBuilder, URI> uri, Class<T> answer) {
    return read(call(http.get().uri(uri)), answer);
  }

  private Answer call(RestClient.RequestHeadersSpec<?> request) {
    try {
      // The body is only read here; it is interpreted outside, so that a body EasyPost got wrong is
      // not mistaken for a network failure.
      return request.exchange((sent, response) ->
          new Answer(response.getStatusCode(), response.getHeaders(), response.getBody().readAllBytes()));
    } catch (ResourceAccessException unreachable) {
      throw new CarrierFailure.Unavailable("EasyPost could not be reached: " + unreachable.getMessage(), unreachable);
    }
  }

  private <T> T read(Answer answer, Class<T> type) {
    int status = answer.status().value();
    if (answer.status().is2xxSuccessful()) {
      try {
        T read = json.readValue(answer.body(), type);
        if (read == null) {
          throw new CarrierFailure.Unavailable("EasyPost answered HTTP " + status + " without a body", null);
        }
        return read;
      } catch (IOException unreadable) {
        throw new CarrierFailure.Unavailable("EasyPost answered a body Seawall cannot read", unreadable);
      }
    }
    Problem problem = problemOf(answer.body());
    if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
      throw new CarrierFailure.Throttled("EasyPost rate-limits Seawall" + problem.describe(), retryAfter(answer.headers()));
    }
    if (answer.status().is5xxServerError()) {
      throw new CarrierFailure.Unavailable("EasyPost failed with HTTP " + status + problem.describe(), null);
    }
    // 403 is a key without the right to do this: fixed in configuration, like a wrong key.
    if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.FORBIDDEN.value()) {
      throw new CarrierFailure.Unauthorized("EasyPost rejected Seawall's API key (HTTP " + status
          + "); check seawall.carrier.easypost.api-key");
    }
    if (answer.status().is4xxClientError()) {
      // 402 (no funds in the wallet), 404, 422: EasyPost said no, and saying it again changes nothing.
      throw new CarrierFailure.Refused(problem.code() == null ? String.valueOf(status) : problem.code(),
          problem.message() == null ? "HTTP " + status : problem.message());
    }
    throw new CarrierFailure.Unavailable("EasyPost answered HTTP " + status, null);
  }

  /** EasyPost's rate-limiting guide promises no header; {@code Retry-After} is honoured when sent. */
  private static Duration retryAfter(HttpHeaders headers) {
    return RetryAfter.in(headers).orElse(null);
  }

  /**
   * The error's code and message, with its field errors (objects or plain strings, both documented)
   * appended: "No eligible insurance found" is in them, not in the message.
   */
  private Problem problemOf(byte[] body) {
    try {
      JsonNode error = json.readTree(body).path("error");
      if (!error.isObject()) {
        return Problem.NONE;
      }
      List<String> details = new ArrayList<>();
      for (JsonNode detail : error.path("errors")) {
        if (detail.isTextual()) {
          details.add(detail.asText());
        } else if (detail.path("message").isTextual()) {
          details.add(detail.path("field").isTextual()
              ? detail.path("field").asText() + " " + detail.path("message").asText()
              : detail.path("message").asText());
        }
      }
      String message = error.path("message").isTextual() ? error.path("message").asText() : null;
      if (!details.isEmpty()) {
        message = (message == null ? "" : message + " ") + "(" + String.join("; ", details) + ")";
      }
      return new Problem(error.path("code").isTextual() ? error.path("code").asText() : null, message);
    } catch (IOException notEasyPosts) {
      return Problem.NONE;
    }
  }

  private byte[] write(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private record Answer(HttpStatusCode status, HttpHeaders headers, byte[] body) {}

  private record Problem(String code, String message) {
    static final Problem NONE = new Problem(null, null);

    String describe() {
      return code == null ? "" : " (" + code + ": " + message + ")";
    }
  }
}
