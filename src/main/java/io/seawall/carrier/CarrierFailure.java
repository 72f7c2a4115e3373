package io.seawall.carrier;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a tracking provider did not answer with a tracking. The set is closed so that a caller's
 * {@code switch} over it is checked to be complete.
 */
public abstract sealed class CarrierFailure extends RuntimeException {

  private CarrierFailure(String message, Throwable cause) {
    super(message, cause);
  }

  /** The provider asks Seawall to slow down; try again after {@link #retryAfter()} if given. */
  public static final class Throttled extends CarrierFailure {

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
  public static final class Unavailable extends CarrierFailure {

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The provider understood and said no (unknown tracking number, invalid carrier slug, ...): a
   * business answer that repeating the call will not change.
   */
  public static final class Refused extends CarrierFailure {

    private final String code;
    private final String providerMessage;

    public Refused(String code, String providerMessage) {
      super("Refused by the provider: " + code + " " + providerMessage, null);
      this.code = code;
      this.providerMessage = providerMessage;
    }

    /** The provider's own error code, e.g. AfterShip's {@code 4004}. */
    public String code() {
      return code;
    }

    public String providerMessage() {
      return providerMessage;
    }
  }

  /** The provider rejected Seawall's credentials; the message never carries them. */
  public static final class Unauthorized extends CarrierFailure {

    public Unauthorized(String message) {
      super(message, null);
    }
  }
}
