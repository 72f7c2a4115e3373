package io.seawall.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a channel did not deliver a message. Closed, so the delivery's {@code switch} over it is
 * checked to be complete. Messages never quote the buyer's text or addresses.
 */
abstract sealed class DeliveryFailure extends RuntimeException {

  private DeliveryFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** This channel cannot reach this buyer (no such address, window closed): try the next channel. */
  static final class Unreachable extends DeliveryFailure {
    Unreachable(String message) {
      super(message, null);
    }
  }

  /** The provider asks Seawall to slow down. */
  static final class Throttled extends DeliveryFailure {
    private final Duration retryAfter;

    Throttled(String message, Duration retryAfter) {
      super(message, null);
      this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  /** The provider could not be reached or failed on its side: the same channel is tried again later. */
  static final class Unavailable extends DeliveryFailure {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The provider rejected Seawall's credentials; the message names the settings to fix, never the secret. */
  static final class Unauthorized extends DeliveryFailure {
    Unauthorized(String message) {
      super(message, null);
    }
  }
}
