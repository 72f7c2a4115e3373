package io.seawall.warehouse;

import io.seawall.http.RetryAfter;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * A warehouse provider's raw answer. The body is only read here and interpreted by the adapter, so
 * that a body the provider got wrong is not mistaken for a network failure. Transport-level
 * failures (HTTP 429, 401/403, 5xx, no connection) mean the same for every provider and become
 * {@link WarehouseFailure}s here; the caller reads what is left.
 */
record ProviderAnswer(HttpStatusCode status, HttpHeaders headers, byte[] body) {

  static ProviderAnswer of(RestClient.RequestHeadersSpec<?> request, String provider, String credentialsSetting) {
    ProviderAnswer answer;
    try {
      answer = request.exchange((sent, response) ->
          new ProviderAnswer(response.getStatusCode(), response.getHeaders(), response.getBody().readAllBytes()));
    } catch (ResourceAccessException unreachable) {
      throw new WarehouseFailure.Unavailable(provider + " could not be reached: " + unreachable.getMessage(), unreachable);
    }
    int status = answer.status().value();
    if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
      throw new WarehouseFailure.Throttled(provider + " rate-limits Seawall (HTTP 429)", answer.retryAfter());
    }
    if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.FORBIDDEN.value()) {
      throw new WarehouseFailure.Unauthorized(provider + " rejected Seawall's credentials (HTTP " + status
          + "); check " + credentialsSetting);
    }
    if (!answer.status().is2xxSuccessful()) {
      // Both providers answer business errors inside an HTTP 200; anything else is their side failing.
      throw new WarehouseFailure.Unavailable(provider + " answered HTTP " + status, null);
    }
    return answer;
  }

  static JdkClientHttpRequestFactory requests(Duration connectTimeout, Duration readTimeout) {
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(connectTimeout).build());
    requests.setReadTimeout(readTimeout);
    return requests;
  }

  /**
   * A provider's error text with the buyer's address, name and phone taken out: providers quote the
   * value they refused, and their messages end up in logs and on the agent's desk.
   */
  static String withoutPersonalData(String text, OutboundRequest.ShipTo to) {
    if (text == null || to == null) {
      return text;
    }
    String withheld = text;
    for (String value : new String[] {to.name(), to.line1(), to.line2(), to.city(), to.region(), to.postalCode(), to.phone()}) {
      if (value != null && value.strip().length() > 1) {
        withheld = withheld.replace(value.strip(), "[withheld]");
      }
    }
    return withheld;
  }

  private Duration retryAfter() {
    return RetryAfter.in(headers).orElse(null);
  }
}
