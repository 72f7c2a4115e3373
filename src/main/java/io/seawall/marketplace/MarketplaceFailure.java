package io.seawall.marketplace;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a marketplace provider did not answer (a technical failure, not a business refusal: those are
 * their own exceptions). Closed, so a caller's {@code switch} over it is checked to be complete.
 */
public abstract sealed class MarketplaceFailure extends RuntimeException {

  private MarketplaceFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** The provider asks Seawall to slow down; try again after {@link #retryAfter()} if given. */
  public static final class Throttled extends MarketplaceFailure {

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
  public static final class Unavailable extends MarketplaceFailure {

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The provider rejected Seawall's credentials; the message never carries them. */
  public static final class Unauthorized extends MarketplaceFailure {

    public Unauthorized(String message) {
      super(message, null);
    }
  }

  /**
   * The marketplace has no API for this action (Amazon SP-API cannot refund a seller-fulfilled
   * order): the flow routes the step to an agent, who does it in the marketplace's seller centre.
   */
  public static final class Unsupported extends MarketplaceFailure {

    public Unsupported(String message) {
      super(message, null);
    }
  }
}
