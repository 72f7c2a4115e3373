package io.seawall.http;

import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** How long a provider that throttles Seawall asks it to wait, read the same way for every provider. */
public final class RetryAfter {

  private RetryAfter() {}

  /** The seconds of a {@code Retry-After} header, when the provider sent them (the HTTP-date form is not used by any). */
  public static Optional<Duration> in(HttpHeaders headers) {
    String seconds = headers.getFirst(HttpHeaders.RETRY_AFTER);
    return seconds != null && seconds.strip().matches("\\d{1,18}")
        ? Optional.of(Duration.ofSeconds(Long.parseLong(seconds.strip())))
        : Optional.empty();
  }
}
