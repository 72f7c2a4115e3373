package io.seawall.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sandbox provider's documented number scheme, one story per final digit. */
class SandboxCarrierTrackingTest {

  private static final Instant REGISTERED = Instant.parse("2026-11-20T10:00:00Z");

  private final MovableClock clock = new MovableClock(REGISTERED);
  private final CarrierTracking sandbox = new SandboxCarrierTracking(clock);

  @Test
  void aNumberEndingIn0IsPendingWithoutEvents() {
    Tracking pending = sandbox.register("dhl", "SW0000000000");

    assertThat(pending.status()).isEqualTo(TrackingStatus.PENDING);
    assertThat(pending.events()).isEmpty();
    assertThat(pending.lastEventTime()).isNull();
  }

  @Test
  void aNumberEndingIn1HasOnlyItsLabelCreated() {
    Tracking labelled = sandbox.register("dhl", "SW0000000001");

    assertThat(labelled.status()).isEqualTo(TrackingStatus.INFO_RECEIVED);
    assertThat(labelled.events()).singleElement()
        .extracting(TrackingEvent::time).isEqualTo(REGISTERED.minus(Duration.ofHours(6)));
  }

  @Test
  void aNumberEndingIn2IsInTransitAtTheDestinationHub() {
    Tracking inTransit = sandbox.register("dhl", "SW0000000002");

    assertThat(inTransit.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
    assertThat(inTransit.subStatus()).isEqualTo("arrived_at_hub");
    assertThat(inTransit.events()).extracting(TrackingEvent::status)
        .containsExactly(TrackingStatus.INFO_RECEIVED, TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT);
    assertThat(inTransit.lastEventTime()).isEqualTo(REGISTERED.minus(Duration.ofDays(1)));
  }

  @Test
  void aNumberEndingIn3IsOutForDelivery() {
    Tracking outForDelivery = sandbox.register("dhl", "SW0000000003");

    assertThat(outForDelivery.status()).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
    assertThat(outForDelivery.lastEventTime()).isEqualTo(REGISTERED.minus(Duration.ofHours(2)));
  }

  @Test
  void aNumberEndingIn4IsDeliveredWithItsJourneyInOrder() {
    Tracking delivered = sandbox.register("dhl", "SW0000000004");

    assertThat(delivered.status()).isEqualTo(TrackingStatus.DELIVERED);
    assertThat(delivered.events()).extracting(TrackingEvent::status).containsExactly(
        TrackingStatus.INFO_RECEIVED, TrackingStatus.IN_TRANSIT, TrackingStatus.IN_TRANSIT,
        TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
    assertThat(delivered.events()).extracting(TrackingEvent::time).isSorted();
    assertThat(delivered.lastEventTime()).isEqualTo(REGISTERED.minus(Duration.ofHours(1)));
  }

  @Test
  void aNumberEndingIn5WaitsAtAPickupPoint() {
    assertThat(sandbox.register("dhl", "SW0000000005").status()).isEqualTo(TrackingStatus.AVAILABLE_FOR_PICKUP);
  }

  @Test
  void aNumberEndingIn6HadAFailedDeliveryAttempt() {
    Tracking attempted = sandbox.register("dhl", "SW0000000006");

    assertThat(attempted.status()).isEqualTo(TrackingStatus.ATTEMPT_FAILED);
    assertThat(attempted.events()).extracting(TrackingEvent::status)
        .endsWith(TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.ATTEMPT_FAILED);
  }

  @Test
  void aNumberEndingIn7WasReturnedToTheSender() {
    Tracking returned = sandbox.register("dhl", "SW0000000007");

    assertThat(returned.status()).isEqualTo(TrackingStatus.EXCEPTION);
    assertThat(returned.subStatus()).isEqualTo("returned_to_sender");
  }

  @Test
  void aNumberEndingIn8HasBeenSilentForTheDaysItsTwoPreviousDigitsSay() {
    Tracking silent = sandbox.register("dhl", "SW0000000148");

    assertThat(silent.status()).isEqualTo(TrackingStatus.IN_TRANSIT);
    assertThat(silent.lastEventTime()).isEqualTo(REGISTERED.minus(Duration.ofDays(14)));
  }

  @Test
  void aNumberEndingIn9HasExpired() {
    Tracking expired = sandbox.register("dhl", "SW0000000009");

    assertThat(expired.status()).isEqualTo(TrackingStatus.EXPIRED);
    assertThat(expired.events()).isEmpty();
  }

  @Test
  void aNumberOutsideTheSchemeStaysPendingLikeAnyNewParcel() {
    Tracking real = sandbox.register("dhl", "00340434161094042557");

    assertThat(real.status()).isEqualTo(TrackingStatus.PENDING);
    assertThat(real.events()).isEmpty();
  }

  @Test
  void registeringAgainLaterAnswersTheFirstRegistration() {
    Tracking first = sandbox.register("dhl", "SW0000000002");
    clock.advance(Duration.ofDays(3));

    assertThat(sandbox.register("dhl", "SW0000000002")).isEqualTo(first);
    assertThat(sandbox.read("dhl", "SW0000000002")).isEqualTo(first);
  }

  @Test
  void readingANumberNeverRegisteredIsRefused() {
    CarrierFailure.Refused refused =
        catchThrowableOfType(CarrierFailure.Refused.class, () -> sandbox.read("dhl", "SW0000000004"));

    assertThat(refused.code()).isEqualTo("TRACKING_NOT_FOUND");
  }

  @Test
  void anInvalidSlugIsRefused() {
    CarrierFailure.Refused refused =
        catchThrowableOfType(CarrierFailure.Refused.class, () -> sandbox.register("DHL Express", "SW0000000004"));

    assertThat(refused.code()).isEqualTo("INVALID_SLUG");
  }

  @Test
  void anInvalidTrackingNumberIsRefused() {
    CarrierFailure.Refused refused =
        catchThrowableOfType(CarrierFailure.Refused.class, () -> sandbox.register("dhl", "SW 1"));

    assertThat(refused.code()).isEqualTo("INVALID_TRACKING_NUMBER");
  }

  /** A clock the test moves on, to show that a registration does not change with time. */
  private static final class MovableClock extends Clock {

    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }
  }
}
