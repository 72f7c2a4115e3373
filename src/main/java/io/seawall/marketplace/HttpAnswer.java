package io.seawall.marketplace;

import io.seawall.http.RetryAfter;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * What a marketplace answered, read whole before it is interpreted, so that a body the provider
 * got wrong is not mistaken for a network failure.
 */
record HttpAnswer(HttpStatusCode status, HttpHeaders headers, byte[] body) {

  static HttpAnswer of(RestClient.RequestHeadersSpec<?> request, String provider) {
    try {
      return request.exchange((sent, response) ->
          new HttpAnswer(response.getStatusCode(), response.getHeaders(), response.getBody().readAllBytes()));
    } catch (ResourceAccessException unreachable) {
      // Not the exception itself: its message quotes the URL, and Shopee's carries the access token.
      Throwable cause = unreachable.getMostSpecificCause();
      throw new MarketplaceFailure.Unavailable(provider + " could not be reached: "
          + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
    }
  }

  static JdkClientHttpRequestFactory requests(Duration connectTimeout, Duration readTimeout) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(connectTimeout).build());
    requests.setReadTimeout(readTimeout);
    return requests;
  }

  int code() {
    return status.value();
  }

  /** The seconds in {@code Retry-After}, when the provider sent them. */
  Duration retryAfter() {
    return RetryAfter.in(headers).orElse(null);
  }

  /**
   * The failures every provider shares: 429 throttles, 5xx is an outage, 401/403 is configuration
   * (a wrong or under-privileged token is fixed in the same place, {@code settings}, which the
   * message names so that ops know where to look).
   */
  void throwTechnicalFailure(String provider, String settings) {
    if (code() == 429) {
      throw new MarketplaceFailure.Throttled(provider + " rate-limits Seawall (HTTP 429)", retryAfter());
    }
    if (status.is5xxServerError()) {
      throw new MarketplaceFailure.Unavailable(provider + " failed with HTTP " + code(), null);
    }
    if (code() == 401 || code() == 403) {
      throw new MarketplaceFailure.Unauthorized(provider + " rejected Seawall's credentials (HTTP " + code()
          + "); check " + settings);
    }
  }
}
