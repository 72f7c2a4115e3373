package io.seawall.warehouse;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a warehouse provider did not answer (a technical failure, not a business refusal: those are
 * their own exceptions). Closed, so a caller's {@code switch} over it is checked to be complete.
 */
public abstract sealed class WarehouseFailure extends RuntimeException {

  private WarehouseFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** The provider asks Seawall to slow down; try again after {@link #retryAfter()} if given. */
  public static final class Throttled extends WarehouseFailure {

    private final Duration retryAfter;

    public Throttled(String message, Duration retryAfter) {
      super(message, null);
      this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  /** The provider could not be reached or failed on its side (5xx, timeout, refused connection). */
  public static final class Unavailable extends WarehouseFailure {

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The provider rejected Seawall's credentials; the message never carries them. */
  public static final class Unauthorized extends WarehouseFailure {

    public Unauthorized(String message) {
      super(message, null);
    }
  }
}
